import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scheduleValues } from '../../src/core/schedules';
import type { ScheduleConfig } from '../../src/core/schedules';

/**
 * torch computes StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR and LinearLR
 * recursively from the optimizer's current lr (`get_lr`, the "chainable form"); the
 * schedules here use closed forms. These are torch's recursions, step by step, to check
 * that both agree to round-off for any parameters.
 */
const pyMod = (a: number, n: number) => ((a % n) + n) % n; // Python's % is never negative

type Chainable = (t: number, lr: number, base: number) => number; // lr after the t-th sched.step()

const torchChainable: Record<string, (c: Record<string, number & number[]>) => Chainable> = {
  StepLR: (c) => (t, lr) => (t === 0 || t % c.step_size !== 0 ? lr : lr * c.gamma),
  MultiStepLR: (c) => (t, lr) => lr * c.gamma ** c.milestones.filter((m: number) => m === t).length,
  ExponentialLR: (c) => (t, lr) => (t === 0 ? lr : lr * c.gamma),
  CosineAnnealingLR: (c) => (t, lr, base) => {
    const { T_max: T, eta_min: e } = c;
    if (t === 0) return lr;
    if (pyMod(t - 1 - T, 2 * T) === 0) return lr + ((base - e) * (1 - Math.cos(Math.PI / T))) / 2;
    return (
      ((1 + Math.cos((Math.PI * t) / T)) / (1 + Math.cos((Math.PI * (t - 1)) / T))) * (lr - e) + e
    );
  },
  LinearLR: (c) => (t, lr) => {
    const { start_factor: s, end_factor: e, total_iters: T } = c;
    if (t === 0) return lr * s;
    if (t > T) return lr;
    return lr * (1 + (e - s) / (T * s + (t - 1) * (e - s)));
  },
};

function torchRecursive(config: ScheduleConfig, base: number, steps: number): number[] {
  const next = torchChainable[config.type](config as never);
  const out: number[] = [];
  let lr = base;
  for (let t = 0; t < steps; t += 1) {
    lr = next(t, lr, base); // t = 0 is the initial step torch takes in the constructor
    out.push(lr);
  }
  return out;
}

const gamma = fc.double({ min: 0.05, max: 1, noNaN: true });
const chainableConfigs: fc.Arbitrary<ScheduleConfig> = fc.oneof(
  fc.record({ type: fc.constant('StepLR'), step_size: fc.integer({ min: 1, max: 40 }), gamma }),
  fc.record({
    type: fc.constant('MultiStepLR'),
    milestones: fc.array(fc.integer({ min: 0, max: 150 }), { maxLength: 5 }),
    gamma,
  }),
  fc.record({
    type: fc.constant('ExponentialLR'),
    gamma: fc.double({ min: 0.9, max: 1, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('CosineAnnealingLR'),
    T_max: fc.integer({ min: 1, max: 200 }),
    eta_min: fc.double({ min: 0, max: 0.05, noNaN: true }),
  }),
  fc.record({
    type: fc.constant('LinearLR'),
    start_factor: fc.double({ min: 0.01, max: 1, noNaN: true }),
    end_factor: fc.double({ min: 0, max: 1, noNaN: true }),
    total_iters: fc.integer({ min: 1, max: 100 }),
  }),
);

describe('closed forms agree with torch’s recursive (chainable) forms', () => {
  it('for StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR and LinearLR over 150 steps', () => {
    fc.assert(
      fc.property(chainableConfigs, fc.double({ min: 1e-4, max: 1, noNaN: true }), (config, lr) => {
        const ours = scheduleValues(config, { lr }, 150).lr;
        const torch = torchRecursive(config, lr, 150);
        // round-off relative to the lr scale (the cosine's ratio form loses digits near eta_min)
        ours.forEach((a, k) => expect(Math.abs(a - torch[k])).toBeLessThanOrEqual(1e-9 * lr));
      }),
      { seed: 20240607, numRuns: 300 },
    );
  });
});

describe('CosineAnnealingWarmRestarts', () => {
  it('matches torch’s per-step T_cur/T_i update for any T_0, T_mult', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 20 }),
        fc.integer({ min: 1, max: 3 }),
        (T_0, T_mult) => {
          const ours = scheduleValues(
            { type: 'CosineAnnealingWarmRestarts', T_0, T_mult },
            { lr: 1 },
            200,
          ).lr;
          let [T_cur, T_i] = [0, T_0];
          for (let k = 0; k < 200; k += 1) {
            expect(ours[k]).toBeCloseTo((1 + Math.cos((Math.PI * T_cur) / T_i)) / 2, 12);
            T_cur += 1;
            if (T_cur >= T_i) [T_cur, T_i] = [T_cur % T_i, T_i * T_mult];
          }
        },
      ),
      { seed: 7, numRuns: 60 },
    );
  });
});

