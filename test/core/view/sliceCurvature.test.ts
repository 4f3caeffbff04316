// The slice's own 2×2 Hessian (src/core/view/sliceCurvature.ts) on surfaces whose answer is
// derived by hand.
import { describe, expect, test } from 'vitest';
import { CURVATURE_TAU, sliceCurvature, sym2Eigen } from '../../../src/core/view/sliceCurvature';
import { roughness } from '../../../src/core/view/roughness';

const axis = (n: number, lo = -1, hi = 1) =>
  Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));

function grid(f: (x: number, y: number) => number, n = 31) {
  const x = axis(n),
    y = axis(n);
  return { xcoordinates: x, ycoordinates: y, loss: y.flatMap((b) => x.map((a) => f(a, b))) };
}

const bowl = (x: number, y: number) => 0.1 + x * x + 2 * y * y;

describe('sym2Eigen', () => {
  test('[[1, 2], [2, 1]] has eigenvalues −1 and 3; a diagonal matrix its diagonal, smaller first', () => {
    const [a, b] = sym2Eigen(1, 2, 1);
    expect(a).toBeCloseTo(-1, 14);
    expect(b).toBeCloseTo(3, 14);
    expect(sym2Eigen(5, 0, -2)).toEqual([-2, 5]);
    expect(sym2Eigen(0, 0, 0)).toEqual([0, 0]);
  });
});

