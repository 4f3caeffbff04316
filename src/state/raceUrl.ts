import type { HpSpec, HpValue } from '../core/optimizers/optimizerSpec';
import { OPTIMIZERS } from '../core/optimizers/registry';
import { scheduleById, type ScheduleHpSpec } from '../core/schedules';
import { SURFACES } from '../core/surfaces/registry';
import { LIMITS } from '../core/config';
import {
  SCALING_RULES,
  type BatchScaling,
  type BatchSchedule,
  type ScalingRule,
} from '../core/batchScaling';
import { LOOKAHEAD_BOUNDS, lookaheadErrors, type LookaheadHp } from '../core/optimizers/lookahead';
import {
  cappedBatchSize,
  defaultRaceState,
  defaultStart,
  MAX_STEPS_X_BATCH,
  defaultViewState,
  raceDefaultsFor,
  raceOptimizersFor,
  racersOf,
  raceStepsFor,
  type RaceState,
  type ViewState,
} from './raceState';
import {
  cleanLabel,
  COLOR_SLOTS,
  defaultSlot,
  MAX_LABEL,
  MAX_RACERS,
  optimizerOfKey,
  type Racer,
} from './racers';
import { racerConfigs } from './racerConfigs';
import { batchScheduleOverCap } from './batchRule';
import { RACE_SCHEDULES } from './scheduleDefaults';
import {
  DEFAULT_TUNE,
  TUNE_CRITERIA,
  TUNE_METHODS,
  tuneChoiceError,
  type TuneChoice,
} from './tuneState';
import { echo } from '../io/queryParams';
import {
  paramNote,
  readUrlTable,
  tableParams,
  unknownNote,
  urlField,
  writeUrlTable,
  type UrlField,
  type UrlTable,
} from '../io/urlTable';
import { expandSceneQuery } from '../io/sceneQuery';
import {
  boolCodec,
  enumCodec,
  intCodec,
  listCodec,
  nullableCodec,
  numberCodec,
  type Codec,
} from '../io/urlStateCodecs';
import { cameraCodec } from '../io/cameraParam';
import type { OrbitView } from '../core/view/orbitView';

/** Everything a link reproduces. */
export interface UrlState {
  race: RaceState;
  view: ViewState;
  /** Steps shown; null = the whole race. */
  step: number | null;
  speed: number;
  /** The fair tune shown (state/tuneState.ts): re-run from the link on load; absent: none. */
  tune?: TuneChoice | null;
}

export const defaultUrlState = (): UrlState => ({
  race: defaultRaceState(),
  view: defaultViewState(),
  step: null,
  speed: 1,
});

type Field = UrlField<UrlState>;
const field = <T>(f: UrlField<UrlState, T>): Field => urlField(f);

const MAX_STEPS = 10_000;
const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
/** Short URL names for torch keywords; every other keyword is its own name. */
const HP_ALIAS: Record<string, string> = { weight_decay: 'wd' };
/** A racer's hyperparameter in the link: `lr.sgd-2`, `wd.adam` (racer key after the dot). */
export const hpUrlKey = (hpKey: string, racerKey: string) =>
  `${HP_ALIAS[hpKey] ?? hpKey}.${racerKey}`;

const boundCheck =
  (spec: Pick<HpSpec, 'min' | 'max' | 'minExclusive' | 'maxExclusive'>) =>
  (x: number): string | null => {
    const { min: lo, max: hi } = spec;
    if (lo !== undefined && (spec.minExclusive ? x <= lo : x < lo))
      return `must be ${spec.minExclusive ? '>' : '≥'} ${lo}`;
    if (hi !== undefined && (spec.maxExclusive ? x >= hi : x > hi))
      return `must be ${spec.maxExclusive ? '<' : '≤'} ${hi}`;
    return null;
  };

function hpCodec(spec: HpSpec): Codec<HpValue> {
  if (spec.kind === 'boolean') return boolCodec;
  if (spec.kind === 'choice') return enumCodec(spec.choices ?? []);
  const num = numberCodec(boundCheck(spec));
  // A list of exactly two numbers (the codec checks the length) is a pair.
  return spec.kind === 'pair'
    ? (listCodec(num, { length: 2 }) as Codec<unknown> as Codec<readonly [number, number]>)
    : num;
}

