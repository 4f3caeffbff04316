/**
 * Schedule-free SGD and AdamW (src/core/optimizers/scheduleFree.ts): hand-derived steps, and the
 * three sequences the state carries. The PyTorch-port trajectories are checked in
 * optimizers.reference.test.ts; lr = 0 in optimizers.properties.test.ts (it loops over every
 * optimizer).
 */
import { describe, expect, it } from 'vitest';
import { numberAlgebra as A } from '../../src/core/algebra';
import { parseRunConfig, type RunConfig } from '../../src/core/config';
import type { OptState } from '../../src/core/optimizers/optimizerSpec';
import { findOptimizer } from '../../src/core/optimizers/registry';
import { adamwScheduleFree, sgdScheduleFree } from '../../src/core/optimizers/scheduleFree';
import { getSurface } from '../../src/core/surfaces/registry';
import { run, runToJson } from '../../src/core/trajectory';

function config(raw: Record<string, unknown>): RunConfig {
  const parsed = parseRunConfig(raw);
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  return parsed.value;
}

/** Steps one coordinate's rule by hand on a surface, returning y, z, x per step for both coordinates. */
function sequences(
  spec: typeof sgdScheduleFree | typeof adamwScheduleFree,
  hp: Record<string, unknown>,
  surfaceId: string,
  start: [number, number],
  steps: number,
) {
  const surface = getSurface(surfaceId);
  const full = { ...spec.defaults, ...hp } as never;
  let p = [...start];
  let s: OptState<number>[] = p.map((v) => spec.init(A, v));
  const g = new Float64Array(2);
  const out: { y: number[]; z: number[]; x: number[] }[] = [];
  for (let t = 1; t <= steps; t++) {
    surface.gradient(p[0], p[1], g);
    const r = [0, 1].map((i) => spec.step(A, p[i], g[i], s[i], full, t));
    p = r.map((ri) => ri.theta);
    s = r.map((ri) => ri.state);
    out.push({ y: p, z: s.map((si) => si.z as number), x: s.map((si) => si.x as number) });
  }
  return out;
}

describe('SGDScheduleFree', () => {
  it('takes the first two steps on the quadratic bowl as derived by hand', () => {
    // f = ½(x² + 25y²), ∇f = (x, 25y), from y₀ = z₀ = x₀ = (−4, 1); lr γ = 0.01, β = 0.9, r = 0,
    // weight_lr_power 2, no warm-up, so every weight is w = γ² and c_t = w/(t·w) = 1/t.
    // Step 1: g = ∇f(−4, 1) = (−4, 25), c₁ = 1.
    //   z₁ = z₀ − γg = (−4 + 0.04, 1 − 0.25) = (−3.96, 0.75);  x₁ = (1 − c₁)x₀ + c₁z₁ = z₁;
    //   y₁ = (1 − β)z₁ + βx₁ = (−3.96, 0.75): the first step is plain SGD.
    //   (The authors' in-place form: y ← lerp(y₀, z₀, 1) = y₀, y ← y + γ(β(1 − 1) − 1)g = y₀ − γg.)
    // Step 2: g = ∇f(y₁) = (−3.96, 18.75), c₂ = ½.
    //   z₂ = z₁ − γg = (−3.96 + 0.0396, 0.75 − 0.1875) = (−3.9204, 0.5625);
    //   x₂ = ½x₁ + ½z₂ = (−3.9402, 0.65625);
    //   y₂ = 0.1·z₂ + 0.9·x₂ = (−0.39204 − 3.54618, 0.05625 + 0.590625) = (−3.93822, 0.646875).
    //   (In place: y ← lerp(y₁, z₁, ½) = y₁ since z₁ = y₁; y ← y₁ + γ(0.9·½ − 1)g = y₁ − 0.0055g.)
    const hp = { lr: 0.01 };
    const r = run(
      config({
        surface: 'quadratic',
        start: [-4, 1],
        steps: 2,
        optimizer: { type: 'SGDScheduleFree', ...hp },
      }),
    );
    const want = [-3.96, 0.75, -3.93822, 0.646875];
    want.forEach((v, i) => expect(r.params[i]).toBeCloseTo(v, 14));
    const seq = sequences(sgdScheduleFree, hp, 'quadratic', [-4, 1], 2);
    expect(seq[0].z[0]).toBeCloseTo(-3.96, 14);
    expect(seq[0].x[1]).toBeCloseTo(0.75, 14);
    expect(seq[1].z[0]).toBeCloseTo(-3.9204, 14);
    expect(seq[1].z[1]).toBeCloseTo(0.5625, 14);
    expect(seq[1].x[0]).toBeCloseTo(-3.9402, 14);
    expect(seq[1].x[1]).toBeCloseTo(0.65625, 14);
    // θ handed back by step (what run() draws) is y.
    expect(seq[1].y).toEqual([r.params[2], r.params[3]]);
  });

  it('warms the lr up linearly over warmup_steps: step t uses lr·t/warmup_steps', () => {
    // Step 1 is plain SGD with lr·1/4 on the bowl: y₁ = y₀ − (lr/4)·∇f(y₀).
    const r = run(
      config({
        surface: 'quadratic',
        start: [-4, 1],
        steps: 1,
        optimizer: { type: 'SGDScheduleFree', lr: 0.04, warmup_steps: 4 },
      }),
    );
    expect(r.params[0]).toBeCloseTo(-4 + 0.01 * 4, 14);
    expect(r.params[1]).toBeCloseTo(1 - 0.01 * 25, 14);
  });
});

