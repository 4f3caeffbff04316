/**
 * The loss-landscape page's link: one readable key per setting, driven by one table for both
 * parsing and writing (as tensorflow/playground's state table). Parsing takes the query string,
 * never `window.location`; every invalid value is named in a message and replaced by its default.
 *
 *   ?model=resnet-56&skip=off&view=pca&res=31&samples=256&seed=1&line=interpolation&theme=dark&large=1
 *
 * `line` is the "Along a line" panel: off (closed, the default, not written), or open on its
 * `interpolation` (initialisation → trained) or `random` (random direction) path.
 *
 * `toy` is the "Train a small network" panel: off (closed, the default, not written) or open on a
 * data set (spiral, circle, xor, gauss); `toy.opt`, `toy.lr`, `toy.momentum`, `toy.batch`,
 * `toy.steps`, `toy.noise`, `toy.seed`, `toy.dir` (pca or random) and `toy.sched` (cosine or
 * onecycle, whose max_lr is `toy.lr`) are its knobs, written only
 * when they differ from the defaults (toySpec.ts).
 *
 * `theme`, `large` and `log3d` are how the page looks (as on the race page: dark theme and large
 * type for projectors, log heights in the 3D view); they are written only when they differ from
 * the default (light, normal type, log heights on). `cam=az,el,dist` is the 3D camera, written
 * once the user has moved it (io/cameraParam.ts, as on the race page). `view3d=1` asks a
 * one-figure view (the `landscape` embed widget) for 3D instead of the contour map.
 *
 * `compare=1` shows every shipped random-direction slice side by side (the comparison view, one
 * colour scale; with `view3d=1` each in 3D under one shared `cam`); `levels=paper` draws its
 * contours at upstream's linear 0.1 … 10 instead of the log levels; `open=<model>` is the panel
 * opened large over it (`open=resnet-56-ns`). All three are written only when set.
 *
 * `curv=1` draws the non-convexity map (core/view/curvatureMap) over the contour: blue where the
 * slice is convex, yellow to red where it curves downward. Written only when on.
 *
 * Debug keys (documented in docs and the tests, not shown as knobs):
 *   init=1   recompute with freshly initialised (seeded) weights instead of the shipped ones;
 *            lets the GPU path run where no pretrained weights are shipped.
 */
import { modelKeyOf } from '../core/view/compareGrid';
import { LEVEL_STYLES, type LevelStyle } from '../core/view/contourLevels';
import type { OrbitView } from '../core/view/orbitView';
import { TOY2D_SETS, type Toy2dKind } from '../data/toy2d';
import { cameraCodec } from '../io/cameraParam';
import { ignoredNote } from '../io/queryParams';
import {
  readUrlTable,
  tableParams,
  unknownNote,
  urlField,
  writeUrlTable,
  type UrlField,
  type UrlTable,
} from '../io/urlTable';
import {
  defaultToySettings,
  TOY_OPTIMIZERS,
  TOY_INITS,
  TOY_LAYERS_RANGE,
  TOY_SCHEDULES,
  TOY_TRAIN_POINTS,
  type ToyInit,
  type ToyOptimizer,
  type ToySchedule,
  type ToySettings,
} from './toySpec';

export const DEPTHS = [20, 56, 110] as const;
export type Depth = (typeof DEPTHS)[number];
export type LandscapeViewKind = 'random' | 'pca';
/** The 1D panel: closed, or open on one of its two paths. */
export type LinePanel = 'off' | 'interpolation' | 'random';
export const LINE_PANELS: readonly LinePanel[] = ['off', 'interpolation', 'random'];

export interface LandscapeSettings {
  depth: Depth;
  /** Identity shortcuts on (ResNet) or off (the "-ns" plain net). */
  skip: boolean;
  view: LandscapeViewKind;
  /** Fine grid points per side for "Recompute on my GPU". */
  res: number;
  /** Test images evaluated at each point. */
  samples: number;
  /** Seed of the random directions. */
  seed: number;
  /** Gram–Schmidt the second direction against the first (off: Li et al.'s default). */
  orthogonal: boolean;
  /** The "Along a line" panel: closed, or open on a path. */
  line: LinePanel;
  /** Debug: freshly initialised weights. */
  init: boolean;
}

export type LandscapeTheme = 'light' | 'dark';

/** How the page looks, not what it computes: theme and large type (for projectors), 3D heights. */
export interface LandscapeLook {
  theme: LandscapeTheme;
  large: boolean;
  /** 3D heights by log10 of the loss (on by default: slices span up to eight decades). */
  logHeight: boolean;
  /** The landscape 3D view's camera once the user has moved it; absent: the default view. */
  camera?: OrbitView;
  /**
   * A one-figure view (the `landscape` embed widget) draws the slice in 3D rather than as a
   * contour map; absent: contour. The page itself shows both and ignores it.
   */
  view3d?: boolean;
  /** The comparison view (every shipped slice side by side) instead of the single model. */
  compare?: boolean;
  /** The comparison view's contour levels; absent: log. */
  levels?: LevelStyle;
  /** The comparison panel opened large (a shipped model's name); absent: none. */
  open?: string;
  /** The non-convexity map drawn over the contour; absent: off. */
  curvature?: boolean;
}