function scheduleCodec(spec: ScheduleHpSpec): Codec<unknown> {
  const maxInt = 1e9;
  let c: Codec<unknown>;
  switch (spec.kind) {
    case 'boolean':
      c = boolCodec;
      break;
    case 'choice':
      c = enumCodec(spec.choices ?? []);
      break;
    case 'integer':
      c = intCodec(spec.min ?? 0, maxInt);
      break;
    case 'integers':
      c = listCodec(intCodec(spec.min ?? 0, maxInt), { min: 1 });
      break;
    default:
      c = numberCodec(boundCheck(spec));
  }
  return spec.nullable ? nullableCodec(c) : c;
}

/** `opt=sgd,sgd-2,adam`: racer keys in legend order (an optimizer id, or `<id>-n`). */
const racerKeyCodec: Codec<string> = {
  parse: (raw) =>
    optimizerOfKey(raw)
      ? { ok: true, value: raw }
      : {
          ok: false,
          error: `must be an optimizer id (${OPTIMIZERS.map((o) => o.id).join(', ')}), or one followed by -2, -3, …`,
        },
  format: (v) => v,
};

/** `label.<key>=…`: the racer's name as the user wrote it (plain text, at most MAX_LABEL). */
const labelCodec: Codec<string | null> = {
  parse: (raw) =>
    raw.trim().length > MAX_LABEL
      ? { ok: false, error: `must be at most ${MAX_LABEL} characters` }
      : raw.trim() === ''
        ? { ok: false, error: 'must not be empty' }
        : { ok: true, value: cleanLabel(raw) },
  format: (v) => v ?? '',
};

/** `la.<id>=k,alpha`: the racer runs inside Lookahead (absent: without). */
const lookaheadCodec: Codec<LookaheadHp> = {
  parse(raw) {
    const parts = raw.split(',');
    const [k, alpha] = parts.map((p) => (p.trim() === '' ? NaN : Number(p)));
    const why =
      parts.length !== 2
        ? ['must be two numbers k,alpha']
        : lookaheadErrors({ k, alpha }).concat(
            k > LOOKAHEAD_BOUNDS.kMax ? [`k: must be at most ${LOOKAHEAD_BOUNDS.kMax}`] : [],
          );
    return why.length ? { ok: false, error: why.join('; ') } : { ok: true, value: { k, alpha } };
  },
  format: (v) => `${v.k},${v.alpha}`,
};

const surfaceSpec = (s: UrlState) => SURFACES.find((q) => q.id === s.race.surface)!;
/** The racer with this key (the fields of a racer exist only while it does). */
const racerIn = (s: UrlState, key: string): Racer => s.race.racers.find((r) => r.key === key)!;
const patchRacer = (s: UrlState, key: string, patch: Partial<Racer>) => {
  s.race.racers = s.race.racers.map((r) => (r.key === key ? { ...r, ...patch } : r));
};

/**
 * One racer's fields: `lr.<key>` and its other hyperparameters, `la.<key>=k,alpha`,
 * `label.<key>` (only when edited), `color.<key>` (only when not the slot list order gives),
 * `sched.<key>` (its own schedule) and `batch.<key>` (its own batch size).
 */
