import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { getSurface, SURFACES } from '../../src/core/surfaces/registry';
import type { Surface } from '../../src/core/surfaces/surface';
import { loadReference, type TrajectoryFile } from '../referencePath';

// Fourth-order central differences: error ~ h⁴·f⁽⁵⁾/30 + ε·|f|/h, i.e. ~1e-12 relative at h = 1e-3.
const H = 1e-3;
function diff(fn: (t: number) => number, t: number): number {
  return (fn(t - 2 * H) - 8 * fn(t - H) + 8 * fn(t + H) - fn(t + 2 * H)) / (12 * H);
}

/** Seeded points of a surface's suggested view (fast-check, fixed seed: deterministic). */
function pointsIn(s: Surface) {
  const { xmin, xmax, ymin, ymax } = s.domain;
  return fc.tuple(
    fc.double({ min: xmin, max: xmax, noNaN: true }),
    fc.double({ min: ymin, max: ymax, noNaN: true }),
  );
}
const FC = { seed: 20240607, numRuns: 300 };

describe.each(SURFACES.map((spec) => [spec.id, spec.create()] as const))('surface %s', (id, s) => {
  const g = new Float64Array(2);
  const hs = new Float64Array(3);

  it('describes itself consistently with its registry record', () => {
    expect(s.id).toBe(id);
    expect(s.name.length).toBeGreaterThan(0);
    expect(s.tex.length).toBeGreaterThan(0);
    expect(s.description.length).toBeGreaterThan(20);
    const { xmin, xmax, ymin, ymax } = s.domain;
    expect(xmin).toBeLessThan(xmax);
    expect(ymin).toBeLessThan(ymax);
    for (const [x, y] of [s.defaultStart, ...s.minima]) {
      expect(x).toBeGreaterThanOrEqual(xmin);
      expect(x).toBeLessThanOrEqual(xmax);
      expect(y).toBeGreaterThanOrEqual(ymin);
      expect(y).toBeLessThanOrEqual(ymax);
    }
    expect(s.minimumValue === null).toBe(s.minima.length === 0);
  });

  it('has a gradient that matches finite differences of its value', () => {
    fc.assert(
      fc.property(pointsIn(s), ([x, y]) => {
        s.gradient(x, y, g);
        const scale = 1 + Math.abs(s.value(x, y)) + Math.abs(g[0]) + Math.abs(g[1]);
        expect(Math.abs(g[0] - diff((t) => s.value(t, y), x))).toBeLessThan(1e-8 * scale);
        expect(Math.abs(g[1] - diff((t) => s.value(x, t), y))).toBeLessThan(1e-8 * scale);
      }),
      FC,
    );
  });

  it('has a Hessian that matches finite differences of its gradient', () => {
    const gx = (a: number, b: number, k: number) => (s.gradient(a, b, g), g[k]);
    fc.assert(
      fc.property(pointsIn(s), ([x, y]) => {
        s.hessian(x, y, hs);
        const [hxx, hxy, hyy] = hs;
        s.gradient(x, y, g);
        const scale =
          1 + Math.abs(g[0]) + Math.abs(g[1]) + Math.abs(hxx) + Math.abs(hxy) + Math.abs(hyy);
        expect(Math.abs(hxx - diff((t) => gx(t, y, 0), x))).toBeLessThan(1e-8 * scale);
        expect(Math.abs(hxy - diff((t) => gx(x, t, 0), y))).toBeLessThan(1e-8 * scale);
        expect(Math.abs(hxy - diff((t) => gx(t, y, 1), x))).toBeLessThan(1e-8 * scale);
        expect(Math.abs(hyy - diff((t) => gx(x, t, 1), y))).toBeLessThan(1e-8 * scale);
      }),
      FC,
    );
  });

  it('lists minima where the gradient vanishes, the Hessian is positive semidefinite and f = minimumValue', () => {
    for (const [x, y] of s.minima) {
      s.gradient(x, y, g);
      expect(Math.hypot(g[0], g[1])).toBeLessThan(1e-8);
      s.hessian(x, y, hs);
      expect(hs[0]).toBeGreaterThan(0);
      expect(hs[0] * hs[2] - hs[1] * hs[1]).toBeGreaterThanOrEqual(0);
      expect(Math.abs(s.value(x, y) - (s.minimumValue as number))).toBeLessThan(1e-12);
    }
  });

  it('never goes below minimumValue inside its view', () => {
    if (s.minimumValue === null) return;
    const m = s.minimumValue;
    fc.assert(
      fc.property(pointsIn(s), ([x, y]) => {
        expect(s.value(x, y)).toBeGreaterThanOrEqual(m - 1e-12);
      }),
      { ...FC, numRuns: 2000 },
    );
  });
});

