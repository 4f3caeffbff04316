import type { HpSpec, HpValue } from '../core/optimizers/optimizerSpec';
import { OPTIMIZERS } from '../core/optimizers/registry';
import { scheduleById, type ScheduleHpSpec } from '../core/schedules';
import { SURFACES } from '../core/surfaces/registry';
import { LIMITS } from '../core/config';
import { LOOKAHEAD_BOUNDS, lookaheadErrors, type LookaheadHp } from '../core/optimizers/lookahead';
import {
  cappedBatchSize,
  defaultRaceState,
  defaultStart,
  MAX_STEPS_X_BATCH,
  defaultSurfaceParams,
  defaultViewState,
  raceDefaultsFor,
  type RaceState,
  type ViewState,
} from '../state/raceState';
import { racerConfigs } from '../state/racerConfigs';
import { RACE_SCHEDULES } from '../state/scheduleDefaults';
import {
  decodeQuery,
  echo,
  ignoredNote,
  MALFORMED_KEY_NOTE,
  MALFORMED_NOTE,
  repeatedNote,
} from './queryParams';
import { expandSceneQuery } from './sceneQuery';
import {
  boolCodec,
  enumCodec,
  intCodec,
  listCodec,
  nullableCodec,
  numberCodec,
  type Codec,
} from './urlStateCodecs';

/** Everything a link reproduces. */
export interface UrlState {
  race: RaceState;
  view: ViewState;
  /** Steps shown; null = the whole race. */
  step: number | null;
  speed: number;
}

export const defaultUrlState = (): UrlState => ({
  race: defaultRaceState(),
  view: defaultViewState(),
  step: null,
  speed: 1,
});

/**
 * One URL parameter: its key, how its value is written, where it lives in the state, and its
 * default in context (a parameter equal to its default is left out of the link, unless `always`).
 */
interface Field<T = unknown> {
  key: string;
  codec: Codec<T>;
  get(s: UrlState): T;
  set(s: UrlState, v: T): void;
  def(s: UrlState): T;
  always?: boolean;
  /** Parsed when present but not written (e.g. hyperparameters of an optimizer not racing). */
  skip?(s: UrlState): boolean;
}

/** A field, checked against its own value type, then kept in the table of mixed types. */
const field = <T>(f: Field<T>): Field => f as Field;

const MAX_STEPS = 10_000;
const SPEEDS = [0.25, 0.5, 1, 2, 4, 8, 16] as const;
/** Short URL names for torch keywords; every other keyword is its own name. */
const HP_ALIAS: Record<string, string> = { weight_decay: 'wd' };
export const hpUrlKey = (hpKey: string, optId: string) => `${HP_ALIAS[hpKey] ?? hpKey}.${optId}`;

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

/**
 * The table, in parse order: each group sees the state the groups before it have parsed
 * (hyperparameter keys depend on the optimizers, schedule keys on the schedule).
 */