function racerFields(key: string, optimizer: string, s0: UrlState): Field[] {
  const spec = OPTIMIZERS.find((o) => o.id === optimizer)!;
  const index = (s: UrlState) => s.race.racers.findIndex((r) => r.key === key);
  return [
    ...spec.hyperparams.map((h) =>
      field({
        key: hpUrlKey(h.key, key),
        codec: hpCodec(h),
        always: h.key === 'lr',
        get: (s) => racerIn(s, key).hp[h.key],
        def: (s) => raceDefaultsFor(optimizer, s.race.surface)[h.key],
        set: (s, v) => {
          const hp = { ...racerIn(s, key).hp, [h.key]: Array.isArray(v) ? [v[0], v[1]] : v };
          patchRacer(s, key, { hp: hp as Racer['hp'] });
        },
      }),
    ),
    field<LookaheadHp | null>({
      key: `la.${key}`,
      codec: lookaheadCodec as Codec<LookaheadHp | null>,
      get: (s) => racerIn(s, key).lookahead,
      def: () => null,
      set: (s, v) => patchRacer(s, key, { lookahead: v }),
    }),
    field<string | null>({
      key: `label.${key}`,
      codec: labelCodec,
      get: (s) => racerIn(s, key).label,
      def: () => null,
      set: (s, v) => patchRacer(s, key, { label: v }),
    }),
    field({
      key: `color.${key}`,
      codec: intCodec(0, COLOR_SLOTS - 1),
      get: (s) => racerIn(s, key).color,
      def: (s) => defaultSlot(index(s)),
      set: (s, v) => patchRacer(s, key, { color: v }),
    }),
    field<string | undefined>({
      key: `sched.${key}`,
      codec: enumCodec(RACE_SCHEDULES.map((d) => d.id)) as Codec<string | undefined>,
      get: (s) => racerIn(s, key).schedule?.id,
      def: () => undefined,
      set: (s, v) => patchRacer(s, key, { schedule: { id: v!, params: {} } }),
    }),
    field<number | undefined>({
      key: `batch.${key}`,
      codec: intCodec(1, s0.race.batch.samples) as Codec<number | undefined>,
      get: (s) => racerIn(s, key).batch ?? undefined,
      def: () => undefined,
      set: (s, v) => patchRacer(s, key, { batch: v! }),
    }),
  ];
}

/** The rule as set, or 'none' with B₀ = the batch size (so base and warm-up can come first). */
const scalingOf = (s: UrlState): BatchScaling =>
  s.race.batch.scaling ?? { rule: 'none', baseSize: s.race.batch.size, warmup: 0 };
const ruleOff = (s: UrlState) => scalingOf(s).rule === 'none';

/**
 * The batch-size scaling rule (state/batchRule.ts): `batch.rule=linear|sqrt`, `batch.base=B₀`
 * (left out when B₀ is the batch size) and `batch.warmup=<steps>`; base and warm-up only with a rule.
 */
function batchRuleFields(): Field[] {
  const setScaling = (s: UrlState, patch: Partial<BatchScaling>) => {
    s.race.batch.scaling = { ...scalingOf(s), ...patch };
  };
  return [
    field<ScalingRule>({
      key: 'batch.rule',
      codec: enumCodec(SCALING_RULES),
      get: (s) => scalingOf(s).rule,
      def: () => 'none',
      set: (s, v) => setScaling(s, { rule: v }),
    }),
    field({
      key: 'batch.base',
      codec: intCodec(1, LIMITS.maxSamples),
      get: (s) => scalingOf(s).baseSize,
      def: (s) => s.race.batch.size,
      set: (s, v) => setScaling(s, { baseSize: v }),
      skip: ruleOff,
    }),
    field({
      key: 'batch.warmup',
      codec: intCodec(0, MAX_STEPS),
      get: (s) => scalingOf(s).warmup,
      def: () => 0,
      set: (s, v) => setScaling(s, { warmup: v }),
      skip: ruleOff,
    }),
  ];
}

/** `batch.at=100,200`: strictly increasing milestone steps. */
const milestonesCodec: Codec<number[]> = {
  parse(raw) {
    const r = listCodec(intCodec(1, MAX_STEPS), { min: 1 }).parse(raw);
    if (!r.ok) return r;
    return r.value.every((m, i) => i === 0 || m > r.value[i - 1])
      ? { ok: true, value: [...r.value] }
      : { ok: false, error: 'must be strictly increasing steps' };
  },
  format: (v) => v.join(','),
};

/**
 * The batch-size schedule: `batch.at=<milestones>`, `batch.factor=<f>` (default 2) and
 * `batch.change=lr` (divide the lr instead of multiplying B); factor and change only with milestones.
 */
