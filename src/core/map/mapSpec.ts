/**
 * A trainability map (Sohl-Dickstein 2024): a grid of training runs, each cell its own pair of
 * hyperparameter values, all else equal. Two kinds: an optimizer on an analytic surface (axes:
 * the optimizer's per-run hyperparameters, the batch size, the start), and the one-hidden-layer
 * tanh network of the paper trained full-batch with a learning rate per layer (core/map/mlpProblem).
 *
 * `parseMapSpec` turns untrusted input (a CLI file, a decoded link) into a spec or errors that
 * name each field; the batched path (gpu/map) and the scalar path read only parsed specs.
 */
import { isRecord, quoteValue, type ParseResult } from '../parse';
import type { Hyperparams } from '../optimizers/optimizerSpec';
import { findOptimizer, OPTIMIZERS } from '../optimizers/registry';
import type { BatchConfig } from '../sampling/finiteSum';
import { getSurface, SURFACES } from '../surfaces/registry';
import { AXES, AXIS_KEYS, type MapAxis, type MapAxisKey } from './mapAxes';

export interface SurfaceMapSpec {
  kind: 'surface';
  surface: string;
  surfaceParams: Record<string, number>;
  /** Optimizer id ('sgd', 'adam', …): one whose record lists per-run hyperparameters. */
  optimizer: string;
  /** Hyperparameters every run shares (the optimizer's defaults fill the rest; the axes override). */
  hp: Hyperparams;
  start: readonly [number, number];
  steps: number;
  /** Minibatch noise (core/sampling/finiteSum); a 'batch' axis sets `size` per run. Null: exact gradients. */
  batch: BatchConfig | null;
  /** A run has converged once its loss is within tol of the minimum. */
  tol: number;
  x: MapAxis;
  y: MapAxis;
}

export interface MlpMapSpec {
  kind: 'mlp';
  /** Hidden units, input dimension and examples of the network and its data set. */
  width: number;
  inputs: number;
  examples: number;
  /** Seeds the data set and the initial weights (every run starts from the same ones). */
  seed: number;
  steps: number;
  tol: number;
  x: MapAxis;
  y: MapAxis;
}

export type MapSpec = SurfaceMapSpec | MlpMapSpec;

/** Hard limits: a bigger grid or run is refused by name, before any work. */
export const MAP_LIMITS = {
  maxCells: 1024,
  maxSteps: 100_000,
  maxWidth: 256,
  maxInputs: 256,
  maxExamples: 1024,
} as const;

/** The surfaces a map offers: bounded below (so "converged" means something) and with a `field`. */
export const MAP_SURFACES = SURFACES.filter((s) => {
  const inst = getSurface(s.id, {});
  return inst.field !== undefined && inst.minimumValue !== null;
}).map((s) => s.id);

/** The optimizers a map offers: those whose record says which hyperparameters may vary per run. */
export const mapOptimizerIds = (): string[] =>
  OPTIMIZERS.filter((o) => o.perRun?.length).map((o) => o.id);

