/**
 * One cell of a surface map as an ordinary run: the RunConfig the cell stands for (what a click
 * opens in the race) and its outcome by the core's scalar float64 path, `run()`. The batched
 * tensor path must agree with this cell by cell (test/gpu/map/surfaceMap.test.ts), and the bench
 * times the two against each other (`map_wasm_vs_scalar`).
 */
import type { RunConfig } from '../config';
import type { Hyperparams } from '../optimizers/optimizerSpec';
import { findOptimizer } from '../optimizers/registry';
import { getSurface } from '../surfaces/registry';
import { run, type RunResult } from '../trajectory';
import { axisValueAt, type MapAxisKey } from './mapAxes';
import { outcomeOf, type CellOutcome } from './mapOutcome';
import type { SurfaceMapSpec } from './mapSpec';

/** The hyperparameters every run shares: the record's defaults under the spec's own. */
export function sharedHp(spec: SurfaceMapSpec): Hyperparams {
  const opt = findOptimizer(spec.optimizer);
  if (!opt) throw new Error(`optimizer: unknown '${spec.optimizer}'`);
  return { ...opt.defaults, ...spec.hp };
}

/**
 * Writes one axis value into a run's hyperparameters, start or batch (by the axis's key). V is a
 * number for one run here, and a per-run tensor in the GPU's batched map (src/gpu/map), which
 * places its axes through this same function.
 */
export function setAxis<V>(
  key: MapAxisKey,
  v: V,
  hp: Record<string, unknown>,
  start: [V | number, V | number],
  batch: { size: V | number } | null,
) {
  switch (key) {
    case 'beta1':
    case 'beta2': {
      const betas = [...(hp.betas as readonly [unknown, unknown])];
      betas[key === 'beta1' ? 0 : 1] = v;
      hp.betas = betas;
      break;
    }
    case 'x0':
      start[0] = v;
      break;
    case 'y0':
      start[1] = v;
      break;
    case 'batch':
      batch!.size = v;
      break;
    default:
      hp[key] = v;
  }
}

/** The run of cell (i, j): column i along x, row j along y. */
export function cellRunConfig(spec: SurfaceMapSpec, i: number, j: number): RunConfig {
  const hp = sharedHp(spec);
  const start: [number, number] = [spec.start[0], spec.start[1]];
  const batch = spec.batch ? { ...spec.batch } : null;
  setAxis(spec.x.key, axisValueAt(spec.x, i + 0.5), hp, start, batch);
  setAxis(spec.y.key, axisValueAt(spec.y, j + 0.5), hp, start, batch);
  const opt = findOptimizer(spec.optimizer)!;
  return {
    surface: spec.surface,
    surfaceParams: spec.surfaceParams,
    start,
    steps: spec.steps,
    optimizer: { type: opt.type, hp },
    scheduler: null,
    batch,
  };
}

/** L₀ … L_T of a finished run: f above its minimum at the start and after each step. */
export function runLosses(config: RunConfig, result: RunResult): Float64Array {
  const s = getSurface(config.surface, config.surfaceParams);
  const fmin = s.minimumValue ?? 0;
  const n = result.steps;
  const out = new Float64Array(n + 1);
  for (let k = 0; k < n; k++) out[k] = result.loss[k] - fmin;
  // run() stops at a non-finite loss or gradient (divergedAt): that point's loss counts as bad.
  out[n] =
    result.divergedAt !== null
      ? NaN
      : s.value(result.params[2 * n - 2], result.params[2 * n - 1]) - fmin;
  return out;
}

/** Cell (i, j) by the scalar path: its run, its losses and its outcome. */
export function scalarCell(
  spec: SurfaceMapSpec,
  i: number,
  j: number,
): { config: RunConfig; result: RunResult; losses: Float64Array; outcome: CellOutcome } {
  const config = cellRunConfig(spec, i, j);
  const result = run(config);
  const losses = runLosses(config, result);
  return { config, result, losses, outcome: outcomeOf(losses, spec.tol) };
}