function batchScheduleFields(): Field[] {
  const sched = (s: UrlState): BatchSchedule | null => s.race.batch.schedule ?? null;
  const patch = (s: UrlState, p: Partial<BatchSchedule>) => {
    const cur = sched(s);
    if (cur) s.race.batch.schedule = { ...cur, ...p };
  };
  const none = (s: UrlState) => !sched(s);
  return [
    field<number[] | undefined>({
      key: 'batch.at',
      codec: milestonesCodec as Codec<number[] | undefined>,
      get: (s) => sched(s)?.milestones.slice(),
      def: () => undefined,
      set: (s, v) => {
        s.race.batch.schedule = { factor: 2, change: 'batch', ...sched(s), milestones: v! };
      },
    }),
    field({
      key: 'batch.factor',
      codec: numberCodec((v) => (v >= 1 && v <= 1000 ? null : 'must be from 1 to 1000')),
      get: (s) => sched(s)?.factor ?? 2,
      def: () => 2,
      set: (s, v) => patch(s, { factor: v }),
      skip: none,
    }),
    field<'batch' | 'lr'>({
      key: 'batch.change',
      codec: enumCodec(['batch', 'lr'] as const),
      get: (s) => sched(s)?.change ?? 'batch',
      def: () => 'batch',
      set: (s, v) => patch(s, { change: v }),
      skip: none,
    }),
  ];
}

/** `tune=trials,steps,method,criterion,seed`: the budget, search, criterion and seed of a tune. */
const tuneCodec: Codec<TuneChoice> = {
  parse(raw) {
    const [trials, steps, method, criterion, seed, ...rest] = raw.split(',');
    const fail = (error: string) => ({ ok: false as const, error });
    if (seed === undefined || rest.length)
      return fail('must be trials,steps,method,criterion,seed (e.g. 20,300,halving,final,1)');
    const int = (v: string) => (/^\d+$/.test(v) ? Number(v) : NaN);
    if (!(TUNE_METHODS as readonly string[]).includes(method))
      return fail(`method must be one of ${TUNE_METHODS.join(', ')}`);
    if (!(TUNE_CRITERIA as readonly string[]).includes(criterion))
      return fail(`criterion must be one of ${TUNE_CRITERIA.join(', ')}`);
    const c: TuneChoice = {
      ...DEFAULT_TUNE,
      trials: int(trials),
      steps: int(steps),
      method: method as TuneChoice['method'],
      criterion: criterion as TuneChoice['criterion'],
      seed: int(seed),
    };
    // The target comes in its own key; check the rest here.
    const why = tuneChoiceError({ ...c, target: c.criterion === 'target' ? 0 : null });
    return why ? fail(why) : { ok: true, value: c };
  },
  format: (c) => [c.trials, c.steps, c.method, c.criterion, c.seed].join(','),
};

/** The tune's fields: `tune`, `tune.target` (its target loss) and `tune.lr=lo,hi` (its lr range). */
function tuneFields(): Field[] {
  const none = (s: UrlState) => !s.tune;
  const patch = (s: UrlState, p: Partial<TuneChoice>) => {
    if (s.tune) s.tune = { ...s.tune, ...p };
  };
  return [
    field<TuneChoice | undefined>({
      key: 'tune',
      codec: tuneCodec as Codec<TuneChoice | undefined>,
      get: (s) => s.tune ?? undefined,
      def: () => undefined,
      set: (s, v) => {
        s.tune = v!;
      },
    }),
    field<number | null>({
      key: 'tune.target',
      codec: nullableCodec(numberCodec()),
      get: (s) => s.tune?.target ?? null,
      def: () => null,
      set: (s, v) => patch(s, { target: v }),
      skip: none,
    }),
    field({
      key: 'tune.lr',
      codec: listCodec(
        numberCodec((v) => (v > 0 && v <= 100 ? null : 'must be > 0 and ≤ 100')),
        { length: 2 },
      ),
      get: (s) => s.tune?.lr ?? DEFAULT_TUNE.lr,
      def: () => DEFAULT_TUNE.lr,
      set: (s, v) => patch(s, { lr: [v[0], v[1]] }),
      skip: none,
    }),
  ];
}

/** A schedule's keywords under `prefix` (`sched.T_max`, or a racer's `sched.sgd-2.T_max`). */
function scheduleParamFields(
  id: string | undefined,
  prefix: string,
  schedule: (s: UrlState) => { id: string; params: Record<string, unknown> },
): Field[] {
  return (scheduleById(id ?? '')?.hyperparams ?? [])
    .filter((h) => h.kind !== 'schedulers')
    .map((h) =>
      field({
        key: `${prefix}.${h.key}`,
        codec: scheduleCodec(h),
        get: (s) => schedule(s).params[h.key],
        def: () => undefined,
        set: (s, v) => {
          const sc = schedule(s);
          sc.params = { ...sc.params, [h.key]: v };
        },
      }),
    );
}

