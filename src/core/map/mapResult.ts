/**
 * A computed trainability map: per cell the outcome of its run (core/map/mapOutcome), row-major
 * with row j along y and column i along x, so cell (i, j) is at j·nx + i. Plain typed arrays, so
 * a worker transfers it and the CLI writes it as is.
 */
import { statusOf, type CellOutcome, type CellStatus } from './mapOutcome';
import type { MapSpec } from './mapSpec';

export interface MapGrid {
  /** L_T per cell (loss above the minimum after the last step); NaN where diverged. */
  finalLoss: Float32Array;
  /** First step with L ≤ tol, −1 if never. */
  reachedAt: Int32Array;
  /** First step at which the run diverged, −1 if never. */
  divergedAt: Int32Array;
}

export interface MapResult extends MapGrid {
  spec: MapSpec;
  /** The tfjs backend that computed it ('wasm', 'webgl', 'webgpu', 'cpu'). */
  backend: string;
  /** Runs per batched pass (the whole grid, or less where it does not fit). */
  chunk: number;
  seconds: number;
}

/** An empty grid for n cells (every outcome still unknown: −1, NaN). */
export function emptyGrid(n: number): MapGrid {
  return {
    finalLoss: new Float32Array(n).fill(NaN),
    reachedAt: new Int32Array(n).fill(-1),
    divergedAt: new Int32Array(n).fill(-1),
  };
}

/** Cell (i, j)'s outcome. */
export function cellOutcome(g: MapGrid, nx: number, i: number, j: number): CellOutcome {
  const c = j * nx + i;
  return { finalLoss: g.finalLoss[c], reachedAt: g.reachedAt[c], divergedAt: g.divergedAt[c] };
}

/** How many cells converged, diverged, or neither. */
export function statusCounts(g: MapGrid): Record<CellStatus, number> {
  const counts: Record<CellStatus, number> = { converged: 0, diverged: 0, bounded: 0 };
  for (let c = 0; c < g.reachedAt.length; c++)
    counts[statusOf({ reachedAt: g.reachedAt[c], divergedAt: g.divergedAt[c] })]++;
  return counts;
}
