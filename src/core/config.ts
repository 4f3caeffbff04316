import { parseOptimizerConfig, type OptimizerConfig } from './optimizers/parseOptimizer';
import { findOptimizer } from './optimizers/registry';
import { surfaceRefusal } from './optimizers/optimizerSpec';
import { parseScheduleConfig, scheduleBaseErrors, type ScheduleConfig } from './schedules';
import { SURFACES } from './surfaces/registry';
import { parseBatchScaling, parseBatchSchedule, type RunBatchConfig } from './batchScaling';
import { isRecord, quoteValue as fmt, type ParseResult } from './parse';

/** Hard caps that keep a pasted config or URL from hanging a tab or the CLI. */
export const LIMITS = { maxSteps: 100_000, maxSamples: 100_000, maxCoordinate: 1e6 } as const;

/** A validated run (DESIGN §4); every field has its final, typed value. */
export interface RunConfig {
  surface: string;
  surfaceParams: Record<string, number>;
  start: readonly [number, number];
  steps: number;
  optimizer: OptimizerConfig;
  scheduler: ScheduleConfig | null;
  batch: RunBatchConfig | null;
}

export type { ParseResult };
const isInt = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v);

const RUN_KEYS = ['surface', 'surface_params', 'start', 'steps', 'optimizer', 'scheduler', 'batch'];

function parseBatch(raw: unknown, errors: string[]): RunBatchConfig | null {
  if (raw === null || raw === undefined) return null;
  if (!isRecord(raw)) {
    errors.push(`batch: must be null or {"size", "samples", "noise", "seed"} (got ${fmt(raw)})`);
    return null;
  }
  const b = {
    size: raw.size,
    samples: raw.samples ?? 256,
    noise: raw.noise ?? 1,
    seed: raw.seed ?? 0,
  };
  const known = [...Object.keys(b), 'scaling', 'schedule'];
  for (const key of Object.keys(raw))
    if (!known.includes(key))
      errors.push(`batch.${key}: unknown field (known: ${known.join(', ')})`);
  // Only when given, so that a plain batch stays the plain {size, samples, noise, seed}.
  const n0 = errors.length;
  const scaling = parseBatchScaling(raw.scaling, 'batch.scaling', errors);
  const schedule = parseBatchSchedule(raw.schedule, 'batch.schedule', errors);
  if (!isInt(b.samples) || b.samples < 1 || b.samples > LIMITS.maxSamples)
    errors.push(
      `batch.samples: must be an integer from 1 to ${LIMITS.maxSamples} (got ${fmt(b.samples)})`,
    );
  if (!isInt(b.size) || b.size < 1 || (isInt(b.samples) && b.size > b.samples))
    errors.push(`batch.size: must be an integer from 1 to batch.samples (got ${fmt(b.size)})`);
  if (typeof b.noise !== 'number' || !Number.isFinite(b.noise) || b.noise < 0)
    errors.push(`batch.noise: must be a finite number ≥ 0 (got ${fmt(b.noise)})`);
  if (!isInt(b.seed)) errors.push(`batch.seed: must be an integer (got ${fmt(b.seed)})`);
  if (errors.length > n0) return null;
  return {
    ...(b as RunBatchConfig),
    ...(scaling ? { scaling } : {}),
    ...(schedule ? { schedule } : {}),
  };
}

/**
 * Untrusted JSON (a config file, a URL, a pasted object) → a typed RunConfig, or a list of
 * errors, each naming its field ("optimizer.lr: must be ≥ 0 (got -1)"). Never throws.
 */