/**
 * The table, in parse order: each group sees the state the groups before it have parsed
 * (hyperparameter keys depend on the optimizers, schedule keys on the schedule).
 */
const GROUPS: UrlTable<UrlState> = [
  () => [
    field({
      key: 'surface',
      codec: enumCodec(SURFACES.map((q) => q.id)),
      always: true,
      get: (s) => s.race.surface,
      def: () => defaultRaceState().surface,
      // The surface's starting race: its knobs, start, steps and racers (a link's opt= follows).
      set: (s, v) => {
        s.race = defaultRaceState(v);
      },
    }),
  ],
  (s0) =>
    surfaceSpec(s0).params.map((p) =>
      field<number>({
        key: `surface.${p.key}`,
        codec: numberCodec(boundCheck(p)),
        get: (s) => s.race.surfaceParams[p.key],
        def: () => p.default,
        set: (s, v) => {
          s.race.surfaceParams[p.key] = v;
          s.race.start = defaultStart(s.race.surface, s.race.surfaceParams);
        },
      }),
    ),
  () => [
    field({
      key: 'opt',
      codec: listCodec(racerKeyCodec, { min: 1, unique: true }),
      always: true,
      get: (s) => s.race.racers.map((r) => r.key),
      def: (s) => racersOf(raceOptimizersFor(s.race.surface), s.race.surface).map((r) => r.key),
      // Keys as written (a racer's key survives others coming and going); over MAX_RACERS: the first.
      set: (s, all) => {
        const keys = all.slice(0, MAX_RACERS);
        const racers = racersOf(
          keys.map((k) => optimizerOfKey(k)!),
          s.race.surface,
        );
        s.race.racers = racers.map((r, i) => ({ ...r, key: keys[i] }));
      },
    }),
    field({
      key: 'start',
      codec: listCodec(
        numberCodec((v) =>
          Math.abs(v) <= LIMITS.maxCoordinate ? null : `must be within ±${LIMITS.maxCoordinate}`,
        ),
        { length: 2 },
      ),
      get: (s) => s.race.start,
      def: (s) => defaultStart(s.race.surface, s.race.surfaceParams),
      set: (s, v) => {
        s.race.start = [v[0], v[1]];
      },
    }),
    field({
      key: 'steps',
      codec: intCodec(1, MAX_STEPS),
      get: (s) => s.race.steps,
      def: (s) => raceStepsFor(s.race.surface),
      set: (s, v) => {
        s.race.steps = v;
      },
    }),
    field({
      key: 'samples',
      codec: intCodec(1, LIMITS.maxSamples),
      get: (s) => s.race.batch.samples,
      def: () => defaultRaceState().batch.samples,
      // The batch size follows N until the batch parameter says otherwise (full batch by default).
      set: (s, v) => {
        s.race.batch.samples = v;
        s.race.batch.size = v;
      },
    }),
  ],
  (s0) => [
    field({
      key: 'batch',
      codec: intCodec(1, s0.race.batch.samples),
      get: (s) => s.race.batch.size,
      def: (s) => s.race.batch.samples,
      set: (s, v) => {
        s.race.batch.size = v;
      },
    }),
    field({
      key: 'noise',
      codec: numberCodec((v) => (v >= 0 ? null : 'must be ≥ 0')),
      get: (s) => s.race.batch.noise,
      def: () => defaultRaceState().batch.noise,
      set: (s, v) => {
        s.race.batch.noise = v;
      },
    }),
    field({
      key: 'seed',
      codec: intCodec(0, 2 ** 31 - 1),
      get: (s) => s.race.batch.seed,
      def: () => defaultRaceState().batch.seed,
      set: (s, v) => {
        s.race.batch.seed = v;
      },
    }),
    ...batchRuleFields(),
    ...batchScheduleFields(),
    field({
      key: 'sched',
      codec: enumCodec(RACE_SCHEDULES.map((d) => d.id)),
      get: (s) => s.race.schedule.id,
      def: () => 'constant',
      set: (s, v) => {
        s.race.schedule = { id: v, params: {} };
      },
    }),
  ],
  // Each racer's own fields, in legend order, so a link reads like the legend.
  (s0) => s0.race.racers.flatMap((r0) => racerFields(r0.key, r0.optimizer, s0)),
  // A racer's own schedule's keywords (`sched.<key>.<param>`), once its schedule is known.
  (s0) =>
    s0.race.racers.flatMap((r0) =>
      scheduleParamFields(
        r0.schedule?.id,
        `sched.${r0.key}`,
        (s) => racerIn(s, r0.key).schedule ?? { id: 'constant', params: {} },
      ),
    ),
  (s0) => scheduleParamFields(s0.race.schedule.id, 'sched', (s) => s.race.schedule),
  tuneFields,
  () => [
    field<'auto' | 'log' | 'linear'>({
      key: 'lraxis',
      codec: enumCodec(['auto', 'log', 'linear'] as const),
      get: (s) => s.view.lrAxis,
      def: () => 'auto',
      set: (s, v) => {
        s.view.lrAxis = v;
      },
    }),
    field<'light' | 'dark'>({
      key: 'theme',
      codec: enumCodec(['light', 'dark'] as const),
      get: (s) => s.view.theme,
      def: () => 'light',
      set: (s, v) => {
        s.view.theme = v;
      },
    }),
    field({
      key: 'large',
      codec: boolCodec,
      get: (s) => s.view.large,
      def: () => false,
      set: (s, v) => {
        s.view.large = v;
      },
    }),
    // The 3D camera, once the user has moved it (absent: the default view).
    field<OrbitView | undefined>({
      key: 'cam',
      codec: cameraCodec as Codec<OrbitView | undefined>,
      get: (s) => s.view.camera,
      def: () => undefined,
      set: (s, v) => {
        s.view.camera = v;
      },
    }),
    field({
      key: '3d',
      codec: boolCodec,
      get: (s) => s.view.show3d,
      def: () => true,
      set: (s, v) => {
        s.view.show3d = v;
      },
    }),
    field({
      key: 'log3d',
      codec: boolCodec,
      get: (s) => s.view.logHeight,
      def: () => true,
      set: (s, v) => {
        s.view.logHeight = v;
      },
    }),
    field({
      key: 'arrows',
      codec: boolCodec,
      get: (s) => s.view.arrows,
      def: () => false,
      set: (s, v) => {
        s.view.arrows = v;
      },
    }),
    field({
      key: 'speed',
      codec: numberCodec((v) =>
        (SPEEDS as readonly number[]).includes(v) ? null : `must be one of ${SPEEDS.join(', ')}`,
      ),
      get: (s) => s.speed,
      def: () => 1,
      set: (s, v) => {
        s.speed = v;
      },
    }),
    field({
      key: 'step',
      codec: nullableCodec(intCodec(0, MAX_STEPS)),
      get: (s) => s.step,
      def: () => null,
      set: (s, v) => {
        s.step = v === null ? null : Math.min(v, s.race.steps);
      },
    }),
  ],
];