const GROUPS: ((s: UrlState) => Field[])[] = [
  () => [
    field({
      key: 'surface',
      codec: enumCodec(SURFACES.map((q) => q.id)),
      always: true,
      get: (s) => s.race.surface,
      def: () => defaultRaceState().surface,
      set: (s, v) => {
        s.race.surface = v;
        s.race.surfaceParams = defaultSurfaceParams(v);
        s.race.start = defaultStart(v, s.race.surfaceParams);
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
      codec: listCodec(enumCodec(OPTIMIZERS.map((o) => o.id)), { min: 1, unique: true }),
      always: true,
      get: (s) => s.race.optimizers,
      def: () => defaultRaceState().optimizers,
      set: (s, v) => {
        s.race.optimizers = v;
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
      def: () => defaultRaceState().steps,
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
  // Racers first, in racer order, so a link reads like the legend.
  (s0) =>
    [
      ...s0.race.optimizers.map((id) => OPTIMIZERS.find((o) => o.id === id)!),
      ...OPTIMIZERS.filter((o) => !s0.race.optimizers.includes(o.id)),
    ].flatMap((o) =>
      o.hyperparams.map((h) =>
        field({
          key: hpUrlKey(h.key, o.id),
          codec: hpCodec(h),
          always: h.key === 'lr',
          get: (s) => s.race.hp[o.id][h.key],
          def: () => raceDefaultsFor(o.id)[h.key],
          set: (s, v) => {
            s.race.hp[o.id] = { ...s.race.hp[o.id], [h.key]: Array.isArray(v) ? [v[0], v[1]] : v };
          },
          skip: (s) => !s.race.optimizers.includes(o.id),
        }),
      ),
    ),
  // Lookahead around a racer, in racer order; parsed for any optimizer, written for racers.
  (s0) =>
    [
      ...s0.race.optimizers,
      ...OPTIMIZERS.map((o) => o.id).filter((id) => !s0.race.optimizers.includes(id)),
    ].map((id) =>
      field<LookaheadHp | null>({
        key: `la.${id}`,
        codec: lookaheadCodec as Codec<LookaheadHp | null>,
        get: (s) => s.race.lookahead[id] ?? null,
        def: () => null,
        set: (s, v) => {
          if (v) s.race.lookahead = { ...s.race.lookahead, [id]: v };
        },
        skip: (s) => !s.race.optimizers.includes(id),
      }),
    ),
  (s0) =>
    (scheduleById(s0.race.schedule.id)?.hyperparams ?? [])
      .filter((h) => h.kind !== 'schedulers')
      .map((h) =>
        field({
          key: `sched.${h.key}`,
          codec: scheduleCodec(h),
          get: (s) => s.race.schedule.params[h.key],
          def: () => undefined,
          set: (s, v) => {
            s.race.schedule.params = { ...s.race.schedule.params, [h.key]: v };
          },
        }),
      ),
  () => [
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

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Commas stay readable (`opt=adam,sgd`); everything else is percent-encoded. */
const enc = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',');

/** The state as a query string without the leading '?': readable keys, defaults left out. */
export function serializeUrlState(state: UrlState): string {
  const parts: string[] = [];
  for (const group of GROUPS)
    for (const f of group(state)) {
      if (f.skip?.(state)) continue;
      const v = f.get(state);
      if (v === undefined || (!f.always && same(v, f.def(state)))) continue;
      parts.push(`${f.key}=${enc(f.codec.format(v))}`);
    }
  return parts.join('&');
}

/**
 * Maps a core config error ("optimizer.lr: …") of racer `id` to the URL key it came from; inside
 * Lookahead, "optimizer.k" is `la.<id>` and "optimizer.optimizer.lr" is `lr.<id>`.
 */
function urlKeyOfConfigError(error: string, id: string, inLookahead: boolean): string {
  const field = error.split(':')[0];
  const head = field.split('.')[0];
  let sub = field.split('.').slice(1).join('.');
  if (head === 'optimizer' && inLookahead) {
    if (!sub.startsWith('optimizer')) return `la.${id}`;
    sub = sub.slice('optimizer.'.length);
  }
  if (head === 'optimizer') return hpUrlKey(sub.split('.')[0] || 'lr', id);
  if (head === 'scheduler') return sub ? `sched.${sub.split(/[.[]/)[0]}` : 'sched';
  if (head === 'batch') return sub === 'size' ? 'batch' : sub;
  if (head === 'surface_params') return `surface.${sub}`;
  return head;
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
  const { params, badKeys } = decodeQuery(scene.query);
  const s = defaultUrlState();
  const errors: string[] = [];
  const say = (key: string, why: string) =>
    errors.push(`Invalid URL parameter '${echo(key)}': ${why}`);
  if (scene.error) say('scene', scene.error);
  for (const key of badKeys) say(key, `${MALFORMED_KEY_NOTE}; ignored`);
  const used = new Set<string>();
  for (const group of GROUPS)
    for (const f of group(s)) {
      const p = params.get(f.key);
      used.add(f.key);
      if (p === undefined) continue;
      if (p.count > 1) say(f.key, repeatedNote(p));
      if (p.value === null) {
        say(f.key, `${MALFORMED_NOTE} (got '${echo(p.raw)}'); using the default`);
        continue;
      }
      const r = f.codec.parse(p.value);
      if (r.ok) f.set(s, r.value);
      else say(f.key, `${r.error} (got '${echo(p.value)}'); using the default`);
    }
  for (const key of params.keys())
    if (!used.has(key)) say(key, `${ignoredNote(key) ?? 'unknown parameter'}; ignored`);
  // Each number may be within its range and their product still hours of work.
  const { steps, batch } = s.race;
  const capped = cappedBatchSize(steps, batch);
  if (capped !== null) {
    say(
      'batch',
      `steps × batch = ${steps} × ${batch.size} sampled gradients per optimizer is over the cap of ${MAX_STEPS_X_BATCH} (5000 × 4096); using batch=${capped}`,
    );
    batch.size = capped;
  }
  // Cross-field checks the core makes (e.g. Nesterov needs momentum): reset what they name.
  for (const rc of racerConfigs(s.race)) {
    if (rc.ok) continue;
    for (const e of rc.errors)
      say(
        urlKeyOfConfigError(e, rc.id, rc.id in s.race.lookahead),
        `${e.split(': ').slice(1).join(': ') || e}; using the default`,
      );
    if (rc.errors.some((e) => e.startsWith('scheduler'))) s.race.schedule.params = {};
    if (rc.errors.some((e) => e.startsWith('optimizer'))) s.race.hp[rc.id] = raceDefaultsFor(rc.id);
  }
  return { state: s, errors: [...new Set(errors)] };
}
