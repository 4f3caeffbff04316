/** Cell-by-cell agreement of a batched map with its scalar runs, within float32's reach. */
import { expect } from 'vitest';
import type { CellOutcome } from '../../../src/core/map/mapOutcome';
import type { MapResult } from '../../../src/core/map/mapResult';

/**
 * Every cell: the same step of divergence and of reaching the tolerance (±1 step: float32 may
 * cross a threshold one step apart from float64) and the same final loss to 1e-3 relative (to 1e-4 of
 * the start loss where the loss is tiny: rounding grows over many large steps).
 */
export function expectCellsAgree(
  m: MapResult,
  scalar: (i: number, j: number) => { outcome: CellOutcome; losses: ArrayLike<number> },
): void {
  const nx = m.spec.x.n;
  const bad: string[] = [];
  for (let j = 0; j < m.spec.y.n; j++)
    for (let i = 0; i < nx; i++) {
      const c = j * nx + i;
      const { outcome: s, losses } = scalar(i, j);
      const near = (a: number, b: number) => a < 0 === b < 0 && Math.abs(a - b) <= 1;
      const loss0 = Math.max(losses[0], 1e-30);
      const fin =
        Number.isNaN(s.finalLoss) === Number.isNaN(m.finalLoss[c]) &&
        (Number.isNaN(s.finalLoss) ||
          Math.abs(m.finalLoss[c] - s.finalLoss) <= 1e-3 * Math.abs(s.finalLoss) + 1e-4 * loss0);
      if (!near(m.reachedAt[c], s.reachedAt) || !near(m.divergedAt[c], s.divergedAt) || !fin)
        bad.push(
          `cell (${i}, ${j}): batched ${m.finalLoss[c]}, reached ${m.reachedAt[c]}, diverged ${m.divergedAt[c]}; scalar ${s.finalLoss}, ${s.reachedAt}, ${s.divergedAt}`,
        );
    }
  expect(bad).toEqual([]);
}
