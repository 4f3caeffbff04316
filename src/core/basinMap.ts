/**
 * Sharp vs flat by batch size and learning rate (Keskar et al. 2017): on `sharp_flat`, many
 * seeded minibatch runs per (batch, lr) cell from the same start, each classified by the basin
 * its final point lies in. Keskar et al. found large batches ending in sharp minima and small
 * ones in flat; on this surface the linear-stability bound 2/λ (≈ 0.18 in the sharp well, ≈ 1.9 in
 * the flat one) and the minibatch noise decide, and the map shows which.
 *
 * A final point's basin is where plain gradient descent with a small step (lr 0.02, stable in
 * both wells) flows from it: the minimum it ends nearest to, within 0.05, after at most 5,000
 * steps; a run that diverged, or a flow that settles nowhere, is 'other'. Each seed draws its own
 * finite sum (ξ's) and batch order (`batch.seed`).
 */
import type { RunConfig } from './config';
import { getSurface } from './surfaces/registry';
import { run } from './trajectory';

export const BASINS = ['sharp', 'flat', 'other'] as const;
export type Basin = (typeof BASINS)[number];

export interface BasinMapSettings {
  /** The batch sizes (rows), each 1 … samples. */
  batches: readonly number[];
  /** The learning rates (columns). */
  lrs: readonly number[];
  /** Runs per cell: batch seeds seed0, seed0 + 1, … */
  seeds: number;
  seed0: number;
  steps: number;
  samples: number;
  noise: number;
}

export interface BasinCell {
  batch: number;
  lr: number;
  counts: Record<Basin, number>;
  /** Share of the cell's runs that ended in the flat basin. */
  flatShare: number;
}

export interface BasinMap {
  settings: BasinMapSettings;
  /** Row-major: cells[i·lrs.length + j] is (batches[i], lrs[j]). */
  cells: BasinCell[];
  /** The two minima [sharp, flat] the basins are named after. */
  minima: readonly [readonly [number, number], readonly [number, number]];
}

const FLOW_LR = 0.02;
const FLOW_STEPS = 5000;
const FLOW_TOL = 0.05;

/** The basin of the surface's gradient flow from (x, y): 'sharp', 'flat' or 'other'. */
export function basinOf(x: number, y: number): Basin {
  const s = getSurface('sharp_flat', {});
  if (!Number.isFinite(x) || !Number.isFinite(y)) return 'other';
  const g = new Float64Array(2);
  const [sharp, flat] = s.minima;
  const near = (m: readonly [number, number]) => Math.hypot(x - m[0], y - m[1]) < FLOW_TOL;
  for (let k = 0; k <= FLOW_STEPS; k++) {
    if (near(sharp)) return 'sharp';
    if (near(flat)) return 'flat';
    s.gradient(x, y, g);
    x -= FLOW_LR * g[0];
    y -= FLOW_LR * g[1];
  }
  return 'other';
}

/**
 * Runs every (batch, lr, seed) of `settings` with the optimizer of `base` (its lr replaced) on
 * `sharp_flat`, from `base.start`, and counts the basins. `base.surface` must be sharp_flat.
 */
export function basinMap(base: RunConfig, settings: BasinMapSettings): BasinMap {
  if (base.surface !== 'sharp_flat')
    throw new Error(`basinMap: needs the sharp_flat surface, got '${base.surface}'`);
  const s = getSurface('sharp_flat', {});
  const cells: BasinCell[] = [];
  for (const batch of settings.batches)
    for (const lr of settings.lrs) {
      const counts: Record<Basin, number> = { sharp: 0, flat: 0, other: 0 };
      for (let i = 0; i < settings.seeds; i++) {
        const r = run({
          ...base,
          steps: settings.steps,
          optimizer: { ...base.optimizer, hp: { ...base.optimizer.hp, lr } },
          batch: {
            size: batch,
            samples: settings.samples,
            noise: settings.noise,
            seed: settings.seed0 + i,
          },
        });
        const n = r.steps;
        counts[
          r.divergedAt !== null || n === 0
            ? 'other'
            : basinOf(r.params[2 * n - 2], r.params[2 * n - 1])
        ]++;
      }
      cells.push({ batch, lr, counts, flatShare: counts.flat / settings.seeds });
    }
  return { settings, cells, minima: [s.minima[0], s.minima[1]] };
}
