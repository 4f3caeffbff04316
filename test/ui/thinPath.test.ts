import { describe, expect, it } from 'vitest';
import { MAX_KEPT, THIN_TOLERANCE, thinPath } from '../../src/ui/panels/surface3d/thinPath';

/** World points (X, Y, Z) of `n` points given by `at(i)`. */
function path(n: number, at: (i: number) => [number, number, number]): Float32Array {
  const p = new Float32Array(3 * n);
  for (let i = 0; i < n; i++) p.set(at(i), 3 * i);
  return p;
}

const dist = (p: Float32Array, i: number, j: number) =>
  Math.hypot(p[3 * i] - p[3 * j], p[3 * i + 1] - p[3 * j + 1], p[3 * i + 2] - p[3 * j + 2]);

describe('thinPath', () => {
  it('keeps the ends and drops no point farther than the tolerance from the last kept one', () => {
    // A spiral converging onto a point: long steps first, then thousands under a pixel.
    const n = 40_001,
      pts = path(n, (i) => {
        const r = Math.exp(-i / 500);
        return [r * Math.cos(i / 200), r * Math.sin(i / 200), 0.5 * r];
      });
    const kept = new Uint32Array(n);
    const m = thinPath(pts, n, THIN_TOLERANCE, MAX_KEPT, kept);
    expect(kept[0]).toBe(0);
    expect(kept[m - 1]).toBe(n - 1);
    expect(m).toBeLessThan(MAX_KEPT); // within the cap, so the tolerance alone decided
    for (let j = 1, i = 1; j < m; j++) {
      expect(kept[j]).toBeGreaterThan(kept[j - 1]);
      for (; i < kept[j]; i++)
        expect(dist(pts, i, kept[j - 1])).toBeLessThanOrEqual(THIN_TOLERANCE * (1 + 1e-6));
      i = kept[j] + 1;
    }
  });

  it('keeps every point that is farther apart than the tolerance', () => {
    const pts = path(5, (i) => [i * 0.01, 0, 0]);
    const kept = new Uint32Array(5);
    expect(thinPath(pts, 5, 0.005, MAX_KEPT, kept)).toBe(5);
    expect([...kept]).toEqual([0, 1, 2, 3, 4]);
  });

  it('keeps MAX_KEPT evenly spaced points of a scribble, ends included', () => {
    // A racer bouncing across the box every step.
    const n = 40_001,
      pts = path(n, (i) => [i % 2 ? 0.9 : -0.9, ((i * 7919) % 1000) / 1000, 0.3]);
    const kept = new Uint32Array(n);
    expect(thinPath(pts, n, THIN_TOLERANCE, MAX_KEPT, kept)).toBe(MAX_KEPT);
    expect(kept[0]).toBe(0);
    expect(kept[MAX_KEPT - 1]).toBe(n - 1);
    const gaps = new Set<number>();
    for (let j = 1; j < MAX_KEPT; j++) gaps.add(kept[j] - kept[j - 1]);
    expect([...gaps].every((g) => g === 9 || g === 10)).toBe(true); // 40,000 / 4,095 ≈ 9.8
  });

  it('handles a path of one point, of none, and of a point repeated', () => {
    const kept = new Uint32Array(4);
    expect(thinPath(new Float32Array(3), 1, THIN_TOLERANCE, MAX_KEPT, kept)).toBe(1);
    expect(kept[0]).toBe(0);
    expect(thinPath(new Float32Array(0), 0, THIN_TOLERANCE, MAX_KEPT, kept)).toBe(0);
    expect(thinPath(new Float32Array(12), 4, THIN_TOLERANCE, MAX_KEPT, kept)).toBe(2);
    expect([...kept.subarray(0, 2)]).toEqual([0, 3]);
  });
});