/** The axis keys legal for a spec of this kind (and optimizer). */
export function legalAxes(kind: 'surface' | 'mlp', optimizer?: string): MapAxisKey[] {
  if (kind === 'mlp') return ['lr1', 'lr2'];
  const perRun = (optimizer && findOptimizer(optimizer)?.perRun) || [];
  return AXIS_KEYS.filter((k) =>
    AXES[k].on === 'optimizer' ? perRun.includes(k as never) : AXES[k].on === 'run',
  );
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isInt = (v: unknown): v is number => isNum(v) && Number.isInteger(v);

function parseAxis(
  raw: unknown,
  field: string,
  legal: MapAxisKey[],
  errors: string[],
): MapAxis | null {
  if (!isRecord(raw)) {
    errors.push(`${field}: must be {"key", "min", "max", "log", "n"} (got ${quoteValue(raw)})`);
    return null;
  }
  const n0 = errors.length;
  const key = raw.key as MapAxisKey;
  if (typeof key !== 'string' || !legal.includes(key))
    errors.push(`${field}.key: must be one of ${legal.join(', ')} (got ${quoteValue(raw.key)})`);
  const log = raw.log ?? false;
  if (typeof log !== 'boolean')
    errors.push(`${field}.log: must be true or false (got ${quoteValue(log)})`);
  const n = raw.n;
  if (!isInt(n) || n < 2 || n > MAP_LIMITS.maxCells)
    errors.push(
      `${field}.n: must be an integer from 2 to ${MAP_LIMITS.maxCells} (got ${quoteValue(n)})`,
    );
  for (const end of ['min', 'max'] as const) {
    const v = raw[end];
    if (!isNum(v)) errors.push(`${field}.${end}: must be a finite number (got ${quoteValue(v)})`);
    else if (legal.includes(key)) {
      const bad = AXES[key].illegal(v);
      if (bad) errors.push(`${field}.${end}: ${AXES[key].label} ${bad}`);
      else if (log === true && !(v > 0))
        errors.push(`${field}.${end}: a log axis needs values > 0 (got ${v})`);
    }
  }
  if (isNum(raw.min) && isNum(raw.max) && !(raw.min < raw.max))
    errors.push(`${field}: min must be below max (got ${raw.min} and ${raw.max})`);
  for (const k of Object.keys(raw))
    if (!['key', 'min', 'max', 'log', 'n'].includes(k)) errors.push(`${field}.${k}: unknown field`);
  if (errors.length > n0) return null;
  return {
    key,
    min: raw.min as number,
    max: raw.max as number,
    log: log as boolean,
    n: n as number,
  };
}

function intField(
  raw: Record<string, unknown>,
  key: string,
  min: number,
  max: number,
  errors: string[],
  fallback?: number,
): number {
  const v = raw[key] ?? fallback;
  if (!isInt(v) || v < min || v > max) {
    errors.push(`${key}: must be an integer from ${min} to ${max} (got ${quoteValue(v)})`);
    return min;
  }
  return v;
}

function tolField(raw: Record<string, unknown>, errors: string[], fallback: number): number {
  const v = raw.tol ?? fallback;
  if (!isNum(v) || !(v > 0)) {
    errors.push(`tol: must be a number > 0 (got ${quoteValue(v)})`);
    return fallback;
  }
  return v;
}

const SURFACE_KEYS = [
  'kind',
  'surface',
  'surface_params',
  'optimizer',
  'hp',
  'start',
  'steps',
  'batch',
  'tol',
  'x',
  'y',
];
const MLP_KEYS = ['kind', 'width', 'inputs', 'examples', 'seed', 'steps', 'tol', 'x', 'y'];

/** A spec from untrusted JSON (snake_case as the run configs spell it), or every error by field. */
export function parseMapSpec(raw: unknown): ParseResult<MapSpec> {
  const errors: string[] = [];
  if (!isRecord(raw))
    return { ok: false, errors: [`map: must be a JSON object (got ${quoteValue(raw)})`] };
  const kind = raw.kind ?? 'surface';
  if (kind !== 'surface' && kind !== 'mlp')
    return { ok: false, errors: [`kind: must be 'surface' or 'mlp' (got ${quoteValue(kind)})`] };
  const known = kind === 'surface' ? SURFACE_KEYS : MLP_KEYS;
  for (const k of Object.keys(raw))
    if (!known.includes(k)) errors.push(`${k}: unknown field (known: ${known.join(', ')})`);
  const steps = intField(raw, 'steps', 1, MAP_LIMITS.maxSteps, errors, 200);

  if (kind === 'mlp') {
    const legal = legalAxes('mlp');
    const x = parseAxis(raw.x, 'x', legal, errors);
    const y = parseAxis(raw.y, 'y', legal, errors);
    if (x && y && x.key === y.key) errors.push(`y.key: must differ from x.key (both ${x.key})`);
    const spec: MlpMapSpec = {
      kind,
      width: intField(raw, 'width', 1, MAP_LIMITS.maxWidth, errors, 16),
      inputs: intField(raw, 'inputs', 1, MAP_LIMITS.maxInputs, errors, 16),
      examples: intField(raw, 'examples', 1, MAP_LIMITS.maxExamples, errors, 16),
      seed: intField(raw, 'seed', 0, 2 ** 31 - 1, errors, 0),
      steps,
      tol: tolField(raw, errors, 1e-3),
      x: x!,
      y: y!,
    };
    return errors.length ? { ok: false, errors } : { ok: true, value: spec };
  }

  const surface = raw.surface ?? 'quadratic';
  if (typeof surface !== 'string' || !MAP_SURFACES.includes(surface))
    errors.push(`surface: must be one of ${MAP_SURFACES.join(', ')} (got ${quoteValue(surface)})`);
  const surfaceParams = (raw.surface_params ?? {}) as Record<string, number>;
  if (!isRecord(surfaceParams)) errors.push(`surface_params: must be an object of numbers`);
  else if (typeof surface === 'string' && MAP_SURFACES.includes(surface)) {
    try {
      getSurface(surface, surfaceParams);
    } catch (e) {
      errors.push(`surface_params: ${(e as Error).message}`);
    }
  }
  const optimizer = raw.optimizer ?? 'sgd';
  const ids = mapOptimizerIds();
  if (typeof optimizer !== 'string' || !ids.includes(optimizer))
    errors.push(`optimizer: must be one of ${ids.join(', ')} (got ${quoteValue(optimizer)})`);
  const spec = findOptimizer(String(optimizer));
  const hp = (raw.hp ?? {}) as Hyperparams;
  if (!isRecord(hp)) errors.push('hp: must be an object of hyperparameters');
  else if (spec) {
    for (const [k, v] of Object.entries(hp)) {
      const h = spec.hyperparams.find((s) => s.key === k);
      if (!h) errors.push(`hp.${k}: ${spec.type} has no such hyperparameter`);
      else if (h.kind === 'number' && !isNum(v))
        errors.push(`hp.${k}: must be a finite number (got ${quoteValue(v)})`);
    }
    const problems = spec.validate?.({ ...spec.defaults, ...hp } as never) ?? [];
    for (const p of problems) errors.push(`hp.${p}`);
  }
  const start =
    raw.start ??
    (typeof surface === 'string' && MAP_SURFACES.includes(surface)
      ? getSurface(surface, {}).defaultStart
      : [0, 0]);
  if (!Array.isArray(start) || start.length !== 2 || !start.every(isNum))
    errors.push(`start: must be [x, y], two finite numbers (got ${quoteValue(start)})`);
  let batch: BatchConfig | null = null;
  if (raw.batch !== undefined && raw.batch !== null) {
    const b = raw.batch;
    if (!isRecord(b)) errors.push(`batch: must be null or {"size", "samples", "noise", "seed"}`);
    else {
      const samples = b.samples ?? 256;
      if (!isInt(samples) || samples < 1 || samples > 100_000)
        errors.push(
          `batch.samples: must be an integer from 1 to 100000 (got ${quoteValue(samples)})`,
        );
      const size = b.size ?? samples;
      if (!isInt(size) || size < 1 || (isInt(samples) && size > samples))
        errors.push(
          `batch.size: must be an integer from 1 to batch.samples (got ${quoteValue(size)})`,
        );
      const noise = b.noise ?? 1;
      if (!isNum(noise) || noise < 0)
        errors.push(`batch.noise: must be a number ≥ 0 (got ${quoteValue(noise)})`);
      const seed = b.seed ?? 0;
      if (!isInt(seed) || seed < 0)
        errors.push(`batch.seed: must be an integer ≥ 0 (got ${quoteValue(seed)})`);
      batch = {
        size: size as number,
        samples: samples as number,
        noise: noise as number,
        seed: seed as number,
      };
    }
  }
  const legal = legalAxes('surface', typeof optimizer === 'string' ? optimizer : undefined);
  const x = parseAxis(raw.x, 'x', legal, errors);
  const y = parseAxis(raw.y, 'y', legal, errors);
  if (x && y && x.key === y.key) errors.push(`y.key: must differ from x.key (both ${x.key})`);
  for (const [a, f] of [
    [x, 'x'],
    [y, 'y'],
  ] as const)
    if (a?.key === 'batch') {
      if (!batch)
        errors.push(`${f}.key: a batch-size axis needs "batch": {"samples", "noise", "seed"}`);
      else if (a.max > batch.samples)
        errors.push(
          `${f}.max: the batch size cannot exceed batch.samples (${batch.samples}; got ${a.max})`,
        );
    }
  const tol = tolField(raw, errors, 1e-6);
  if (errors.length) return { ok: false, errors };
  return {
    ok: true,
    value: {
      kind: 'surface',
      surface: surface as string,
      surfaceParams: { ...surfaceParams },
      optimizer: optimizer as string,
      hp: { ...hp },
      start: [(start as number[])[0], (start as number[])[1]] as const,
      steps,
      batch,
      tol,
      x: x!,
      y: y!,
    },
  };
}

/** A spec back as the JSON `parseMapSpec` reads (what the CLI writes beside the grid). */
export function mapSpecToJson(s: MapSpec): Record<string, unknown> {
  if (s.kind === 'mlp') return { ...s };
  const { surfaceParams, ...rest } = s;
  return { ...rest, surface_params: surfaceParams };
}
