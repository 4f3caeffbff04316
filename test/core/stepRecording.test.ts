/**
 * run() records, per step, the gradient it used and the optimizer's momentum / first-moment
 * buffer after the step (its record's `moment`): the data of the race's "anatomy of a step".
 */
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, findOptimizer } from '../../src/core/optimizers/registry';
import { getSurface } from '../../src/core/surfaces/registry';
import { run } from '../../src/core/trajectory';
import { RACEABLE, rosenbrockConfig } from './rosenbrockConfig';

const config = rosenbrockConfig;

const rosenbrock = getSurface('rosenbrock', {});
const point = (r: { params: Float64Array }, k: number, start: readonly number[]) =>
  k === 0 ? [start[0], start[1]] : [r.params[2 * k - 2], r.params[2 * k - 1]];

describe('run() records the gradient and the momentum buffer of each step', () => {
  it('records the exact gradient at θₖ for every optimizer on a full batch', () => {
    const g = new Float64Array(2);
    OPTIMIZERS.forEach((spec, i) => {
      const cfg = config(RACEABLE[i]);
      const r = run(cfg);
      expect(r.grad.length, spec.type).toBe(2 * r.steps);
      for (let k = 0; k < r.steps; k++) {
        const [x, y] = point(r, k, cfg.start);
        rosenbrock.gradient(x, y, g);
        expect([r.grad[2 * k], r.grad[2 * k + 1]], `${spec.type} step ${k + 1}`).toEqual([
          g[0],
          g[1],
        ]);
      }
      // A buffer exactly where the record names one.
      expect(r.moment === null, spec.type).toBe(spec.moment === undefined);
    });
  });

  it('records the minibatch gradient the step used, not the exact one', () => {
    const cfg = config(
      { type: 'SGD', lr: 1e-3 },
      { batch: { size: 4, samples: 64, noise: 5, seed: 3 } },
    );
    const r = run(cfg);
    const g = new Float64Array(2);
    rosenbrock.gradient(cfg.start[0], cfg.start[1], g);
    expect(r.grad[0]).not.toBe(g[0]);
    // Plain SGD's update is exactly −lr·g of the gradient recorded.
    for (let k = 0; k < r.steps; k++) {
      const [x, y] = point(r, k, cfg.start);
      expect(r.params[2 * k] - x).toBeCloseTo(-r.lr[k] * r.grad[2 * k], 12);
      expect(r.params[2 * k + 1] - y).toBeCloseTo(-r.lr[k] * r.grad[2 * k + 1], 12);
    }
  });

  it('SGD with momentum: b₁ = g₁, bₖ = μbₖ₋₁ + gₖ, and θₖ₊₁ − θₖ = −lr·bₖ', () => {
    const cfg = config({ type: 'SGD', lr: 1e-3, momentum: 0.9 });
    const r = run(cfg);
    const b = [0, 0];
    for (let k = 0; k < r.steps; k++) {
      for (const i of [0, 1]) {
        b[i] = k === 0 ? r.grad[i] : 0.9 * b[i] + r.grad[2 * k + i];
        expect(r.moment![2 * k + i]).toBeCloseTo(b[i], 9);
      }
      const [x, y] = point(r, k, cfg.start);
      expect(r.params[2 * k] - x).toBeCloseTo(-1e-3 * r.moment![2 * k], 12);
      expect(r.params[2 * k + 1] - y).toBeCloseTo(-1e-3 * r.moment![2 * k + 1], 12);
    }
  });

  it('SGD without momentum keeps no buffer: NaN each step', () => {
    const r = run(config({ type: 'SGD', lr: 1e-3, momentum: 0 }));
    expect(r.moment!.length).toBe(2 * r.steps);
    expect(Array.from(r.moment!).every(Number.isNaN)).toBe(true);
  });

  it('Adam: m = β₁m + (1−β₁)g from 0, inside Lookahead too', () => {
    for (const optimizer of [
      { type: 'Adam', lr: 0.1, betas: [0.8, 0.999] },
      {
        type: 'Lookahead',
        k: 5,
        alpha: 0.5,
        optimizer: { type: 'Adam', lr: 0.1, betas: [0.8, 0.999] },
      },
    ]) {
      const r = run(config(optimizer));
      const m = [0, 0];
      for (let k = 0; k < r.steps; k++)
        for (const i of [0, 1]) {
          m[i] = 0.8 * m[i] + 0.2 * r.grad[2 * k + i];
          expect(r.moment![2 * k + i], optimizer.type).toBeCloseTo(m[i], 9);
        }
    }
  });

  it('LAMB (the whole point as one vector) records m the same way', () => {
    const r = run(config({ type: 'LAMB', lr: 0.02 }));
    const [b1] = findOptimizer('LAMB')!.defaults.betas as [number, number];
    const m = [0, 0];
    for (let k = 0; k < r.steps; k++)
      for (const i of [0, 1]) {
        m[i] = b1 * m[i] + (1 - b1) * r.grad[2 * k + i];
        expect(r.moment![2 * k + i]).toBeCloseTo(m[i], 9);
      }
  });

  it('LARS keeps lr inside its buffer: θₖ₊₁ − θₖ = −bₖ', () => {
    expect(findOptimizer('LARS')!.moment?.units).toBe('step');
    const cfg = config({ type: 'LARS', lr: 1, momentum: 0.9, trust_coefficient: 0.01 });
    const r = run(cfg);
    for (let k = 0; k < r.steps; k++) {
      const [x, y] = point(r, k, cfg.start);
      expect(r.params[2 * k] - x).toBeCloseTo(-r.moment![2 * k], 12);
      expect(r.params[2 * k + 1] - y).toBeCloseTo(-r.moment![2 * k + 1], 12);
    }
  });

  it('names a buffer for the momentum family and none for the rest', () => {
    const named = OPTIMIZERS.filter((o) => o.moment).map((o) => o.type);
    for (const type of ['SGD', 'Adam', 'AdamW', 'NAdam', 'RAdam', 'Adamax', 'Lion', 'Signum'])
      expect(named).toContain(type);
    for (const type of ['LAMB', 'LARS', 'Sophia', 'Ranger', 'RMSprop'])
      expect(named).toContain(type);
    for (const type of ['Adagrad', 'Adadelta', 'Rprop', 'Newton'])
      expect(named).not.toContain(type);
    // Each names a key its state really has.
    OPTIMIZERS.forEach((spec, i) => {
      if (!spec.moment) return;
      const momentum = 'momentum' in spec.defaults ? { momentum: 0.9 } : {};
      const r = run(config({ ...RACEABLE[i], ...momentum }));
      expect(Number.isFinite(r.moment![2 * r.steps - 1]), spec.type).toBe(true);
    });
  });
});
