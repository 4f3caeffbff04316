import type { BatchScaling, BatchSchedule } from '../core/batchScaling';
import type { Hyperparams } from '../core/optimizers/optimizerSpec';
import { OPTIMIZERS } from '../core/optimizers/registry';
import { SURFACES } from '../core/surfaces/registry';
import type { OrbitView } from '../core/view/orbitView';
import { defaultSlot, nextRacerKey, type Racer } from './racers';

/** Everything that decides what the race computes. Derived values (configs, results) are not stored. */
export interface RaceState {
  surface: string;
  /** The surface's knobs, every key filled. */
  surfaceParams: Record<string, number>;
  /** The racers, in legend order (1 to MAX_RACERS; the same optimizer may race several times). */
  racers: Racer[];
  start: [number, number];
  steps: number;
  /** Minibatch sampling; `size === samples` is the exact (full-batch) gradient. */
  batch: {
    size: number;
    samples: number;
    noise: number;
    seed: number;
    /** How the lr follows B (`state/batchRule.ts`); absent or rule 'none': it does not. */
    scaling?: BatchScaling | null;
    /** B × factor (or lr ÷ factor) at milestones; absent: one B for the whole race. */
    schedule?: BatchSchedule | null;
  };
  /** The shared LR schedule: its id and the keywords the user set (the rest are derived). */
  schedule: { id: string; params: Record<string, unknown> };
}

/** How the page looks; not part of the computation. */
export interface ViewState {
  /** The lr plot's value axis: chosen from the values (log past 10×), or as the user set it. */
  lrAxis: 'auto' | 'log' | 'linear';
  theme: 'light' | 'dark';
  large: boolean;
  logHeight: boolean;
  /** Whether the 3D panel is drawn (off on slow, software-rendered machines). */
  show3d: boolean;
  /** The 3D camera the user left (`cam` in the link); absent: the default view. */
  camera?: OrbitView;
  /** "Anatomy of a step": gradient, momentum and update arrows at each racer's shown point. */
  arrows: boolean;
}

/** Playback of the computed race. */
export interface PlaybackState {
  /** Steps shown (0 = only the starts). */
  step: number;
  playing: boolean;
  /** Steps advanced per animation frame. */
  speed: number;
}

/** The racers a race on a surface that names none starts with. */
export const DEFAULT_RACERS = ['sgd', 'rmsprop', 'adam', 'adagrad'] as const;
export const DEFAULT_STEPS = 300;
export const DEFAULT_SURFACE = 'rosenbrock';

const surfaceRace = (surface: string) => SURFACES.find((s) => s.id === surface)?.race;

/**
 * An optimizer's starting settings on a surface: torch's defaults, then its record's `race`
 * (a good race on Rosenbrock), then what the surface's own race settings say for it.
 */
export function raceDefaultsFor(id: string, surface: string = DEFAULT_SURFACE): Hyperparams {
  const spec = OPTIMIZERS.find((o) => o.id === id);
  if (!spec) throw new Error(`unknown optimizer '${id}'`);
  const race = surfaceRace(surface);
  const lr = race?.lr?.[id];
  return {
    ...spec.defaults,
    ...spec.race,
    ...(lr === undefined ? {} : { lr }),
    ...race?.hp?.[id],
  } as Hyperparams;
}

/** The number of steps a race on this surface starts with. */
export const raceStepsFor = (surface: string): number =>
  surfaceRace(surface)?.steps ?? DEFAULT_STEPS;

/** The optimizers a race on this surface starts with. */
export const raceOptimizersFor = (surface: string): readonly string[] =>
  surfaceRace(surface)?.racers ?? DEFAULT_RACERS;

/** A new racer of `optimizer` with the surface's starting settings, the next key and a colour slot. */
export function newRacer(
  optimizer: string,
  surface: string,
  racers: readonly Racer[],
  color: number,
): Racer {
  return {
    key: nextRacerKey(optimizer, racers),
    optimizer,
    hp: raceDefaultsFor(optimizer, surface),
    lookahead: null,
    color,
    label: null,
    schedule: null,
    batch: null,
  };
}

/** Racers of these optimizers, keys and colour slots in list order (the caller caps the count). */
export function racersOf(optimizers: readonly string[], surface: string): Racer[] {
  const racers: Racer[] = [];
  for (const id of optimizers)
    racers.push(newRacer(id, surface, racers, defaultSlot(racers.length)));
  return racers;
}

export function defaultSurfaceParams(id: string): Record<string, number> {
  const spec = SURFACES.find((s) => s.id === id);
  if (!spec) throw new Error(`unknown surface '${id}'`);
  return Object.fromEntries(spec.params.map((p) => [p.key, p.default]));
}

export function defaultStart(surface: string, params: Record<string, number>): [number, number] {
  const s = SURFACES.find((q) => q.id === surface)!.create(params);
  return [s.defaultStart[0], s.defaultStart[1]];
}

export const DEFAULT_BATCH = { size: 256, samples: 256, noise: 1, seed: 1 } as const;

/**
 * The most sampled gradients one optimizer computes in a race: steps × batch size, when the batch
 * is a minibatch (a full batch is the surface's exact gradient, whose cost does not grow with N).
 * The worker's cost is racers × steps × batch (about 50 million sampled gradients a second on one
 * core), so a number-by-number check let `steps=10000&batch=99999` run for over a minute. The cap
 * is per optimizer and equal to what the sliders reach (5,000 steps × a batch of 4,095 of 4,096),
 * so any state the controls make still round-trips through its link.
 */
export const MAX_STEPS_X_BATCH = 5_000 * 4_096;

/**
 * The batch size to use instead of `batch.size` when steps × batch is over MAX_STEPS_X_BATCH
 * (the largest within it), or null when the race is within the cap.
 */
export function cappedBatchSize(steps: number, batch: RaceState['batch']): number | null {
  if (batch.size >= batch.samples || steps * batch.size <= MAX_STEPS_X_BATCH) return null;
  return Math.max(1, Math.floor(MAX_STEPS_X_BATCH / steps));
}

export function defaultRaceState(surface: string = DEFAULT_SURFACE): RaceState {
  const surfaceParams = defaultSurfaceParams(surface);
  return {
    surface,
    surfaceParams,
    racers: racersOf(raceOptimizersFor(surface), surface),
    start: defaultStart(surface, surfaceParams),
    steps: raceStepsFor(surface),
    batch: { ...DEFAULT_BATCH },
    schedule: { id: 'constant', params: {} },
  };
}

export const defaultViewState = (): ViewState => ({
  lrAxis: 'auto',
  theme: 'light',
  large: false,
  logHeight: true,
  show3d: true,
  arrows: false,
});
export const defaultPlaybackState = (steps = 300): PlaybackState => ({
  step: steps,
  playing: false,
  speed: 1,
});
