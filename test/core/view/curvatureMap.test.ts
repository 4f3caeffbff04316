// The non-convexity map's cells and colours (src/core/view/curvatureMap.ts) agree with the share.
import { describe, expect, test } from 'vitest';
import {
  CONVEX_COLOUR,
  CURVATURE_TICKS,
  curvatureCells,
  curvatureColour,
  curvatureRamp,
} from '../../../src/core/view/curvatureMap';
import { CURVATURE_TAU, sliceCurvature } from '../../../src/core/view/sliceCurvature';

const axis = (n: number) => Array.from({ length: n }, (_, i) => -1 + (2 * i) / (n - 1));

describe('curvatureMap', () => {
  test('blue exactly where the share does not count a point; yellow to red, darker as r grows', () => {
    expect(curvatureColour(0)).toBe(CONVEX_COLOUR);
    expect(curvatureColour(CURVATURE_TAU)).toBe(CONVEX_COLOUR);
    expect(curvatureColour(0.011)).not.toBe(CONVEX_COLOUR);
    const lum = (c: string) => {
      const [r, g, b] = (c.match(/\d+/g) ?? []).map(Number);
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const rs = [0.02, 0.05, 0.1, 0.3, 0.6, 1];
    for (let k = 1; k < rs.length; k++)
      expect(lum(curvatureColour(rs[k]))).toBeLessThan(lum(curvatureColour(rs[k - 1])));
    expect(curvatureRamp(1)).toBe(1);
    expect(curvatureRamp(CURVATURE_TAU)).toBe(0);
    expect(CURVATURE_TICKS.map((t) => t.at)).toEqual([...CURVATURE_TICKS.map((t) => t.at)].sort());
  });

  test('one cell per measured point, none on the border; the blue cells are 1 − nonConvexShare of them', () => {
    const n = 21,
      x = axis(n);
    const f = (a: number, b: number) =>
      3 + Math.sin(2 * a) * Math.sin(2 * b) + 0.5 * (a * a + b * b);
    const loss = x.flatMap((b) => x.map((a) => f(a, b)));
    const c = sliceCurvature({ xcoordinates: x, ycoordinates: x, loss });
    const cells = curvatureCells(x, x, c.ratio);
    expect(cells).toHaveLength(c.measured);
    expect(cells).toHaveLength(19 * 19);
    const blue = cells.filter((k) => k.colour === CONVEX_COLOUR).length;
    expect(blue / cells.length).toBeCloseTo(1 - c.nonConvexShare, 12);
    expect(c.nonConvexShare).toBeGreaterThan(0.2);
    // Cells tile the interior: half-way to the neighbours, 0.1 wide on this grid.
    const first = cells[0];
    expect([first.x0, first.x1, first.y0, first.y1].map((v) => Number(v.toFixed(12)))).toEqual([
      -0.95, -0.85, -0.95, -0.85,
    ]);
  });
});
