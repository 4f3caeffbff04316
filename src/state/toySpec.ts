/**
 * The "Train a small network" panel's settings (from the page's link) as the ToySpec that
 * gpu/toy/toyExperiment runs: the CLI's defaults (`landscape-lab toy`: Adam, [16, 16] tanh, a cosine
 * to 0 over the steps), real minibatches, the decision map for the data figure. Pure.
 */
import { parseOptimizerConfig } from '../core/optimizers/parseOptimizer';
import { parseScheduleConfig } from '../core/schedules/parseScheduleConfig';
import type { ScheduleConfig } from '../core/schedules/scheduleSpec';
import type { Toy2dKind } from '../data/toy2d';
import type { ToySpec } from '../gpu/toy/toyExperiment';

export type ToyOptimizer = 'adam' | 'sgd' | 'momentum' | 'rmsprop';
export const TOY_OPTIMIZERS: readonly ToyOptimizer[] = ['adam', 'sgd', 'momentum', 'rmsprop'];
export const TOY_OPTIMIZER_LABELS: Record<ToyOptimizer, string> = {
  adam: 'Adam',
  sgd: 'SGD',
  momentum: 'SGD + momentum',
  rmsprop: 'RMSprop',
};
const TORCH_TYPE: Record<ToyOptimizer, string> = {
  adam: 'Adam',
  sgd: 'SGD',
  momentum: 'SGD',
  rmsprop: 'RMSprop',
};
/** The optimizer with a momentum knob (the others keep torch's defaults). */
export const hasMomentum = (o: ToyOptimizer): boolean => o === 'momentum';

/** The CLI's defaults (`landscape-lab toy`, TOY_DEFAULT_*; a test keeps them equal), not imported: the page bundles no CLI code. */
export const TOY_HIDDEN = [16, 16];
export const TOY_LR = 0.03;
export const TOY_STEPS = 1000;
export const TOY_BATCH = 50;

/** Points in the whole set and the share held out: 250 train / 250 test, as the CLI's defaults. */
export const TOY_POINTS = 500;
export const TOY_TEST_SHARE = 0.5;
export const TOY_TRAIN_POINTS = Math.round((1 - TOY_TEST_SHARE) * TOY_POINTS);
/** Slice points per side, and decision-map cells per side. */
export const TOY_GRID = 25;
export const TOY_MAP_SIZE = 64;

/** The panel's settings, as the link holds them (`toy`, `toy.opt`, …; landscapeUrl.ts). */
export interface ToySettings {
  /** The data set, or 'off' (panel closed). */
  toy: 'off' | Toy2dKind;
  toyOpt: ToyOptimizer;
  toyLr: number;
  /** SGD + momentum's μ. */
  toyMomentum: number;
  toyBatch: number;
  toySteps: number;
  /** Playground's noise / 100, 0 … 0.5. */
  toyNoise: number;
  toySeed: number;
  toyDir: 'pca' | 'random';
  /** The lr schedule: cosine to 0 (the CLI's default), or OneCycleLR peaking at `toyLr` ("Use as OneCycle max_lr"). */
  toySched: ToySchedule;
  /** The hidden layers' activation, how many there are (each 16 wide), and the init's rule. */
  toyAct: 'tanh' | 'relu';
  toyLayers: number;
  toyInit: ToyInit;
}

/** auto: each activation's own rule (Xavier for tanh, Kaiming for ReLU), as the CLI trains. */
export type ToyInit = 'auto' | 'xavier' | 'kaiming';
export const TOY_INITS: readonly ToyInit[] = ['auto', 'xavier', 'kaiming'];
export const TOY_INIT_LABELS: Record<ToyInit, string> = {
  auto: 'Matched to the activation',
  xavier: 'Xavier (Glorot)',
  kaiming: 'Kaiming (He)',
};
export const TOY_ACTS = ['tanh', 'relu'] as const;
export const TOY_ACT_LABELS: Record<ToySettings['toyAct'], string> = { tanh: 'tanh', relu: 'ReLU' };
/** Hidden layers: 1 to 24 (a deep ReLU stack is where the init decides whether it trains). */
export const TOY_LAYERS_RANGE = { min: 1, max: 24 } as const;

export type ToySchedule = 'cosine' | 'onecycle';
export const TOY_SCHEDULES: readonly ToySchedule[] = ['cosine', 'onecycle'];
export const TOY_SCHEDULE_LABELS: Record<ToySchedule, string> = {
  cosine: 'Cosine to 0',
  onecycle: 'OneCycle',
};

export function defaultToySettings(): ToySettings {
  return {
    toy: 'off',
    toyOpt: 'adam',
    toyLr: TOY_LR,
    toyMomentum: 0.9,
    toyBatch: TOY_BATCH,
    toySteps: TOY_STEPS,
    toyNoise: 0.1,
    toySeed: 0,
    toyDir: 'pca',
    toySched: 'cosine',
    toyAct: 'tanh',
    toyLayers: TOY_HIDDEN.length,
    toyInit: 'auto',
  };
}

/** What a run of these settings trains on (a closed panel trains the first set, spiral). */
export const toyData = (s: ToySettings): Toy2dKind => (s.toy === 'off' ? 'spiral' : s.toy);

/** The spec of one training run of these settings. */
export function toySpec(t: ToySettings): ToySpec {
  const s = {
    data: toyData(t),
    opt: t.toyOpt,
    lr: t.toyLr,
    momentum: t.toyMomentum,
    batch: t.toyBatch,
    steps: t.toySteps,
    noise: t.toyNoise,
    seed: t.toySeed,
    dir: t.toyDir,
  };
  const hp: Record<string, unknown> = { type: TORCH_TYPE[s.opt], lr: s.lr };
  if (hasMomentum(s.opt)) hp.momentum = s.momentum;
  const parsed = parseOptimizerConfig(hp);
  if (!parsed.ok) throw new Error(`invalid optimizer: ${parsed.errors.join('; ')}`);
  return {
    data: s.data,
    n: TOY_POINTS,
    noise: s.noise,
    testShare: TOY_TEST_SHARE,
    hidden: Array.from({ length: t.toyLayers }, () => TOY_HIDDEN[0]),
    activation: t.toyAct,
    ...(t.toyInit === 'auto' ? {} : { init: t.toyInit }),
    optimizer: {
      type: parsed.value.type,
      hp: parsed.value.hp as unknown as Record<string, unknown>,
    },
    scheduler: toyScheduler(t),
    steps: s.steps,
    batch: Math.min(s.batch, TOY_TRAIN_POINTS),
    seed: s.seed,
    grid: TOY_GRID,
    range: null,
    directions: s.dir === 'pca' && s.steps >= 2 ? 'pca' : 'random',
    mapSize: TOY_MAP_SIZE,
  };
}

/**
 * The training's schedule: OneCycleLR peaks at the lr slider's value (its max_lr) with torch's
 * other defaults, parsed as the race's and the CLI's schedules are.
 */
export function toyScheduler(
  t: Pick<ToySettings, 'toySched' | 'toyLr' | 'toySteps'>,
): ScheduleConfig {
  if (t.toySched === 'cosine') return { type: 'CosineAnnealingLR', T_max: t.toySteps, eta_min: 0 };
  const raw = { type: 'OneCycleLR', max_lr: t.toyLr, total_steps: t.toySteps };
  const parsed = parseScheduleConfig(raw, 'scheduler');
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
}