/** Light and normal type, as the race page (which does not follow prefers-color-scheme either). */
export function defaultLandscapeLook(): LandscapeLook {
  return { theme: 'light', large: false, logHeight: true };
}

/** Everything a link holds: the settings, the look and the toy panel's settings. */
type LinkValues = LandscapeSettings & LandscapeLook & ToySettings;

export const RES_RANGE = { min: 3, max: 61 } as const;
export const SAMPLES_RANGE = { min: 8, max: 1000 } as const;
export const SEED_RANGE = { min: 0, max: 2 ** 31 - 1 } as const;

export function defaultLandscapeSettings(): LandscapeSettings {
  return {
    depth: 56,
    skip: true,
    view: 'random',
    res: 31,
    samples: 256,
    seed: 1,
    orthogonal: false,
    line: 'off',
    init: false,
  };
}

/** The zoo preset name of a depth and shortcut choice (`resnet-56-ns`). */
export function modelName(s: Pick<LandscapeSettings, 'depth' | 'skip'>): string {
  return `resnet-${s.depth}${s.skip ? '' : '-ns'}`;
}

/** "ResNet-56 without skip connections". */
export function modelLabel(s: Pick<LandscapeSettings, 'depth' | 'skip'>): string {
  return `ResNet-${s.depth} ${s.skip ? 'with' : 'without'} skip connections`;
}

interface Field<K extends keyof LinkValues> {
  key: string;
  field: K;
  /** A value, or a sentence saying what is allowed. */
  parse(raw: string): LinkValues[K] | { error: string };
  write(v: LinkValues[K]): string;
  /** Written only when it differs from the default (debug and advanced keys). */
  quiet?: boolean;
}

const onOff = (raw: string): boolean | { error: string } =>
  ['on', '1', 'true', 'yes'].includes(raw)
    ? true
    : ['off', '0', 'false', 'no'].includes(raw)
      ? false
      : { error: 'must be on or off' };

/** A look switch: read as on/off, but named as the 1 or 0 the link writes. */
const oneZero = (raw: string): boolean | { error: string } => {
  const v = onOff(raw);
  return typeof v === 'boolean' ? v : { error: 'must be 1 or 0' };
};

const int =
  (min: number, max: number) =>
  (raw: string): number | { error: string } => {
    const v = Number(raw);
    return raw.trim() !== '' && Number.isInteger(v) && v >= min && v <= max
      ? v + 0 // -0 reads as 0, as the link writes it
      : { error: `must be a whole number from ${min} to ${max}` };
  };

const num =
  (min: number, max: number, what = `a number from ${min} to ${max}`) =>
  (raw: string): number | { error: string } => {
    const v = Number(raw);
    return raw.trim() !== '' && Number.isFinite(v) && v >= min && v <= max
      ? v + 0 // -0 reads as 0, as the link writes it
      : { error: `must be ${what}` };
  };
const TOY_KINDS = ['off', ...TOY2D_SETS.map((d) => d.id)] as readonly string[];
/** Learning rates: any positive float32 (1e38 overflows the weights within a few steps: divergence made visible). */
export const TOY_LR_RANGE = { min: 1e-6, max: 1e38 } as const;
export const TOY_STEPS_RANGE = { min: 1, max: 10_000 } as const;

type AnyField = { [K in keyof LinkValues]-?: Field<K> }[keyof LinkValues];

