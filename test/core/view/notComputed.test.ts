import { describe, expect, it } from 'vitest';
import {
  capDiverged,
  fillForContour,
  notComputedCount,
  notComputedRects,
} from '../../../src/core/view/notComputed';
import { heightScale, surfaceMeshData } from '../../../src/core/view/heightField';
import { gridToSample } from '../../../src/core/view/gridSurface';

// A 4×3 grid over x ∈ {0, 1, 2, 3}, y ∈ {0, 1, 2}: row 0 computed, row 1 half, row 2 not at all.
const xs = [0, 1, 2, 3],
  ys = [0, 1, 2];
const N = NaN;
const values = [1, 2, 3, 4, 5, 6, N, N, N, N, N, N];

describe('notComputedRects', () => {
  it('covers each missing run of a row by its points’ cells, merged, and nothing computed', () => {
    expect(notComputedRects(xs, ys, values)).toEqual([
      { x0: 1.5, x1: 3, y0: 0.5, y1: 1.5 },
      { x0: 0, x1: 3, y0: 1.5, y1: 2 },
    ]);
    expect(notComputedCount(values)).toBe(6);
    // The same run in consecutive rows is one rectangle: a cancelled run's rows left, at once.
    const rows = [1, 2, 3, 4, N, N, N, N, N, N, N, N];
    expect(notComputedRects(xs, ys, rows)).toEqual([{ x0: 0, x1: 3, y0: 0.5, y1: 2 }]);
    expect(notComputedRects(xs, [2, 1, 0], rows)).toEqual([{ x0: 0, x1: 3, y0: 0, y1: 1.5 }]);
    expect(notComputedRects(xs, ys, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])).toEqual([]);
  });

  it('reads descending coordinates, and leaves a diverged point (+∞) alone', () => {
    const r = notComputedRects([3, 2, 1, 0], ys, [Infinity, 1, 1, N, 1, 1, 1, 1, 1, 1, 1, 1]);
    expect(r).toEqual([{ x0: 0, x1: 0.5, y0: 0, y1: 0.5 }]);
  });
});

describe('fillForContour', () => {
  it('gives each missing point its nearest computed value, so no wall rises at the edge', () => {
    const f = fillForContour(4, 3, values);
    expect(Array.from(f)).toEqual([1, 2, 3, 4, 5, 6, 3, 4, 5, 6, 3, 4]);
    // The contour's range is the computed one: nothing above the computed maximum.
    expect(gridToSample({ xs, ys, values: f }).max).toBe(6);
  });

  it('leaves an all-missing grid missing', () => {
    expect(Array.from(fillForContour(2, 2, [N, N, N, N])).every(Number.isNaN)).toBe(true);
  });
});

describe('the 3D mesh of a partly computed slice', () => {
  it('leaves out every cell with a missing corner instead of drawing it at the top', () => {
    const grid = gridToSample({ xs, ys, values: capDiverged(values) });
    const h = heightScale(grid, 'linear');
    const mesh = surfaceMeshData(grid, h, h, true);
    const drawn = (cell: number) => {
      const t = mesh.indices.subarray(6 * cell, 6 * cell + 6);
      return !(t[0] === t[1] && t[1] === t[2] && t[3] === t[4] && t[4] === t[5]);
    };
    // Cells of row 0 (between y = 0 and 1): only the first has all four corners computed.
    expect([0, 1, 2].map(drawn)).toEqual([true, false, false]);
    expect([3, 4, 5].map(drawn)).toEqual([false, false, false]);
    // Without holes (the race page's surfaces) every cell is drawn.
    const whole = surfaceMeshData(grid, h, h);
    expect(whole.indices.length).toBe(mesh.indices.length);
    expect(whole.indices[6 * 5 + 1]).not.toBe(whole.indices[6 * 5]);
  });

  it('keeps a diverged point at the top: +∞ becomes the largest finite loss', () => {
    expect(Array.from(capDiverged([1, Infinity, N, 7]))).toEqual([1, 7, N, 7]);
    expect(Array.from(capDiverged([Infinity, N]))).toEqual([N, N]);
  });
});
