import type { Hyperparams } from '../core/optimizers/optimizerSpec';
import type { LookaheadHp } from '../core/optimizers/lookahead';
import { OPTIMIZERS } from '../core/optimizers/registry';
import { SURFACES } from '../core/surfaces/registry';

/** Everything that decides what the race computes. Derived values (configs, results) are not stored. */
export interface RaceState {
  surface: string;
  /** The surface's knobs, every key filled. */
  surfaceParams: Record<string, number>;
  /** Racing optimizer ids, in legend/colour order. */
  optimizers: string[];
  /** Hyperparameters of every optimizer (chosen or not, so toggling one keeps its values). */
  hp: Record<string, Hyperparams>;
  /** Optimizers raced inside Lookahead, by id, with its k and α; absent = without. */
  lookahead: Record<string, LookaheadHp>;
  start: [number, number];
  steps: number;
  /** Minibatch sampling; `size === samples` is the exact (full-batch) gradient. */
  batch: { size: number; samples: number; noise: number; seed: number };
  /** The shared LR schedule: its id and the keywords the user set (the rest are derived). */
  schedule: { id: string; params: Record<string, unknown> };
}

/** How the page looks; not part of the computation. */
export interface ViewState {
  theme: 'light' | 'dark';
  large: boolean;
  logHeight: boolean;
  /** Whether the 3D panel is drawn (off on slow, software-rendered machines). */
  show3d: boolean;
}

/** Playback of the computed race. */
export interface PlaybackState {
  /** Steps shown (0 = only the starts). */
  step: number;
  playing: boolean;
  /** Steps advanced per animation frame. */
  speed: number;
}

/** An optimizer's race defaults: torch's defaults with its record's race learning rate (and momentum). */
export function raceDefaultsFor(id: string): Hyperparams {
  const spec = OPTIMIZERS.find((o) => o.id === id);
  if (!spec) throw new Error(`unknown optimizer '${id}'`);
  return { ...spec.defaults, ...spec.race } as Hyperparams;
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

export function defaultRaceState(): RaceState {
  const surface = 'rosenbrock';
  const surfaceParams = defaultSurfaceParams(surface);
  return {
    surface,
    surfaceParams,
    optimizers: ['sgd', 'rmsprop', 'adam', 'adagrad'],
    hp: Object.fromEntries(OPTIMIZERS.map((o) => [o.id, raceDefaultsFor(o.id)])),
    lookahead: {},
    start: defaultStart(surface, surfaceParams),
    steps: 300,
    batch: { ...DEFAULT_BATCH },
    schedule: { id: 'constant', params: {} },
  };
}

export const defaultViewState = (): ViewState => ({
  theme: 'light',
  large: false,
  logHeight: true,
  show3d: true,
});
export const defaultPlaybackState = (steps = 300): PlaybackState => ({
  step: steps,
  playing: false,
  speed: 1,
});
