import { describe, expect, it } from 'vitest';
import { numberAlgebra } from '../../src/core/algebra';
import { withLookahead } from '../../src/core/optimizers/lookahead';
import { parseOptimizerConfig } from '../../src/core/optimizers/parseOptimizer';
import { OPTIMIZERS, findOptimizer, optimizerOf } from '../../src/core/optimizers/registry';
import { run } from '../../src/core/trajectory';
import { RACEABLE, rosenbrockConfig } from './rosenbrockConfig';

const config = rosenbrockConfig;
const raceable = RACEABLE;

describe('Lookahead as a wrapper', () => {
  it('with α = 1 is its inner optimizer, bit for bit, for every registry optimizer', () => {
    for (const inner of raceable) {
      const plain = run(config(inner));
      const wrapped = run(config({ type: 'Lookahead', k: 3, alpha: 1, optimizer: inner }));
      expect(wrapped.steps, inner.type).toBe(plain.steps);
      expect(Array.from(wrapped.params), inner.type).toEqual(Array.from(plain.params));
      expect(Array.from(wrapped.loss), inner.type).toEqual(Array.from(plain.loss));
    }
  });

  it('with lr = 0 leaves the fast and the slow weights at the start', () => {
    for (const type of ['SGD', 'Adam', 'RAdam', 'LARS', 'Ranger']) {
      const r = run(config({ type: 'Lookahead', k: 2, alpha: 0.5, optimizer: { type, lr: 0 } }));
      expect(r.steps).toBe(40);
      for (let i = 0; i < 2 * r.steps; i += 2) {
        expect([r.params[i], r.params[i + 1]], type).toEqual([-1.5, 2]);
        expect([r.shadow![i], r.shadow![i + 1]], type).toEqual([-1.5, 2]);
      }
    }
  });

  it('with k = 1 is SGD at lr·α: two steps derived by hand', () => {
    // f = ½(x² + 25y²) (the quadratic surface), ∇f = (x, 25y), from (−4, 1); SGD lr 0.01 in
    // Lookahead k = 1, α = 0.5. Each step: fast = θ − 0.01∇f(θ), then slow = θ + 0.5(fast − θ)
    // = θ − 0.005∇f(θ), and θ ← slow. So x ← 0.995x, y ← (1 − 0.125)y = 0.875y:
    //   step 1: (−3.98, 0.875);  step 2: (−3.9601, 0.765625).
    const r = run(
      config(
        { type: 'Lookahead', k: 1, alpha: 0.5, optimizer: { type: 'SGD', lr: 0.01 } },
        { surface: 'quadratic', start: [-4, 1], steps: 2 },
      ),
    );
    const want = [-3.98, 0.875, -3.9601, 0.765625];
    want.forEach((w, i) => expect(r.params[i]).toBeCloseTo(w, 14));
    expect(Array.from(r.shadow!)).toEqual(Array.from(r.params));
  });

  it('records the slow weights: the start until step k, then each sync point, where θ restarts', () => {
    const r = run(
      config({ type: 'Lookahead', k: 5, alpha: 0.5, optimizer: { type: 'Adam', lr: 0.05 } }),
    );
    for (let step = 1; step <= r.steps; step++) {
      const i = 2 * (step - 1);
      const slow = [r.shadow![i], r.shadow![i + 1]];
      if (step % 5 === 0) expect(slow).toEqual([r.params[i], r.params[i + 1]]);
      else if (step < 5) expect(slow).toEqual([-1.5, 2]);
      else {
        const j = 2 * (5 * Math.floor(step / 5) - 1);
        expect(slow).toEqual([r.params[j], r.params[j + 1]]);
      }
    }
  });

  it('keeps its inner record: scope, curvature and hyperparameters; slow never clashes with its state', () => {
    for (const spec of OPTIMIZERS) {
      const la = withLookahead(spec, { k: 5, alpha: 0.5 });
      expect(la.scope).toBe(spec.scope);
      expect(la.hyperparams).toBe(spec.hyperparams);
      expect(la.shadow?.key).toBe('slow');
      expect(Object.keys(spec.init(numberAlgebra, 1))).not.toContain('slow');
    }
    expect(optimizerOf({ type: 'Adam' })).toBe(findOptimizer('Adam'));
    expect(optimizerOf({ type: 'Adam', lookahead: { k: 5, alpha: 0.5 } })?.type).toBe(
      'Lookahead(Adam)',
    );
    expect(findOptimizer('Lookahead')).toBeUndefined();
  });
});

describe('the Lookahead config', () => {
  it('parses torch-style into the inner config with k and α, the paper’s defaults where left out', () => {
    const p = parseOptimizerConfig({ type: 'Lookahead', optimizer: { type: 'Adam', lr: 0.01 } });
    expect(p.ok && p.value).toMatchObject({
      type: 'Adam',
      hp: { lr: 0.01 },
      lookahead: { k: 5, alpha: 0.5 },
    });
    const q = parseOptimizerConfig({ type: 'Adam' });
    expect(q.ok && 'lookahead' in q.value).toBe(false);
  });

  it('names every bad field', () => {
    const p = parseOptimizerConfig({
      type: 'Lookahead',
      k: 2.5,
      alpha: 0,
      la_steps: 5,
      optimizer: { type: 'Adam', lr: -1 },
    });
    expect(p.ok ? [] : p.errors).toEqual([
      "optimizer.la_steps: Lookahead has no field 'la_steps' (it has: k, alpha, optimizer)",
      'optimizer.k: must be an integer ≥ 1 (got 2.5)',
      'optimizer.alpha: must be a number with 0 < alpha ≤ 1 (got 0)',
      'optimizer.optimizer.lr: must be ≥ 0 (got -1)',
    ]);
    const nested = parseOptimizerConfig({
      type: 'Lookahead',
      optimizer: { type: 'Lookahead', optimizer: { type: 'SGD' } },
    });
    expect(nested.ok ? [] : nested.errors).toEqual([
      'optimizer.optimizer.type: Lookahead cannot wrap another Lookahead',
    ]);
    const missing = parseOptimizerConfig({ type: 'Lookahead' });
    expect(missing.ok ? [] : missing.errors[0]).toMatch(/^optimizer\.optimizer: must be an object/);
  });
});

describe('Ranger', () => {
  it('is RAdam steps with Lookahead inside: k larger than the run is its RAdam alone, k = 1 with α = 1 too', () => {
    const alone = run(config({ type: 'Ranger', lr: 0.01, k: 1000 }));
    const synced = run(config({ type: 'Ranger', lr: 0.01, k: 1, alpha: 1 }));
    expect(Array.from(synced.params)).toEqual(Array.from(alone.params));
    // Its slow weights stay at the start until the first sync.
    expect(Array.from(alone.shadow!.subarray(0, 4))).toEqual([-1.5, 2, -1.5, 2]);
  });

  it('refuses a k that is not an integer', () => {
    const p = parseOptimizerConfig({ type: 'Ranger', k: 1.5 });
    expect(p.ok ? [] : p.errors).toEqual(['optimizer.k: must be an integer ≥ 1']);
  });
});
