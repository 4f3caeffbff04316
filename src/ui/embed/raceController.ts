import { serializeUrlState, urlStateParams } from '../../state/raceUrl';
import { shownStep, usePlaybackStore } from '../../state/playbackStore';
import { useRaceStore } from '../../state/raceStore';
import { useResultsStore } from '../../state/resultsStore';
import { useTuneStore } from '../../state/tuneStore';
import { currentUrlState, loadUrlState } from '../../state/urlSync';
import { useViewStore } from '../../state/viewStore';
import type { WidgetController, WidgetEvent } from './controller';

/** `state` waits for a burst of changes (a slider drag) to settle. */
export const STATE_DEBOUNCE_MS = 150;
/** `step` at most ~10 a second while playing; the last step of a burst always goes out. */
export const STEP_THROTTLE_MS = 100;

/** How the race looks: kept when a host changes the surface, as the page keeps it. */
const LOOK_KEYS = new Set(['theme', 'large', '3d', 'log3d', 'lraxis', 'arrows', 'cam', 'speed']);

/**
 * The current link's entries a `set` lays its keys over. A new surface (or scene) starts from its
 * own racer settings (as choosing it on the page does), so only the look and the racers stay; a new
 * `opt` drops the settings of the racers it leaves out, which would otherwise be named as strays.
 */
export function mergeBase(
  current: readonly [string, string][],
  params: Readonly<Record<string, string>>,
): [string, string][] {
  if ('scene' in params) return current.filter(([k]) => LOOK_KEYS.has(k));
  if ('surface' in params) return current.filter(([k]) => LOOK_KEYS.has(k) || k === 'opt');
  if (!('opt' in params)) return [...current];
  const now = new Set(params.opt.split(','));
  const gone = new Set(
    (current.find(([k]) => k === 'opt')?.[1].split(',') ?? []).filter((r) => !now.has(r)),
  );
  return current.filter(
    ([k]) =>
      !k
        .split('.')
        .slice(1)
        .some((part) => gone.has(part)),
  );
}

const encodePair = (k: string, v: string) => `${encodeURIComponent(k)}=${encodeURIComponent(v)}`;

/**
 * The race stores behind the `WidgetController` contract: playback from the playback store,
 * `set`/`get` in the race link's own vocabulary (through `state/raceUrl`, so a host speaks what a
 * link says), and events from store subscriptions. Returns the controller and a stop function.
 */
export function raceController(widget: string): {
  controller: WidgetController;
  stop(): void;
} {
  const listeners = new Set<(e: WidgetEvent) => void>();
  const emit = (e: WidgetEvent) => listeners.forEach((l) => l(e));
  const playback = usePlaybackStore.getState;

  const get = (keys?: readonly string[]): Record<string, string> => {
    const all = new Map(urlStateParams(currentUrlState()));
    if (!keys) return Object.fromEntries(all);
    // `step` is always the step shown; a key at its default is not in the link, so not answered.
    all.set('step', String(shownStep(playback())));
    return Object.fromEntries(keys.flatMap((k) => (all.has(k) ? [[k, all.get(k)!]] : [])));
  };

  const set = (params: Readonly<Record<string, string>>): string[] => {
    const before = playback();
    const merged = new Map(mergeBase(urlStateParams(currentUrlState()), params));
    for (const [k, v] of Object.entries(params)) merged.set(k, v);
    const errors = loadUrlState([...merged].map(([k, v]) => encodePair(k, v)).join('&'));
    // A host that changes the lr mid-play keeps the race playing where it was.
    if (!('step' in params)) {
      playback().seek(before.step);
      if (before.playing) usePlaybackStore.setState({ playing: true });
    }
    return errors;
  };

  // state: after any change of the settings, once it settles, when the link it gives differs.
  let lastQuery = serializeUrlState(currentUrlState());
  let stateTimer: ReturnType<typeof setTimeout> | null = null;
  const flushState = () => {
    stateTimer = null;
    const q = serializeUrlState(currentUrlState());
    if (q === lastQuery) return;
    lastQuery = q;
    emit({ type: 'state', params: get() });
  };
  const scheduleState = () => {
    if (stateTimer !== null) clearTimeout(stateTimer);
    stateTimer = setTimeout(flushState, STATE_DEBOUNCE_MS);
  };

  // step: throttled; done: when the shown step arrives at the last one.
  let lastStep = shownStep(playback());
  let stepSentAt = -Infinity;
  let stepTimer: ReturnType<typeof setTimeout> | null = null;
  const sendStep = () => {
    stepTimer = null;
    stepSentAt = performance.now();
    emit({ type: 'step', step: lastStep, steps: playback().maxStep });
  };
  const onPlayback = (s: ReturnType<typeof playback>, prev: ReturnType<typeof playback>) => {
    const k = shownStep(s);
    if (k !== lastStep) {
      lastStep = k;
      const wait = stepSentAt + STEP_THROTTLE_MS - performance.now();
      if (wait <= 0 && stepTimer === null) sendStep();
      else stepTimer ??= setTimeout(sendStep, Math.max(0, wait));
      if (k >= s.maxStep && shownStep(prev) < s.maxStep) emit({ type: 'done' });
    }
    if (
      !s.playing &&
      (k !== shownStep(prev) || s.playing !== prev.playing || s.speed !== prev.speed)
    )
      scheduleState();
  };

  // diverged: once per computed race and racer.
  let reportedSeq = -1;
  const onResults = (r: ReturnType<typeof useResultsStore.getState>) => {
    if (!r.racers || r.raceSeq === reportedSeq) return;
    reportedSeq = r.raceSeq;
    for (const racer of r.racers)
      if (racer.divergedAt !== null)
        emit({ type: 'diverged', racer: racer.id, step: racer.divergedAt });
  };

  const unsubs = [
    useRaceStore.subscribe(scheduleState),
    useViewStore.subscribe(scheduleState),
    useTuneStore.subscribe(scheduleState),
    usePlaybackStore.subscribe(onPlayback),
    useResultsStore.subscribe(onResults),
  ];

  const controller: WidgetController = {
    widget,
    play: () => playback().play(),
    pause: () => playback().pause(),
    isPlaying: () => playback().playing,
    step: (n = 1) => playback().stepBy(n),
    reset: () => {
      playback().pause();
      playback().seek(0);
    },
    seek: (step) => playback().seek(step),
    set,
    get,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return {
    controller,
    stop: () => {
      unsubs.forEach((u) => u());
      if (stateTimer !== null) clearTimeout(stateTimer);
      if (stepTimer !== null) clearTimeout(stepTimer);
      listeners.clear();
    },
  };
}
