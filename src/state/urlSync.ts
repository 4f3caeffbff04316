import { parseUrlState, serializeUrlState, type UrlState } from './raceUrl';
import { usePlaybackStore } from './playbackStore';
import { raceSnapshot, useRaceStore } from './raceStore';
import { useViewStore } from './viewStore';
import { linkedTune, loadTune } from './tuneRunner';
import { useTuneStore } from './tuneStore';

/** Applies a parsed link to the stores; returns the messages for invalid parameters. */
export function loadUrlState(query: string): string[] {
  const { state, errors } = parseUrlState(query);
  useRaceStore.getState().replace(state.race);
  useViewStore.getState().replace(state.view);
  const p = usePlaybackStore.getState();
  p.setSpeed(state.speed);
  usePlaybackStore.setState({
    maxStep: state.race.steps,
    step: state.step ?? state.race.steps,
    playing: false,
  });
  loadTune(state.tune);
  return errors;
}

/** The stores as a link's state. A playing race links to its end (or where it was paused). */
export function currentUrlState(): UrlState {
  const v = useViewStore.getState();
  const p = usePlaybackStore.getState();
  const race = raceSnapshot();
  const step = Math.round(p.step);
  return {
    race,
    view: {
      lrAxis: v.lrAxis,
      theme: v.theme,
      large: v.large,
      logHeight: v.logHeight,
      show3d: v.show3d,
      arrows: v.arrows,
      camera: v.camera,
    },
    step: p.playing || step >= race.steps ? null : step,
    speed: p.speed,
    tune: linkedTune(),
  };
}

/**
 * Keeps the address bar equal to the state (history.replaceState, coalesced to one write per
 * 100 ms), so a copied link reproduces the view. Returns an unsubscribe.
 */
export function startUrlSync(write: (query: string) => void, delayMs = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    write(serializeUrlState(currentUrlState()));
  };
  const schedule = () => {
    if (timer === null) timer = setTimeout(flush, delayMs);
  };
  const unsubs = [
    useRaceStore.subscribe(schedule),
    useViewStore.subscribe(schedule),
    useTuneStore.subscribe(schedule),
    // While playing, the step changes every frame; the link follows only pauses and seeks.
    usePlaybackStore.subscribe((s, prev) => {
      if (
        !s.playing &&
        (s.step !== prev.step || s.playing !== prev.playing || s.speed !== prev.speed)
      )
        schedule();
    }),
  ];
  return () => {
    unsubs.forEach((u) => u());
    if (timer !== null) clearTimeout(timer);
  };
}
