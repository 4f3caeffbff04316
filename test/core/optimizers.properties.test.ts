import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseRunConfig, type RunConfig } from '../../src/core/config';
import { OPTIMIZERS } from '../../src/core/optimizers/registry';
import { SURFACES } from '../../src/core/surfaces/registry';
import { run } from '../../src/core/trajectory';

function config(raw: Record<string, unknown>): RunConfig {
  const parsed = parseRunConfig(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

const point = fc.tuple(
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.double({ min: -3, max: 3, noNaN: true }),
);

describe('optimizer properties', () => {
  it('a step with lr = 0 leaves θ unchanged, for every optimizer (with weight decay and momentum on)', () => {
    for (const spec of OPTIMIZERS) {
      fc.assert(
        fc.property(point, (start) => {
          const extra: Record<string, unknown> = { lr: 0 };
          if ('weight_decay' in spec.defaults) extra.weight_decay = 0.1;
          if ('momentum' in spec.defaults) extra.momentum = 0.9;
          // Rprop's lr is only its first step size, and torch clamps every step size to at
          // least Γmin (1e-6): with lr = 0 it still moves by Γmin, so Γmin is 0 here.
          if ('step_sizes' in spec.defaults) extra.step_sizes = [0, 50];
          const r = run(
            config({
              surface: 'rosenbrock',
              start,
              steps: 5,
              optimizer: { type: spec.type, ...extra },
            }),
          );
          for (let k = 0; k < r.steps; k++) {
            // == not Object.is: θ − 0·u turns a start of −0 into +0, which is the same point.
            expect(r.params[2 * k] === start[0] && r.params[2 * k + 1] === start[1]).toBe(true);
          }
        }),
        { numRuns: 20 },
      );
    }
  });

  it('signSGD and Signum move by exactly lr·√2 whenever no component of the direction is 0', () => {
    // Every coordinate moves by ±lr, so a step is a diagonal of an lr-square. Rosenbrock from
    // random starts: its gradient has no zero component off a measure-zero set.
    for (const type of ['SignSGD', 'Signum']) {
      fc.assert(
        fc.property(point, fc.double({ min: 1e-4, max: 1e-1, noNaN: true }), (start, lr) => {
          const r = run(
            config({ surface: 'rosenbrock', start, steps: 30, optimizer: { type, lr } }),
          );
          let [x, y] = start;
          for (let k = 0; k < r.steps; k++) {
            const [nx, ny] = [r.params[2 * k], r.params[2 * k + 1]];
            const dx = Math.abs(nx - x),
              dy = Math.abs(ny - y);
            // Each coordinate moved by lr (rounding of x ± lr is at most one ulp of the result).
            const ulp = (v: number) => Math.max(Number.EPSILON * Math.abs(v), Number.MIN_VALUE);
            if (dx > 0 && dy > 0) {
              expect(Math.abs(dx - lr)).toBeLessThanOrEqual(2 * ulp(nx));
              expect(Math.abs(dy - lr)).toBeLessThanOrEqual(2 * ulp(ny));
              expect(Math.abs(Math.hypot(dx, dy) - lr * Math.SQRT2)).toBeLessThan(1e-12);
            }
            [x, y] = [nx, ny];
          }
        }),
        { numRuns: 30 },
      );
    }
  });

  it('Rprop grows a step by η₊ while the sign holds and skips the step after a flip (hand-derived)', () => {
    // f = ½(x² + 25y²) from (−4, 1), lr 0.01, η = (0.5, 1.2): the gradient (−4, 25) keeps its
    // sign, so the steps are 0.01, 0.012, 0.0144 in each coordinate: x = −3.99, −3.978, −3.9636.
    const r = run(
      config({
        surface: 'quadratic',
        start: [-4, 1],
        steps: 3,
        optimizer: { type: 'Rprop', lr: 0.01 },
      }),
    );
    const want = [-3.99, 0.99, -3.978, 0.978, -3.9636, 0.9636];
    want.forEach((v, i) => expect(r.params[i]).toBeCloseTo(v, 14));
    // A flip: from y slightly above 0 with a step larger than y, y crosses 0 and the next step
    // in y is skipped (Δ halves, the remembered gradient is zeroed).
    const flip = run(
      config({
        surface: 'quadratic',
        start: [-4, 0.015],
        steps: 3,
        optimizer: { type: 'Rprop', lr: 0.01 },
      }),
    );
    const ys = [0.015, flip.params[1], flip.params[3], flip.params[5]];
    expect(ys[1]).toBeCloseTo(0.005, 15); // 0.015 − 0.01
    expect(ys[2]).toBeCloseTo(0.005 - 0.012, 15); // sign held: step 0.012, y = −0.007
    expect(ys[3]).toBe(ys[2]); // sign flipped: Δ ← 0.006, gradient zeroed, no move in y
  });

  it("ASGD keeps torch's η schedule: η₁ = lr, then η ← lr/(1 + λ·lr·t)^α (hand-derived)", () => {
    // f = ½(x² + 25y²), weight decay 0: θ₁ = θ₀(1 − λη₁) − η₁g₀ with η₁ = lr.
    const lr = 0.01,
      lambd = 0.5,
      alpha = 0.75;
    const r = run(
      config({
        surface: 'quadratic',
        start: [-4, 1],
        steps: 2,
        optimizer: { type: 'ASGD', lr, lambd, alpha },
      }),
    );
    const x1 = -4 * (1 - lambd * lr) - lr * -4;
    expect(r.params[0]).toBe(x1);
    const eta2 = lr / Math.pow(1 + lambd * lr * 1, alpha);
    expect(r.params[2]).toBe(x1 * (1 - lambd * eta2) - eta2 * x1);
  });

  it('SGD with momentum 0 is plain gradient descent θ ← θ − lr·∇f', () => {
    fc.assert(
      fc.property(point, fc.double({ min: 1e-5, max: 1e-2, noNaN: true }), (start, lr) => {
        const withMomentumKey = run(
          config({
            surface: 'beale',
            start,
            steps: 20,
            optimizer: { type: 'SGD', lr, momentum: 0, dampening: 0.3 },
          }),
        );
        const plain = run(
          config({ surface: 'beale', start, steps: 20, optimizer: { type: 'SGD', lr } }),
        );
        expect(Array.from(withMomentumKey.params)).toEqual(Array.from(plain.params));
        // And it is literally θ − lr·∇f, step by step, with the registered surface's gradient.
        const beale = SURFACES.find((s) => s.id === 'beale')!.create();
        const g = new Float64Array(2);
        let [x, y] = start;
        for (let k = 0; k < plain.steps; k++) {
          beale.gradient(x, y, g);
          x -= lr * g[0];
          y -= lr * g[1];
          expect(plain.params[2 * k]).toBe(x);
          expect(plain.params[2 * k + 1]).toBe(y);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('batch size B = N is exactly full-batch gradient descent, and B < N is not', () => {
    for (const type of ['SGD', 'Adam']) {
      const base = {
        surface: 'quadratic',
        start: [-4, 1],
        steps: 50,
        optimizer: { type, lr: 0.01 },
      };
      const exact = run(config(base));
      const full = run(config({ ...base, batch: { size: 64, samples: 64, noise: 2, seed: 3 } }));
      const mini = run(config({ ...base, batch: { size: 8, samples: 64, noise: 2, seed: 3 } }));
      for (let i = 0; i < exact.params.length; i++)
        expect(full.params[i]).toBeCloseTo(exact.params[i], 12);
      expect(
        Math.abs(mini.params[mini.params.length - 1] - exact.params[exact.params.length - 1]),
      ).toBeGreaterThan(1e-6);
    }
  });

  it('minibatch runs are deterministic for a seed and differ across seeds', () => {
    const base = { surface: 'rosenbrock', steps: 100, optimizer: { type: 'Adam', lr: 0.01 } };
    const a = run(config({ ...base, batch: { size: 4, samples: 128, noise: 1, seed: 7 } }));
    const b = run(config({ ...base, batch: { size: 4, samples: 128, noise: 1, seed: 7 } }));
    const c = run(config({ ...base, batch: { size: 4, samples: 128, noise: 1, seed: 8 } }));
    expect(Array.from(a.params)).toEqual(Array.from(b.params));
    expect(Array.from(a.params)).not.toEqual(Array.from(c.params));
  });

  it('every optimizer with its torch defaults stays finite for 500 steps on every surface, or blows up', () => {
    for (const surface of SURFACES)
      for (const spec of OPTIMIZERS) {
        const r = run(config({ surface: surface.id, steps: 500, optimizer: { type: spec.type } }));
        const where = `${spec.type} on ${surface.id}`;
        if (r.divergedAt === null) continue;
        // Only a real blow-up may end a run (ASGD's torch default lr 1e-2 is too large for
        // Rosenbrock's valley and runs down the monkey saddle): the last finite loss is huge,
        // so the stop is the lr's doing, not a 0/0 in an update rule.
        expect(Math.abs(r.loss[r.steps - 1]), where).toBeGreaterThan(1e6);
      }
  });
});

describe('divergence is reported, not hidden', () => {
  it('SGD with a huge lr on Rosenbrock stops cleanly at the first non-finite step', () => {
    const r = run(
      config({
        surface: 'rosenbrock',
        start: [-1.5, 2],
        steps: 1000,
        optimizer: { type: 'SGD', lr: 0.1 },
      }),
    );
    expect(r.divergedAt).not.toBeNull();
    expect(r.steps).toBe(r.divergedAt! - 1);
    expect(Array.from(r.params).every(Number.isFinite)).toBe(true);
    expect(Array.from(r.loss).every(Number.isFinite)).toBe(true);
  });
});