describe('surfaces against the PyTorch reference', () => {
  it.each(['rosenbrock', 'saddle', 'quadratic', 'rotated_quadratic'])(
    '%s reproduces every check, the view box, start and minima',
    (id) => {
      const file = id === 'rotated_quadratic' ? `surface_${id}_more.json` : `surface_${id}.json`;
      const ref = loadReference<TrajectoryFile>(file).surface;
      const s = getSurface(id);
      const g = new Float64Array(2);
      expect(ref.checks.length).toBeGreaterThan(0);
      for (const c of ref.checks) {
        const [x, y] = c.point;
        expect(Math.abs(s.value(x, y) - c.value), c.label).toBeLessThanOrEqual(
          1e-12 * (1 + Math.abs(c.value)),
        );
        s.gradient(x, y, g);
        for (const k of [0, 1]) {
          expect(Math.abs(g[k] - c.grad[k]), c.label).toBeLessThanOrEqual(
            1e-12 * (1 + Math.abs(c.grad[k])),
          );
        }
      }
      expect(s.domain).toEqual(ref.view_box);
      expect(s.defaultStart).toEqual(ref.starts.A);
      expect(s.minima).toEqual(ref.known_minima);
      expect(s.minimumValue).toEqual(ref.minimum_value);
    },
  );
});

describe('surface registry', () => {
  it('has unique ids, including every surface of the lectures', () => {
    const ids = SURFACES.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([
      'beale',
      'himmelblau',
      'monkey_saddle',
      'quadratic',
      'rastrigin',
      'rosenbrock',
      'rotated_quadratic',
      'saddle',
      'sharp_flat',
    ]);
  });

  it('rejects an unknown surface by name and lists the known ones', () => {
    expect(() => getSurface('booth')).toThrow(/unknown surface "booth".*rosenbrock/);
  });

  it('builds the quadratic with any condition number κ in range', () => {
    const s = getSurface('quadratic', { kappa: 100 });
    const h = new Float64Array(3);
    s.hessian(0.3, -0.2, h);
    expect([...h]).toEqual([1, 0, 100]);
    expect(s.value(1, 1)).toBe(50.5);
    expect(getSurface('quadratic').value(0, 1)).toBe(12.5);
  });

  it('rejects out-of-range, non-finite and unknown parameters, naming the key', () => {
    expect(() => getSurface('quadratic', { kappa: 0.5 })).toThrow(/kappa.*outside \[1, 1000\]/);
    expect(() => getSurface('quadratic', { kappa: NaN })).toThrow(/kappa.*finite/);
    expect(() => getSurface('quadratic', { kapa: 10 })).toThrow(/unknown parameter "kapa".*kappa/);
    expect(() => getSurface('rosenbrock', { a: 1 })).toThrow(/unknown parameter "a"/);
  });
});

describe('particular surfaces', () => {
  it('himmelblau lists its four distinct minima', () => {
    const s = getSurface('himmelblau');
    expect(s.minima).toHaveLength(4);
    expect(s.minima[0]).toEqual([3, 2]);
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++) {
        expect(
          Math.hypot(s.minima[i][0] - s.minima[j][0], s.minima[i][1] - s.minima[j][1]),
        ).toBeGreaterThan(1);
      }
  });

  it('sharp_flat has two equally deep minima, one about ten times sharper', () => {
    const s = getSurface('sharp_flat');
    expect(s.minima).toHaveLength(2);
    const h = new Float64Array(3);
    const lambdaMax = ([x, y]: readonly [number, number]) => {
      s.hessian(x, y, h);
      const mid = (h[0] + h[2]) / 2;
      return mid + Math.sqrt(((h[0] - h[2]) / 2) ** 2 + h[1] * h[1]);
    };
    const [sharp, flat] = s.minima;
    expect(s.value(...sharp)).toBeCloseTo(s.value(...flat), 14);
    expect(lambdaMax(sharp) / lambdaMax(flat)).toBeGreaterThan(8);
  });

  it('sharp_flat: gradient descent stays in the sharp minimum at small lr and ends in the flat one at large lr', () => {
    const s = getSurface('sharp_flat');
    const g = new Float64Array(2);
    const descend = (lr: number) => {
      let [x, y] = s.defaultStart;
      for (let k = 0; k < 3000; k++) {
        s.gradient(x, y, g);
        x -= lr * g[0];
        y -= lr * g[1];
      }
      return [x, y];
    };
    const [sharp, flat] = s.minima;
    const small = descend(0.1);
    const large = descend(1);
    expect(Math.hypot(small[0] - sharp[0], small[1] - sharp[1])).toBeLessThan(1e-9);
    expect(Math.hypot(large[0] - flat[0], large[1] - flat[1])).toBeLessThan(1e-9);
  });
});