export const SPEED_CHOICES = SPEEDS;

/** The state as a query string without the leading '?': readable keys, defaults left out. */
export const serializeUrlState = (state: UrlState): string => writeUrlTable(GROUPS, state);

/** The state's link parameters as `[key, value]` pairs (what an embed's `get` answers). */
export const urlStateParams = (state: UrlState): [string, string][] => tableParams(GROUPS, state);

/**
 * Maps a core config error ("optimizer.lr: …") of a racer to the URL key it came from: inside
 * Lookahead, "optimizer.k" is `la.<key>` and "optimizer.optimizer.lr" is `lr.<key>`; a racer's
 * own schedule and batch are `sched.<key>…` and `batch.<key>`.
 */
function urlKeyOfConfigError(error: string, r: Racer): string {
  const field = error.split(':')[0];
  const head = field.split('.')[0];
  let sub = field.split('.').slice(1).join('.');
  if (head === 'optimizer' && r.lookahead) {
    if (!sub.startsWith('optimizer')) return `la.${r.key}`;
    sub = sub.slice('optimizer.'.length);
  }
  const sched = r.schedule ? `sched.${r.key}` : 'sched';
  if (head === 'optimizer') return hpUrlKey(sub.split('.')[0] || 'lr', r.key);
  if (head === 'scheduler') return sub ? `${sched}.${sub.split(/[.[]/)[0]}` : sched;
  if (head === 'batch') return sub !== 'size' ? sub : r.batch !== null ? `batch.${r.key}` : 'batch';
  if (head === 'surface_params') return `surface.${sub}`;
  return head;
}