describe('sliceCurvature', () => {
  test('a convex bowl: no point curves down, r = 0 everywhere inside, the border unmeasured', () => {
    const c = sliceCurvature(grid(bowl));
    expect(c.nonConvexShare).toBe(0);
    expect(c.meanNegRatio).toBe(0);
    expect(c.measured).toBe(29 * 29);
    expect(c.excluded).toBe(0);
    expect(Number.isNaN(c.ratio[0])).toBe(true);
    expect(c.ratio[31 + 1]).toBe(0);
  });

  test('the saddle 3 + x² − y²: every interior point non-convex with r = 1 (λ = ±2h², exact for a quadratic)', () => {
    const c = sliceCurvature(grid((x, y) => 3 + x * x - y * y));
    expect(c.nonConvexShare).toBe(1);
    expect(c.meanNegRatio).toBeCloseTo(1, 9);
    // A tilted saddle, 3 + xy: eigenvalues ±h²/… of [[0, h²], [h², 0]], still r = 1.
    expect(sliceCurvature(grid((x, y) => 3 + x * y)).meanNegRatio).toBeCloseTo(1, 9);
  });

  test('a bowl with ripples along x: the share and r derived from the discrete second difference', () => {
    // f = 5 + x² + y² + A cos(kx). Per grid step: Hαα = 2h² − A(2 − 2cos kh) cos(kx) = h²(2 − K cos kx)
    // with K = A(2 − 2cos kh)/h² (→ A k²), Hββ = 2h², Hαβ = 0. Non-convex where
    // 2 − K cos kx < −τ·2 ⇔ cos kx > 2(1 + τ)/K; there r = (K cos kx − 2)/2.
    const n = 201,
      k = 8 * Math.PI,
      A = 3 / (k * k);
    const h = 2 / (n - 1);
    const K = (A * (2 - 2 * Math.cos(k * h))) / (h * h);
    const g = grid((x, y) => 5 + x * x + y * y + A * Math.cos(k * x), n);
    const c = sliceCurvature(g);
    const xs = axis(n).slice(1, -1);
    const expected = xs.filter((x) => Math.cos(k * x) > (2 * (1 + CURVATURE_TAU)) / K).length;
    expect(c.nonConvexShare).toBeCloseTo(expected / xs.length, 9);
    // … which is the continuous arccos(2(1 + τ)/(A k²))/π = 0.265 over whole periods, to 1.5
    // points (K is 0.5 % under A k², and the border cuts the windows around x = ±1).
    const continuous = Math.acos((2 * (1 + CURVATURE_TAU)) / 3) / Math.PI;
    expect(Math.abs(c.nonConvexShare - continuous)).toBeLessThan(0.015);
    // At x = 0 (i = 100), cos kx = 1: r = (K − 2)/2 ≈ 0.49.
    expect(c.ratio[100 * n + 100]).toBeCloseTo((K - 2) / 2, 6);
  });

  test('a downward curvature under τ·|λ_max| counts in the mean but not in the share', () => {
    // Per step: Hαα = 2h², Hββ = −2·s·h², so r = s.
    const weak = sliceCurvature(grid((x, y) => 2 + x * x - 0.005 * y * y, 21));
    expect(weak.nonConvexShare).toBe(0);
    expect(weak.meanNegRatio).toBeCloseTo(0.005, 9);
    const clear = sliceCurvature(grid((x, y) => 2 + x * x - 0.015 * y * y, 21));
    expect(clear.nonConvexShare).toBe(1);
    expect(clear.meanNegRatio).toBeCloseTo(0.015, 9);
  });

  test('round-off on a flat slice is not curvature: 7-digit rounding of a near-constant loss reads convex', () => {
    const g = grid((x, y) => Number((2.302585 + 1e-6 * Math.sin(40 * x * y)).toPrecision(7)));
    const c = sliceCurvature(g);
    expect(c.nonConvexShare).toBe(0);
    expect(c.meanNegRatio).toBe(0);
  });

  test('non-finite and non-positive losses: every interior point whose 3×3 stencil holds one is left out and counted', () => {
    const n = 21;
    const g = grid(bowl, n);
    g.loss[10 * n + 10] = NaN; // 9 interior stencils touch it
    g.loss[0] = Infinity; // a corner: only (1, 1)'s stencil
    g.loss[5 * n + 15] = 0; // a loss of 0 is not a loss: 9 more
    const c = sliceCurvature(g);
    expect(c.excluded).toBe(19);
    expect(c.measured).toBe(19 * 19 - 19);
    expect(Number.isNaN(c.ratio[1 * n + 1])).toBe(true);
    expect(Number.isNaN(c.ratio[11 * n + 11])).toBe(true);
    expect(c.nonConvexShare).toBe(0);
    // A grid with nothing measurable says NaN, not 0.
    const empty = sliceCurvature({ ...grid(bowl, 3), loss: Array(9).fill(NaN) });
    expect(empty.nonConvexShare).toBeNaN();
    expect(empty.excluded).toBe(1);
  });

  test('resolution independence: a smooth non-convex surface gives the same share and mean at 41 and 81 points', () => {
    const f = (x: number, y: number) =>
      3 + Math.sin(2 * x) * Math.sin(2 * y) + 0.5 * (x * x + y * y);
    const a = sliceCurvature(grid(f, 41)),
      b = sliceCurvature(grid(f, 81));
    expect(a.nonConvexShare).toBeGreaterThan(0.2);
    expect(Math.abs(a.nonConvexShare - b.nonConvexShare)).toBeLessThan(0.03);
    expect(Math.abs(a.meanNegRatio - b.meanNegRatio)).toBeLessThan(0.02);
    // The same point (0.5, 0.5) on both grids: r agrees to O(h²).
    expect(a.ratio[30 * 41 + 30]).toBeCloseTo(b.ratio[60 * 81 + 60], 2);
  });

  test('scaling the loss changes nothing; a wrong-sized grid is refused', () => {
    const f = (x: number, y: number) => 3 + Math.sin(3 * x) * Math.cos(2 * y) + x * x;
    const g = grid(f);
    const a = sliceCurvature(g);
    const b = sliceCurvature({ ...g, loss: g.loss.map((v) => 1e6 * v) });
    expect(b.nonConvexShare).toBe(a.nonConvexShare);
    expect(b.meanNegRatio).toBeCloseTo(a.meanNegRatio, 12);
    expect(() => sliceCurvature({ ...g, loss: g.loss.slice(1) })).toThrow(/960 losses for a 31×31/);
  });

  test('roughness carries the same two numbers', () => {
    const r = roughness(grid((x, y) => 3 + x * x - y * y));
    expect(r.nonConvexShare).toBe(1);
    expect(r.meanNegRatio).toBeCloseTo(1, 9);
    expect(roughness(grid(bowl)).nonConvexShare).toBe(0);
  });
});
