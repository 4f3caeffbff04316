import { describe, expect, it } from 'vitest';
import { parseRunConfig, type RunConfig } from '../../src/core/config';
import { stepsToTarget, timesFaster, tune, tunePlan, type TuneSettings } from '../../src/core/tune';

const config = (raw: object): RunConfig => {
  const r = parseRunConfig({ surface: 'quadratic', ...raw });
  if (!r.ok) throw new Error(r.errors.join('\n'));
  return r.value;
};

const settings: TuneSettings = {
  trials: 12,
  steps: 100,
  lrRange: [1e-4, 1],
  method: 'random',
  criterion: 'final',
  target: null,
  momentum: false,
  seed: 1,
};

describe('fair tuning', () => {
  it('gives the same result twice for a seed, and another for another seed', () => {
    const base = config({
      optimizer: { type: 'SGD' },
      batch: { size: 8, samples: 64, noise: 1, seed: 5 },
    });
    for (const method of ['random', 'halving'] as const) {
      const a = tune(base, { ...settings, method, momentum: true });
      const b = tune(base, { ...settings, method, momentum: true });
      expect(b).toEqual(a);
      const c = tune(base, { ...settings, method, momentum: true, seed: 2 });
      expect(c.trials.map((t) => t.lr)).not.toEqual(a.trials.map((t) => t.lr));
    }
  });

  it('never uses more trials or step-units than its budget, and counts them', () => {
    const base = config({ optimizer: { type: 'Adam' } });
    for (const method of ['random', 'halving'] as const)
      for (const [trials, steps] of [
        [1, 1],
        [9, 1],
        [20, 30],
        [27, 81],
        [5, 2],
      ]) {
        const r = tune(base, { ...settings, method, trials, steps });
        const configs = new Set(r.trials.map((t) => t.config));
        expect(configs.size).toBe(r.used.trials);
        expect(r.used.trials).toBeLessThanOrEqual(trials);
        const units = r.trials.reduce((t, x) => t + x.steps, 0);
        expect(units).toBe(r.used.stepUnits);
        expect(units).toBeLessThanOrEqual(trials * steps);
        expect(r.budget).toEqual({ trials, stepUnits: trials * steps });
        // The winner ran the full length.
        expect(r.best.steps).toBe(steps);
        expect(r.curve).toHaveLength(steps + 1);
      }
    // Successive halving with η = 3: 27 → 9 → 3 → 1 configurations, 3, 9, 27, 81 steps.
    expect(tunePlan({ trials: 27, steps: 81, method: 'halving' })).toEqual([
      { configs: 27, steps: 3 },
      { configs: 9, steps: 9 },
      { configs: 3, steps: 27 },
      { configs: 1, steps: 81 },
    ]);
    // A tiny budget: fewer rungs rather than overspending it.
    expect(tunePlan({ trials: 9, steps: 1, method: 'halving' })).toEqual([
      { configs: 9, steps: 1 },
    ]);
  });

  it('every optimizer is offered the same lrs for a seed (common random numbers)', () => {
    const sgd = tune(config({ optimizer: { type: 'SGD' } }), { ...settings, momentum: true });
    const adam = tune(config({ optimizer: { type: 'Adam' } }), { ...settings, momentum: true });
    const rms = tune(config({ optimizer: { type: 'Adagrad' } }), { ...settings, momentum: true });
    expect(adam.trials.map((t) => t.lr)).toEqual(sgd.trials.map((t) => t.lr));
    expect(rms.trials.map((t) => t.lr)).toEqual(sgd.trials.map((t) => t.lr));
    expect(adam.trials.map((t) => t.momentum)).toEqual(sgd.trials.map((t) => t.momentum));
    expect(rms.trials.every((t) => t.momentum === null)).toBe(true);
    for (const t of sgd.trials) {
      expect(t.lr).toBeGreaterThanOrEqual(1e-4);
      expect(t.lr).toBeLessThanOrEqual(1);
      expect(t.momentum).toBeGreaterThanOrEqual(0.5);
      expect(t.momentum).toBeLessThanOrEqual(0.999);
    }
  });

  it('the tuned lr of SGD on the quadratic lies below 2/λ_max', () => {
    for (const kappa of [10, 25, 100]) {
      for (const criterion of ['final', 'best'] as const) {
        const r = tune(config({ surface_params: { kappa }, optimizer: { type: 'SGD' } }), {
          ...settings,
          trials: 30,
          criterion,
        });
        expect(r.best.lr).toBeLessThan(2 / kappa);
        // Some trials were above it and diverged or did worse.
        expect(r.trials.some((t) => t.lr > 2 / kappa && t.score > r.best.score)).toBe(true);
      }
    }
  });

  it("'target' counts steps to the target loss; timesFaster divides them", () => {
    const s = { ...settings, criterion: 'target' as const, target: 1e-2, trials: 20, steps: 600 };
    const q = { surface_params: { kappa: 100 } };
    const sgd = tune(config({ ...q, optimizer: { type: 'SGD' } }), s);
    const mom = tune(config({ ...q, optimizer: { type: 'SGD', momentum: 0.9 } }), s);
    expect(sgd.best.reached).toBe(sgd.best.score);
    expect(stepsToTarget(sgd.curve, 1e-2)).toBe(sgd.best.reached);
    const tf = timesFaster(sgd, mom, 1e-2);
    expect(tf.stepsA).toBe(sgd.best.reached);
    expect(tf.stepsB).toBe(mom.best.reached);
    expect(tf.factor).toBeCloseTo(tf.stepsA! / tf.stepsB!, 15);
    // On κ = 100 heavy ball with μ = 0.9 (rate √0.9 ≈ 0.95 at its best lr) beats plain gradient
    // descent (rate (κ − 1)/(κ + 1) ≈ 0.98 at its best).
    expect(tf.factor).toBeGreaterThan(1);
    expect(timesFaster(sgd, mom, -1).factor).toBeNull();
    expect(() => tune(config({}), { ...s, target: null })).toThrow(/target: the 'target'/);
    expect(() => tune(config({}), { ...settings, lrRange: [1, 0.1] })).toThrow(/lr range/);
  });
});
