import { describe, expect, it } from 'vitest';
import { makeToy2d, splitToy2d, TOY2D_SETS } from '../../src/data/toy2d';

describe('toy 2-D sets', () => {
  for (const { id } of TOY2D_SETS) {
    it(`${id}: the same seed gives the same set, another seed another set`, () => {
      const a = makeToy2d({ kind: id, n: 201, noise: 0.2, seed: 7 });
      expect(makeToy2d({ kind: id, n: 201, noise: 0.2, seed: 7 })).toEqual(a);
      expect(makeToy2d({ kind: id, n: 201, noise: 0.2, seed: 8 }).points).not.toEqual(a.points);
      expect(a.points).toHaveLength(402);
      expect(a.points.every((v) => Number.isFinite(v) && Math.abs(v) < 20)).toBe(true);
      expect(new Set(a.labels)).toEqual(new Set([0, 1]));
    });
  }

  it('spiral without noise lies exactly on the two arms', () => {
    const s = makeToy2d({ kind: 'spiral', n: 10, noise: 0, seed: 1 });
    // class 1, i = 1 of 5: r = 1, t = 1.75·2π/5
    const t = (1.75 * 2 * Math.PI) / 5;
    expect([s.points[2], s.points[3]]).toEqual([Math.sin(t), Math.cos(t)]);
    expect(Array.from(s.labels)).toEqual([1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
  });

  it('circle and xor without noise follow their labelling rules', () => {
    const c = makeToy2d({ kind: 'circle', n: 400, noise: 0, seed: 3 });
    const x = makeToy2d({ kind: 'xor', n: 400, noise: 0, seed: 3 });
    for (let i = 0; i < 400; i++) {
      expect(c.labels[i]).toBe(Math.hypot(c.points[2 * i], c.points[2 * i + 1]) < 2.5 ? 1 : 0);
      expect(x.labels[i]).toBe(x.points[2 * i] * x.points[2 * i + 1] >= 0 ? 1 : 0);
      expect(
        Math.min(Math.abs(x.points[2 * i]), Math.abs(x.points[2 * i + 1])),
      ).toBeGreaterThanOrEqual(0.3);
    }
    expect(c.labels.reduce((a, b) => a + b, 0)).toBe(200);
  });

  it('split is a seeded permutation of the set', () => {
    const s = makeToy2d({ kind: 'gauss', n: 100, noise: 0.1, seed: 2 });
    const { train, test } = splitToy2d(s, 0.7, 5);
    expect([train.n, test.n]).toEqual([70, 30]);
    expect(splitToy2d(s, 0.7, 5)).toEqual({ train, test });
    const key = (p: Float64Array, i: number) => `${p[2 * i]},${p[2 * i + 1]}`;
    const all = new Set(Array.from({ length: 100 }, (_, i) => key(s.points, i)));
    const got = [
      ...Array.from({ length: 70 }, (_, i) => key(train.points, i)),
      ...Array.from({ length: 30 }, (_, i) => key(test.points, i)),
    ];
    expect(new Set(got)).toEqual(all);
  });

  it('names bad options', () => {
    expect(() => makeToy2d({ kind: 'moons' as never, n: 10, noise: 0, seed: 1 })).toThrow(
      /unknown kind "moons" \(known: spiral, circle, xor, gauss\)/,
    );
    expect(() => makeToy2d({ kind: 'xor', n: 1.5, noise: 0, seed: 1 })).toThrow(
      /n must be an integer/,
    );
    expect(() => makeToy2d({ kind: 'xor', n: 10, noise: NaN, seed: 1 })).toThrow(
      /noise must be in \[0, 1\], got NaN/,
    );
  });
});