/** The link's keys, in the order they are written. */
export const LANDSCAPE_URL_FIELDS: readonly AnyField[] = [
  {
    key: 'model',
    field: 'depth',
    parse: (raw) => {
      const d = Number(/^resnet-(\d+)$/.exec(raw)?.[1]);
      return (DEPTHS as readonly number[]).includes(d)
        ? (d as Depth)
        : { error: `must be one of ${DEPTHS.map((x) => `resnet-${x}`).join(', ')}` };
    },
    write: (d) => `resnet-${d}`,
  },
  { key: 'skip', field: 'skip', parse: onOff, write: (v) => (v ? 'on' : 'off') },
  {
    key: 'view',
    field: 'view',
    parse: (raw) => (raw === 'random' || raw === 'pca' ? raw : { error: 'must be random or pca' }),
    write: (v) => v,
  },
  { key: 'res', field: 'res', parse: int(RES_RANGE.min, RES_RANGE.max), write: String },
  {
    key: 'samples',
    field: 'samples',
    parse: int(SAMPLES_RANGE.min, SAMPLES_RANGE.max),
    write: String,
  },
  { key: 'seed', field: 'seed', parse: int(SEED_RANGE.min, SEED_RANGE.max), write: String },
  {
    key: 'line',
    field: 'line',
    quiet: true,
    write: (v) => v,
    parse: (raw) =>
      (LINE_PANELS as readonly string[]).includes(raw)
        ? (raw as LinePanel)
        : { error: `must be one of ${LINE_PANELS.join(', ')}` },
  },
  {
    key: 'toy',
    field: 'toy',
    quiet: true,
    write: (v) => v,
    parse: (raw) =>
      TOY_KINDS.includes(raw)
        ? (raw as 'off' | Toy2dKind)
        : { error: `must be one of ${TOY_KINDS.join(', ')}` },
  },
  {
    key: 'toy.opt',
    field: 'toyOpt',
    quiet: true,
    write: (v) => v,
    parse: (raw) =>
      (TOY_OPTIMIZERS as readonly string[]).includes(raw)
        ? (raw as ToyOptimizer)
        : { error: `must be one of ${TOY_OPTIMIZERS.join(', ')}` },
  },
  {
    key: 'toy.lr',
    field: 'toyLr',
    quiet: true,
    write: String,
    parse: num(TOY_LR_RANGE.min, TOY_LR_RANGE.max, `a number from 1e-6 to 1e38`),
  },
  { key: 'toy.momentum', field: 'toyMomentum', quiet: true, write: String, parse: num(0, 0.999) },
  {
    key: 'toy.batch',
    field: 'toyBatch',
    quiet: true,
    write: String,
    parse: int(1, TOY_TRAIN_POINTS),
  },
  {
    key: 'toy.steps',
    field: 'toySteps',
    quiet: true,
    write: String,
    parse: int(TOY_STEPS_RANGE.min, TOY_STEPS_RANGE.max),
  },
  { key: 'toy.noise', field: 'toyNoise', quiet: true, write: String, parse: num(0, 0.5) },
  {
    key: 'toy.seed',
    field: 'toySeed',
    quiet: true,
    write: String,
    parse: int(SEED_RANGE.min, SEED_RANGE.max),
  },
  {
    key: 'toy.dir',
    field: 'toyDir',
    quiet: true,
    write: (v) => v,
    parse: (raw) => (raw === 'pca' || raw === 'random' ? raw : { error: 'must be pca or random' }),
  },
  {
    key: 'toy.sched',
    field: 'toySched',
    quiet: true,
    write: (v) => v,
    parse: (raw) =>
      (TOY_SCHEDULES as readonly string[]).includes(raw)
        ? (raw as ToySchedule)
        : { error: `must be one of ${TOY_SCHEDULES.join(', ')}` },
  },
  {
    key: 'toy.act',
    field: 'toyAct',
    quiet: true,
    write: (v) => v,
    parse: (raw) => (raw === 'tanh' || raw === 'relu' ? raw : { error: 'must be tanh or relu' }),
  },
  {
    key: 'toy.layers',
    field: 'toyLayers',
    quiet: true,
    write: String,
    parse: int(TOY_LAYERS_RANGE.min, TOY_LAYERS_RANGE.max),
  },
  {
    key: 'toy.init',
    field: 'toyInit',
    quiet: true,
    write: (v) => v,
    parse: (raw) =>
      (TOY_INITS as readonly string[]).includes(raw)
        ? (raw as ToyInit)
        : { error: `must be one of ${TOY_INITS.join(', ')}` },
  },
  {
    key: 'ortho',
    field: 'orthogonal',
    parse: onOff,
    write: (v) => (v ? 'on' : 'off'),
    quiet: true,
  },
  { key: 'init', field: 'init', parse: onOff, write: (v) => (v ? '1' : '0'), quiet: true },
  {
    key: 'theme',
    field: 'theme',
    parse: (raw) => (raw === 'light' || raw === 'dark' ? raw : { error: 'must be light or dark' }),
    write: (v) => v,
    quiet: true,
  },
  {
    key: 'large',
    field: 'large',
    write: (v) => (v ? '1' : '0'),
    quiet: true,
    parse: oneZero,
  },
  {
    key: 'log3d',
    field: 'logHeight',
    write: (v) => (v ? '1' : '0'),
    quiet: true,
    parse: oneZero,
  },
  {
    key: 'cam',
    field: 'camera',
    quiet: true,
    parse: (raw) => {
      const r = cameraCodec.parse(raw);
      return r.ok ? r.value : { error: r.error };
    },
    write: (v) => (v ? cameraCodec.format(v) : 'the default view'),
  },
  {
    key: 'view3d',
    field: 'view3d',
    quiet: true,
    write: (v) => (v ? '1' : '0'),
    parse: oneZero,
  },
  {
    key: 'compare',
    field: 'compare',
    quiet: true,
    write: (v) => (v ? '1' : '0'),
    parse: oneZero,
  },
  {
    key: 'levels',
    field: 'levels',
    quiet: true,
    write: (v) => v ?? 'log',
    parse: (raw) =>
      (LEVEL_STYLES as readonly string[]).includes(raw)
        ? (raw as LevelStyle)
        : { error: `must be one of ${LEVEL_STYLES.join(', ')}` },
  },
  {
    key: 'open',
    field: 'open',
    quiet: true,
    write: (v) => v ?? '',
    // A zoo model's name (resnet-56-ns, wrn-56-k2); whether the index has it is the view's to say.
    parse: (raw) =>
      raw.length <= 40 && modelKeyOf({ model: raw })
        ? raw
        : { error: 'must be a model name such as resnet-56-ns' },
  },
  {
    key: 'curv',
    field: 'curvature',
    quiet: true,
    write: (v) => (v ? '1' : '0'),
    parse: (raw) => {
      const v = onOff(raw);
      return typeof v === 'boolean' ? v : { error: 'must be 1 or 0' };
    },
  },
];