describe('both schedule-free optimizers', () => {
  const cases = [
    [sgdScheduleFree, { lr: 0.001, momentum: 0.9, weight_decay: 0.01, warmup_steps: 20 }],
    [adamwScheduleFree, { lr: 0.01, weight_decay: 0.05, warmup_steps: 20, r: 0.5 }],
  ] as const;
  for (const [spec, hp] of cases) {
    it(`${spec.type}: y = (1 − β)z + βx on every step, so x is the authors' eval() point lerp(y, z, 1 − 1/β)`, () => {
      const beta = spec === sgdScheduleFree ? 0.9 : adamwScheduleFree.defaults.betas[0];
      for (const { y, z, x } of sequences(spec, hp, 'rosenbrock', [-1.5, 2], 300))
        for (let i = 0; i < 2; i++) {
          expect(Math.abs(y[i] - ((1 - beta) * z[i] + beta * x[i]))).toBeLessThan(1e-12);
          expect(Math.abs(x[i] - (y[i] + (1 - 1 / beta) * (z[i] - y[i])))).toBeLessThan(1e-11);
        }
    });
  }

  it('are registered under the authors’ class names with their defaults', () => {
    expect(findOptimizer('SGDScheduleFree')?.defaults).toEqual({
      lr: 1,
      momentum: 0.9,
      weight_decay: 0,
      warmup_steps: 0,
      r: 0,
      weight_lr_power: 2,
    });
    expect(findOptimizer('AdamWScheduleFree')?.defaults).toEqual({
      lr: 0.0025,
      betas: [0.9, 0.999],
      eps: 1e-8,
      weight_decay: 0,
      warmup_steps: 0,
      r: 0,
      weight_lr_power: 2,
    });
    // The authors refuse momentum outside (0, 1).
    for (const momentum of [0, 1])
      expect(
        parseRunConfig({
          surface: 'quadratic',
          steps: 1,
          optimizer: { type: 'SGDScheduleFree', momentum },
        }).ok,
      ).toBe(false);
  });
});

describe('schedule-free in the race: x drawn beside y', () => {
  it('records x, the average, after every step, and it is the running average of z', () => {
    // With r = 0, weight_lr_power = 0 and no warm-up, every weight is 1, so c_t = 1/t and x is
    // the plain mean of z₁…z_t; y = (1 − β)z + βx, so x = (y − (1 − β)z)/β. Check x against
    // the mean of the z's recovered from the trajectory of y and x itself: z_t = (y_t − βx_t)/(1 − β).
    const p = parseRunConfig({
      surface: 'quadratic',
      start: [-4, 1],
      steps: 40,
      optimizer: { type: 'SGDScheduleFree', lr: 0.02, r: 0, weight_lr_power: 0 },
    });
    if (!p.ok) throw new Error(p.errors.join());
    const r = run(p.value);
    const x = r.shadow!;
    expect(x).toHaveLength(2 * r.steps);
    const beta = 0.9;
    for (let c = 0; c < 2; c++) {
      let sum = 0;
      for (let k = 0; k < r.steps; k++) {
        const z = (r.params[2 * k + c] - beta * x[2 * k + c]) / (1 - beta);
        sum += z;
        expect(x[2 * k + c]).toBeCloseTo(sum / (k + 1), 10);
      }
    }
    // x lags y: after step 1 (c₁ = 1: x₁ = z₁ = y₁) it is an average, so it has moved less.
    const moved = (p: Float64Array, k: number) => Math.hypot(p[2 * k] + 4, p[2 * k + 1] - 1);
    expect(moved(x, 0)).toBe(moved(r.params, 0));
    expect(moved(x, 9)).toBeLessThan(moved(r.params, 9));
  });

  it('has no shadow for an optimizer without a second point', () => {
    const p = parseRunConfig({ surface: 'quadratic', steps: 3, optimizer: { type: 'SGD' } });
    if (!p.ok) throw new Error(p.errors.join());
    expect(run(p.value).shadow).toBeNull();
  });
});

describe('the second point in the JSON the CLI prints', () => {
  it('carries x as shadow.params, named by the record, beside params', () => {
    const p = parseRunConfig({
      surface: 'quadratic',
      steps: 5,
      optimizer: { type: 'SGDScheduleFree', lr: 0.02 },
    });
    if (!p.ok) throw new Error(p.errors.join());
    const r = run(p.value);
    const json = runToJson(r, sgdScheduleFree.shadow!.label);
    expect(json.shadow!.of).toBe('x, the average schedule-free evaluates');
    expect(json.shadow!.params).toEqual(
      Array.from({ length: 5 }, (_, k) => [r.shadow![2 * k], r.shadow![2 * k + 1]]),
    );
    const sgd = parseRunConfig({ surface: 'quadratic', steps: 2, optimizer: { type: 'SGD' } });
    if (!sgd.ok) throw new Error();
    expect(runToJson(run(sgd.value))).not.toHaveProperty('shadow');
  });
});