export function parseRunConfig(raw: unknown): ParseResult<RunConfig> {
  if (!isRecord(raw))
    return {
      ok: false,
      errors: [
        'config: must be a JSON object like {"surface": "rosenbrock", "start": [-1.5, 2], "steps": 300, "optimizer": {"type": "Adam"}}',
      ],
    };
  const errors: string[] = [];
  for (const key of Object.keys(raw))
    if (!RUN_KEYS.includes(key))
      errors.push(`${key}: unknown field (known: ${RUN_KEYS.join(', ')})`);

  const surfaceSpec = SURFACES.find((s) => s.id === raw.surface);
  if (!surfaceSpec)
    errors.push(
      `surface: unknown surface ${fmt(raw.surface)} (known: ${SURFACES.map((s) => s.id).join(', ')})`,
    );
  const surfaceParams: Record<string, number> = {};
  if (surfaceSpec) {
    for (const p of surfaceSpec.params) surfaceParams[p.key] = p.default;
    const rawParams = raw.surface_params ?? {};
    if (!isRecord(rawParams))
      errors.push(`surface_params: must be an object (got ${fmt(rawParams)})`);
    else
      for (const [key, value] of Object.entries(rawParams)) {
        const p = surfaceSpec.params.find((q) => q.key === key);
        if (!p)
          errors.push(
            `surface_params.${key}: ${surfaceSpec.id} has no parameter '${key}'${surfaceSpec.params.length ? ` (it has: ${surfaceSpec.params.map((q) => q.key).join(', ')})` : ''}`,
          );
        else if (typeof value !== 'number' || !(value >= p.min && value <= p.max))
          errors.push(
            `surface_params.${key}: must be a number from ${p.min} to ${p.max} (got ${fmt(value)})`,
          );
        else surfaceParams[key] = value;
      }
  }

  let start: readonly [number, number] = [0, 0];
  const rawStart = raw.start ?? surfaceSpec?.create(surfaceParams).defaultStart;
  if (
    !Array.isArray(rawStart) ||
    rawStart.length !== 2 ||
    !rawStart.every(
      (v) => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= LIMITS.maxCoordinate,
    )
  ) {
    errors.push(
      `start: must be two finite numbers [x, y] with |x|, |y| ≤ ${LIMITS.maxCoordinate} (got ${fmt(raw.start)})`,
    );
  } else start = [rawStart[0], rawStart[1]];

  const steps = raw.steps ?? 300;
  if (!isInt(steps) || steps < 1 || steps > LIMITS.maxSteps)
    errors.push(`steps: must be an integer from 1 to ${LIMITS.maxSteps} (got ${fmt(raw.steps)})`);

  const opt = parseOptimizerConfig(raw.optimizer ?? { type: 'SGD' });
  if (!opt.ok) errors.push(...opt.errors);
  else {
    const refusal = surfaceRefusal(findOptimizer(opt.value.type)!, opt.value.hp);
    if (refusal) errors.push(`optimizer.${refusal}`);
  }

  let scheduler: ScheduleConfig | null = null;
  if (raw.scheduler !== null && raw.scheduler !== undefined) {
    const sched = parseScheduleConfig(raw.scheduler, 'scheduler');
    if (!sched.ok) errors.push(...sched.errors);
    else if (opt.ok) {
      scheduler = sched.value;
      // Some checks need the optimizer (momentum cycling needs an optimizer with momentum or betas).
      errors.push(...scheduleBaseErrors(scheduler, scheduleBase(opt.value)));
    }
  }
  const batch = parseBatch(raw.batch, errors);

  if (errors.length || !opt.ok) return { ok: false, errors };
  return {
    ok: true,
    value: {
      surface: surfaceSpec!.id,
      surfaceParams,
      start,
      steps: steps as number,
      optimizer: opt.value,
      scheduler,
      batch,
    },
  };
}

/** What a scheduler starts from: the optimizer's lr and the momentum-like value it may cycle. */
export function scheduleBase(opt: OptimizerConfig): {
  lr: number;
  momentum?: number;
  momentumKey?: 'momentum' | 'betas';
} {
  const spec = findOptimizer(opt.type)!;
  const lr = opt.hp.lr as number;
  if (spec.hyperparams.some((h) => h.key === 'momentum'))
    return { lr, momentum: opt.hp.momentum as number, momentumKey: 'momentum' };
  if (spec.hyperparams.some((h) => h.key === 'betas'))
    return { lr, momentum: (opt.hp.betas as readonly number[])[0], momentumKey: 'betas' };
  return { lr };
}