const defaultLinkValues = (): LinkValues => ({
  ...defaultLandscapeSettings(),
  ...defaultLandscapeLook(),
  ...defaultToySettings(),
});

/** A row of the list above as a field of the one URL table mechanism (io/urlTable.ts). */
function tableField<K extends keyof LinkValues>(f: Field<K>): UrlField<LinkValues> {
  return urlField<LinkValues, LinkValues[K]>({
    key: f.key,
    codec: {
      parse: (raw) => {
        const v = f.parse(raw);
        return typeof v === 'object' && v !== null && 'error' in v
          ? { ok: false, error: v.error }
          : { ok: true, value: v };
      },
      format: f.write,
    },
    get: (s) => s[f.field],
    set: (s, v) => {
      s[f.field] = v;
    },
    def: () => defaultLinkValues()[f.field],
    // The model, view and grid are always written, so a link says what it shows.
    always: !f.quiet,
  });
}

const LANDSCAPE_URL_TABLE: UrlTable<LinkValues> = [
  () => LANDSCAPE_URL_FIELDS.map((f) => tableField(f as Field<keyof LinkValues>)),
];

/**
 * Settings and look from a query string (`?a=b&…` or `a=b&…`); each bad, unreadable (malformed
 * percent-escape), repeated or unknown key gives a message, and a bad value keeps its default.
 * Never throws, whatever the link (io/queryParams.ts decodes it, as for the race page).
 */
export function parseLandscapeUrl(query: string): {
  settings: LandscapeSettings;
  look: LandscapeLook;
  toy: ToySettings;
  errors: string[];
} {
  const values = defaultLinkValues();
  const { errors, params, used } = readUrlTable(LANDSCAPE_URL_TABLE, query, values);
  for (const key of params.keys())
    if (!used.has(key))
      errors.push(
        unknownNote(key, ignoredNote(key) ?? `unknown parameter (known: ${[...used].join(', ')})`),
      );
  const { theme, large, logHeight, camera, view3d, compare, levels, open, curvature, ...rest } =
    values;
  // The toy panel's fields are those of its defaults; the rest are the page's settings.
  const isToy = (k: string) => k in defaultToySettings();
  const pick = (toyKeys: boolean) =>
    Object.fromEntries(Object.entries(rest).filter(([k]) => isToy(k) === toyKeys));
  return {
    settings: pick(false) as unknown as LandscapeSettings,
    look: {
      theme,
      large,
      logHeight,
      ...(camera ? { camera } : {}),
      ...(view3d ? { view3d } : {}),
      ...(compare ? { compare } : {}),
      ...(levels && levels !== 'log' ? { levels } : {}),
      ...(open ? { open } : {}),
      ...(curvature ? { curvature } : {}),
    },
    // Two long names cut to the same 40 characters say the same thing once.
    errors: [...new Set(errors)],
    toy: pick(true) as unknown as ToySettings,
  };
}

/** The query string (without '?') of `settings`, `look` and the toy panel's settings. */
export const serializeLandscapeUrl = (
  settings: LandscapeSettings,
  look: LandscapeLook = defaultLandscapeLook(),
  toy: ToySettings = defaultToySettings(),
): string => writeUrlTable(LANDSCAPE_URL_TABLE, { ...settings, ...look, ...toy });

/** The same as `[key, value]` pairs (what an embed's `get` answers). */
export const landscapeUrlParams = (
  settings: LandscapeSettings,
  look: LandscapeLook,
  toy: ToySettings,
): [string, string][] => tableParams(LANDSCAPE_URL_TABLE, { ...settings, ...look, ...toy });