/** Prefixes of the per-racer keys (`lr.<key>`, `la.<key>`, …), to name a key whose racer is absent. */
const RACER_PREFIXES = new Set([
  ...OPTIMIZERS.flatMap((o) => o.hyperparams.map((h) => HP_ALIAS[h.key] ?? h.key)),
  'la',
  'label',
  'color',
  'sched',
  'batch',
]);

/** The racer key an unused parameter names when it is a per-racer key of no racer, else null. */
function missingRacer(param: string, racers: readonly Racer[]): string | null {
  const [prefix, ...rest] = param.split('.');
  if (!RACER_PREFIXES.has(prefix) || rest.length === 0) return null;
  const key = prefix === 'sched' ? rest[0] : rest.join('.');
  return optimizerOfKey(key) && !racers.some((r) => r.key === key) ? key : null;
}

/**
 * A query string (with or without '?') → the state it describes, plus one message per bad
 * parameter ("Invalid URL parameter 'lr.adam': must be ≥ 0 (got '-1'); using the default").
 * A bad value (or one with a malformed percent-escape) leaves its default in place; the rest of
 * the link still applies; a repeated parameter is read once, from its first value, and named.
 * Never throws, whatever the link (see queryParams.ts).
 */
export function parseUrlState(query: string): { state: UrlState; errors: string[] } {
  // `scene=<id>` first: the scene's parameters, under the link's own (sceneQuery.ts).
  const scene = expandSceneQuery(query);
  const s = defaultUrlState();
  const { errors, params, used } = readUrlTable(GROUPS, scene.query, s);
  const say = (key: string, why: string) => errors.push(paramNote(key, why));
  if (scene.error) errors.unshift(paramNote('scene', scene.error));
  const opt = params.get('opt')?.value?.split(',') ?? [];
  if (opt.length > MAX_RACERS && s.race.racers.length === MAX_RACERS)
    say('opt', `at most ${MAX_RACERS} racers (got ${opt.length}); using the first ${MAX_RACERS}`);
  for (const key of params.keys()) {
    if (used.has(key)) continue;
    const absent = missingRacer(key, s.race.racers);
    errors.push(unknownNote(key, absent && `no racer '${echo(absent)}' in opt`));
  }
  // Each number may be within its range and their product still hours of work.
  const { steps, batch } = s.race;
  const overCap = (key: string, size: number, capped: number) =>
    say(
      key,
      `steps × batch = ${steps} × ${size} sampled gradients per optimizer is over the cap of ${MAX_STEPS_X_BATCH} (5000 × 4096); using ${key}=${capped}`,
    );
  const capped = cappedBatchSize(steps, batch);
  if (capped !== null) {
    overCap('batch', batch.size, capped);
    batch.size = capped;
  }
  for (const r of s.race.racers) {
    const own = r.batch === null ? null : cappedBatchSize(steps, { ...batch, size: r.batch });
    if (own !== null) {
      overCap(`batch.${r.key}`, r.batch!, own);
      patchRacer(s, r.key, { batch: own });
    }
  }
  const scheduleCost = batchScheduleOverCap(s.race);
  if (scheduleCost) {
    say('batch.at', `${scheduleCost}; no batch-size schedule`);
    s.race.batch.schedule = null;
  }
  // Cross-field checks the core makes (e.g. Nesterov needs momentum): reset what they name.
  for (const rc of racerConfigs(s.race)) {
    if (rc.ok) continue;
    const r = racerIn(s, rc.id);
    for (const e of rc.errors)
      say(
        urlKeyOfConfigError(e, r),
        `${e.split(': ').slice(1).join(': ') || e}; using the default`,
      );
    if (rc.errors.some((e) => e.startsWith('scheduler'))) {
      if (r.schedule) patchRacer(s, r.key, { schedule: { id: r.schedule.id, params: {} } });
      else s.race.schedule.params = {};
    }
    if (rc.errors.some((e) => e.startsWith('optimizer')))
      patchRacer(s, r.key, { hp: raceDefaultsFor(r.optimizer, s.race.surface) });
  }
  return { state: s, errors: [...new Set(errors)] };
}
