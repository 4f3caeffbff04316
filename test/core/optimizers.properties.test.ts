import { readFileSync } from 'node:fs';
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

  it('every optimizer with its torch defaults stays finite for 500 steps on every surface from its default start', () => {
    for (const surface of SURFACES)
      for (const spec of OPTIMIZERS) {
        const r = run(config({ surface: surface.id, steps: 500, optimizer: { type: spec.type } }));
        expect(r.divergedAt, `${spec.type} on ${surface.id}`).toBeNull();
      }
  });
});

describe('optimizers the PyTorch reference does not cover match an independent float64 port', () => {
  // test/core/fixtures/independent_port.py: written from the torch >= 2.0 docs, no code shared with src/.
  const cases = JSON.parse(
    readFileSync(new URL('./fixtures/independent_port.json', import.meta.url), 'utf8'),
  );
  for (const [name, c] of Object.entries<{
    type: string;
    hp: Record<string, unknown>;
    params: number[][];
  }>(cases)) {
    it(`${name}: 8 steps on the quadratic bowl`, () => {
      const r = run(
        config({
          surface: 'quadratic',
          start: [-4, 1],
          steps: 8,
          optimizer: { type: c.type, ...c.hp },
        }),
      );
      c.params
        .flat()
        .forEach((v: number, i: number) =>
          expect(Math.abs(r.params[i] - v)).toBeLessThan(1e-12 + 1e-12 * Math.abs(v)),
        );
    });
  }
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