describe('bounds', () => {
  it('CyclicLR stays between base_lr and max_lr, momentum between base and max momentum', () => {
    const cyclic = fc.record({
      type: fc.constant('CyclicLR'),
      base_lr: fc.double({ min: 0, max: 0.1, noNaN: true }),
      max_lr: fc.double({ min: 0.1, max: 1, noNaN: true }),
      step_size_up: fc.integer({ min: 1, max: 30 }),
      step_size_down: fc.option(fc.integer({ min: 0, max: 30 })),
      mode: fc.constantFrom('triangular', 'triangular2', 'exp_range'),
      gamma: fc.double({ min: 0.9, max: 1, noNaN: true }),
    });
    fc.assert(
      fc.property(cyclic, (c) => {
        const { lr, momentum } = scheduleValues(c, { lr: 1, momentumKey: 'momentum' }, 200);
        const eps = 1e-12;
        lr.forEach((v) => expect(v >= c.base_lr - eps && v <= c.max_lr + eps).toBe(true));
        (momentum ?? []).forEach((m) => expect(m >= 0.8 - eps && m <= 0.9 + eps).toBe(true));
        expect(lr[0]).toBe(c.base_lr);
      }),
      { seed: 11, numRuns: 200 },
    );
  });
  it('OneCycleLR stays between its minimum and max_lr before total_steps, ending at the minimum', () => {
    const oneCycle = fc.record({
      type: fc.constant('OneCycleLR'),
      max_lr: fc.double({ min: 1e-3, max: 1, noNaN: true }),
      total_steps: fc.integer({ min: 10, max: 300 }),
      pct_start: fc.double({ min: 0.15, max: 0.45, noNaN: true }),
      anneal_strategy: fc.constantFrom('cos', 'linear'),
      three_phase: fc.boolean(),
    });
    fc.assert(
      fc.property(oneCycle, (c) => {
        const { lr, momentum } = scheduleValues(c, { lr: 1, momentumKey: 'betas' }, c.total_steps);
        const min = c.max_lr / 25 / 1e4;
        const eps = 1e-12 * c.max_lr; // the anneals lose digits of max_lr when they land on min
        lr.forEach((v) => expect(v >= min - eps && v <= c.max_lr + eps).toBe(true));
        (momentum ?? []).forEach((m) => expect(m >= 0.85 - 1e-12 && m <= 0.95 + 1e-12).toBe(true));
        expect(lr[0]).toBeCloseTo(c.max_lr / 25, 15);
        expect(Math.abs(lr[c.total_steps - 1] - min)).toBeLessThanOrEqual(eps);
      }),
      { seed: 13, numRuns: 200 },
    );
  });
  it('ReduceLROnPlateau never raises the lr and never goes below min_lr', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 10, noNaN: true }), { minLength: 1, maxLength: 100 }),
        (losses) => {
          const config = { type: 'ReduceLROnPlateau', patience: 1, factor: 0.5, min_lr: 0.01 };
          const { lr } = scheduleValues(config, { lr: 1 }, losses.length + 1, losses);
          lr.forEach((v, k) => {
            expect(v).toBeGreaterThanOrEqual(0.01);
            if (k > 0) expect(v).toBeLessThanOrEqual(lr[k - 1]);
          });
        },
      ),
      { seed: 17, numRuns: 200 },
    );
  });
});

describe('SequentialLR', () => {
  it('step k uses child i at its own step k − milestones[i−1]', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 80 }), { minLength: 1, maxLength: 3 }),
        (ms) => {
          const milestones = [...ms].sort((a, b) => a - b);
          const children: ScheduleConfig[] = [
            { type: 'LinearLR', start_factor: 0.1, total_iters: 10 },
            { type: 'CosineAnnealingLR', T_max: 30 },
            { type: 'StepLR', step_size: 7, gamma: 0.5 },
            { type: 'CosineAnnealingWarmRestarts', T_0: 5, T_mult: 2 },
          ].slice(0, milestones.length + 1);
          const ours = scheduleValues(
            { type: 'SequentialLR', schedulers: children, milestones },
            { lr: 0.1 },
            100,
          ).lr;
          const starts = [0, ...milestones];
          const alone = children.map((c) => scheduleValues(c, { lr: 0.1 }, 100).lr);
          ours.forEach((v, k) => {
            const i = starts.filter((s) => s <= k).length - 1;
            expect(v).toBe(alone[i][k - starts[i]]);
          });
        },
      ),
      { seed: 19, numRuns: 100 },
    );
  });
});
