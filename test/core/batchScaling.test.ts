import { describe, expect, it } from 'vitest';
import {
  batchSizeAt,
  lrFactorAt,
  parseBatchScaling,
  parseBatchSchedule,
  scaledLr,
  warmupLr,
} from '../../src/core/batchScaling';
import { parseRunConfig, type RunConfig } from '../../src/core/config';
import { run } from '../../src/core/trajectory';

describe('batch-size scaling rules', () => {
  it('doubling B moves the lr by exactly 1×, 2× and √2× (none, linear, sqrt)', () => {
    for (const [b0, b] of [
      [32, 64],
      [1, 2],
      [100, 200],
    ]) {
      expect(scaledLr(0.1, b0, b, 'none')).toBe(0.1);
      expect(scaledLr(0.1, b0, b, 'linear')).toBe(0.2);
      expect(scaledLr(0.1, b0, b, 'sqrt') / 0.1).toBeCloseTo(Math.SQRT2, 15);
      // Four times the batch: 4× and 2×.
      expect(scaledLr(0.1, b0, 4 * b0, 'linear')).toBeCloseTo(0.4, 15);
      expect(scaledLr(0.1, b0, 4 * b0, 'sqrt')).toBeCloseTo(0.2, 15);
    }
  });

  it('warms up linearly from lr₀ to the scaled rate, then holds it', () => {
    expect(warmupLr(0, 4, 0.1, 0.5)).toBe(0.1);
    expect(warmupLr(2, 4, 0.1, 0.5)).toBeCloseTo(0.3, 15);
    expect(warmupLr(4, 4, 0.1, 0.5)).toBe(0.5);
    expect(warmupLr(100, 4, 0.1, 0.5)).toBe(0.5);
    expect(warmupLr(0, 0, 0.1, 0.5)).toBe(0.5);
  });

  it('multiplies B at each milestone (capped at N), or divides the lr there instead', () => {
    const s = { milestones: [10, 20], factor: 2, change: 'batch' as const };
    expect([0, 9, 10, 19, 20, 99].map((k) => batchSizeAt(k, 8, 1000, s))).toEqual([
      8, 8, 16, 16, 32, 32,
    ]);
    expect(batchSizeAt(25, 8, 20, s)).toBe(20);
    const l = { ...s, change: 'lr' as const };
    expect(batchSizeAt(25, 8, 1000, l)).toBe(8);
    expect([0, 10, 20].map((k) => lrFactorAt(k, 8, null, l))).toEqual([1, 0.5, 0.25]);
    // With the linear rule the lr follows the batch: Goyal's rule on Smith's schedule.
    const lin = { rule: 'linear' as const, baseSize: 8, warmup: 0 };
    expect([0, 10, 20].map((k) => lrFactorAt(k, batchSizeAt(k, 8, 1000, s), lin, s))).toEqual([
      1, 2, 4,
    ]);
  });

  it('names the bad field of a scaling or schedule config', () => {
    const errors: string[] = [];
    parseBatchScaling({ rule: 'cubic', base_size: 0, warmup: -1, x: 1 }, 'batch.scaling', errors);
    parseBatchSchedule({ milestones: [5, 5], factor: 0.5, change: 'both' }, 'b.s', errors);
    expect(errors).toEqual([
      'batch.scaling.x: unknown field (known: rule, base_size, warmup)',
      "batch.scaling.rule: must be one of none, linear, sqrt (got 'cubic')",
      'batch.scaling.base_size: must be an integer from 1 to 100000 (got 0)',
      'batch.scaling.warmup: must be an integer from 0 to 100000 (got -1)',
      'b.s.milestones: must be 1 to 100 strictly increasing integer steps from 1 to 100000 (got [5,5])',
      'b.s.factor: must be a number from 1 to 1000 (got 0.5)',
      "b.s.change: must be 'batch' or 'lr' (got 'both')",
    ]);
    const bad = parseRunConfig({
      surface: 'quadratic',
      batch: { size: 4, schedule: { milestones: 'x' } },
    });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatch(/^batch\.schedule\.milestones: must be/);
  });
});

describe('run() with a batch plan', () => {
  const config = (batch: object): RunConfig => {
    const r = parseRunConfig({
      surface: 'quadratic',
      steps: 60,
      optimizer: { type: 'SGD', lr: 0.01 },
      batch: { size: 8, samples: 64, noise: 1, seed: 3, ...batch },
    });
    if (!r.ok) throw new Error(r.errors.join('\n'));
    return r.value;
  };

  it('leaves a plain batch config on its fast path, bit for bit', () => {
    const plain = run(config({}));
    expect(plain.batch).toBeUndefined();
    // A rule of 'none' with no warm-up is a plan that changes nothing.
    const none = run(config({ scaling: { rule: 'none', base_size: 8 } }));
    expect(none.params).toEqual(plain.params);
    expect(Array.from(none.batch!)).toEqual(new Array(60).fill(8));
  });

  it('records each step’s B and lr, and B = N from a milestone on is exact descent', () => {
    const r = run(
      config({
        scaling: { rule: 'linear', base_size: 8, warmup: 10 },
        schedule: { milestones: [20, 40], factor: 4 },
      }),
    );
    expect(r.batch![19]).toBe(8);
    expect(r.batch![20]).toBe(32);
    expect(r.batch![40]).toBe(64);
    expect(r.lr[0]).toBeCloseTo(0.01, 15);
    expect(r.lr[5]).toBeCloseTo(0.01, 15); // B = B₀: warm-up from 1× to 1×
    expect(r.lr[20]).toBeCloseTo(0.04, 15);
    expect(r.lr[40]).toBeCloseTo(0.08, 15);
    // From step 41 the gradient is exact: θ ← θ − lr·∇f, ∇f = (x, 25y).
    const [x, y] = [r.params[2 * 40], r.params[2 * 40 + 1]];
    expect(r.params[2 * 41]).toBeCloseTo(x - 0.08 * x, 14);
    expect(r.params[2 * 41 + 1]).toBeCloseTo(y - 0.08 * 25 * y, 14);
  });
});
