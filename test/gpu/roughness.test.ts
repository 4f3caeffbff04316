// Roughness measures (src/core/view/roughness.ts) on surfaces whose answer is known.
import { describe, expect, test } from 'vitest';
import { roughness } from '../../src/core/view/roughness';

const axis = (n: number, lo = -1, hi = 1) =>
  Array.from({ length: n }, (_, i) => (i === n - 1 ? hi : lo + ((hi - lo) * i) / (n - 1)));

function grid(f: (x: number, y: number) => number, n = 31, lo = -1, hi = 1) {
  const x = axis(n, lo, hi),
    y = axis(n, lo, hi);
  const loss = y.flatMap((b) => x.map((a) => f(a, b)));
  return { xcoordinates: x, ycoordinates: y, loss };
}

const bowl = (x: number, y: number) => 0.1 + x * x + 2 * y * y;
const rippled = (x: number, y: number) =>
  bowl(x, y) *
  (1 + 0.5 * Math.sin(17 * x) ** 2 * Math.cos(13 * y) ** 2 + 0.3 * Math.sin(23 * (x + y)) ** 2);

describe('roughness', () => {
  test('a smooth convex bowl: one interior minimum at the centre, moderate TV, known basin width', () => {
    const r = roughness(grid(bowl));
    expect(r.localMinima).toBe(1);
    expect(r.centreLoss).toBeCloseTo(0.1, 12);
    expect(r.nonFinite).toBe(0);
    // L < 0.2 ⇔ x² + 2y² < 0.1: an ellipse of area π·0.1/√2 ≈ 0.222 out of 4.
    expect(r.basinWidth).toBeGreaterThan(0.03);
    expect(r.basinWidth).toBeLessThan(0.08);
  });

  test('the same bowl with a high-frequency ripple: many minima and a larger TV of log-loss', () => {
    const smooth = roughness(grid(bowl));
    const rough = roughness(grid(rippled));
    expect(rough.localMinima).toBeGreaterThan(10);
    expect(rough.tvLogLoss).toBeGreaterThan(1.5 * smooth.tvLogLoss);
    expect(rough.tvLogLossPerStep).toBeGreaterThan(1.5 * smooth.tvLogLossPerStep);
  });

  test('TV of log-loss is per unit of coordinate: a smooth surface gives about the same value at any resolution', () => {
    const a = roughness(grid(bowl, 21)).tvLogLoss;
    const b = roughness(grid(bowl, 61)).tvLogLoss;
    expect(Math.abs(a - b) / b).toBeLessThan(0.05);
    // … while the per-step value shrinks with the spacing.
    expect(roughness(grid(bowl, 61)).tvLogLossPerStep).toBeLessThan(
      roughness(grid(bowl, 21)).tvLogLossPerStep / 2,
    );
  });

  test('invariances: scaling the loss changes nothing (TV of log, minima, basin width); a tilt-free shift of the grid neither', () => {
    const g = grid(rippled);
    const r = roughness(g);
    for (const c of [1e-3, 7, 1e6]) {
      const s = roughness({ ...g, loss: g.loss.map((v) => c * v) });
      expect(s.tvLogLoss).toBeCloseTo(r.tvLogLoss, 9);
      expect(s.tvLogLossPerStep).toBeCloseTo(r.tvLogLossPerStep, 9);
      expect(s.localMinima).toBe(r.localMinima);
      expect(s.basinWidth).toBe(r.basinWidth);
    }
  });

  test('a monotone slope has no interior minimum (the border minimum is not counted)', () => {
    expect(roughness(grid((x, y) => 3 + x + 0.5 * y)).localMinima).toBe(0);
  });

  test('non-finite losses are +∞: counted, left out of the TV, never minima or inside the basin', () => {
    const g = grid(bowl, 11);
    const loss = [...g.loss];
    loss[0] = Infinity;
    loss[5] = NaN;
    const r = roughness({ ...g, loss });
    expect(r.nonFinite).toBe(2);
    expect(Number.isFinite(r.tvLogLoss)).toBe(true);
    expect(r.localMinima).toBe(1);
  });

  test('a grid without (0, 0) uses the given centre loss; a grid outside [−1, 1]² has no basin width', () => {
    const g = grid(bowl, 10); // even count: 0 is not a grid point
    expect(roughness({ ...g, centreLoss: 0.1 }).centreLoss).toBe(0.1);
    expect(Number.isNaN(roughness(g).basinWidth)).toBe(true);
    expect(Number.isNaN(roughness(grid(bowl, 5, 2, 3)).basinWidth)).toBe(true);
  });

  test('rejects a 1-D or mis-sized grid', () => {
    expect(() => roughness({ xcoordinates: [0, 1], ycoordinates: [0], loss: [1, 2] })).toThrow(
      /2-D/,
    );
    expect(() =>
      roughness({ xcoordinates: [0, 1], ycoordinates: [0, 1], loss: [1, 2, 3] }),
    ).toThrow(/3 losses/);
  });
});
