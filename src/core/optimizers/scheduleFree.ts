import type { Algebra } from '../algebra';
import type { HpSpec, OptState, OptimizerSpec } from './optimizerSpec';
import { biasCorrection, HP, lerp } from './common';

export type SgdScheduleFreeHp = {
  lr: number;
  momentum: number;
  weight_decay: number;
  warmup_steps: number;
  r: number;
  weight_lr_power: number;
};

export type AdamWScheduleFreeHp = {
  lr: number;
  betas: readonly [number, number];
  eps: number;
  weight_decay: number;
  warmup_steps: number;
  r: number;
  weight_lr_power: number;
};

/*
 * Schedule-free SGD and AdamW (Defazio et al. 2024, "The Road Less Scheduled"), with the names,
 * defaults and arithmetic of the authors' PyTorch code, facebookresearch/schedule_free:
 * schedulefree/sgd_schedulefree.py (commit 59ed9b66) and schedulefree/adamw_schedulefree.py
 * (commit b3be06f3, version 1.3), their train-mode step. test/fixtures/ports/schedule_free.py is
 * the independent Python port of the same files that the reference trajectories come from.
 *
 * Three sequences: z, the base optimizer's iterate (SGD or Adam-normalised steps); x, a weighted
 * running average of z (the point the authors evaluate: `optimizer.eval()` sets the parameters
 * to x); y = (1−β)z + βx between them, where the gradient is taken (the parameters in train
 * mode). Per step, with t = k + 1 the step count:
 *   lr_t = lr·min(1, t/warmup_steps);  lr_max = max(lr_max, lr_t)   (lr_max starts at −1)
 *   w_t = t^r · lr_max^weight_lr_power;  c_t = w_t / Σ_{i≤t} w_i      (0 while Σw = 0)
 *   z_t = z_{t−1} − lr_t·g;  x_t = (1 − c_t)·x_{t−1} + c_t·z_t;  y_t = (1 − β)·z_t + β·x_t.
 * The authors update y in place without forming x: y ← lerp(y, z, c_t); y ← y + lr_t(β(1 − c_t) − 1)·g,
 * then z ← z − lr_t·g. `step` does exactly that, in that order, with torch's lerp.
 *
 * What the race shows: θ, the value `step` returns, is y. It has to be: run() (and a network's
 * training loop) evaluates the next gradient at θ, and the gradient of schedule-free is taken at
 * y. So the race's trajectory and its loss curve show y and f(y), which is also what the authors'
 * training loop sees (its parameters hold y in train mode) and what the reference trajectories
 * record. The state keeps z and x as well (x by the paper's recursion above, which equals the
 * authors' eval() point lerp(y, z, 1 − 1/β) up to round-off while β is constant), and the
 * records name x as their `shadow`: the race draws x, the point schedule-free reports, beside y. The per-run scalars (lr_max,
 * Σw) are plain numbers in the state, like NAdam's μ-product; the step count comes from `t`.
 *
 * Round-off: torch's CPU kernels fuse a + w·b (add with alpha, lerp, addcmul) into one FMA, and
 * plain JS numbers round twice, so the float64 path agrees with the reference to an ulp or so
 * per step, well inside the reference tests' tolerance.
 */

type Common = { lr: number; warmup_steps: number; r: number; weight_lr_power: number };

/** This step's warmed-up lr and averaging weight c, and the scalars the next step needs. */
function averaging<T>(state: OptState<T>, hp: Common, t: number) {
  const lr = hp.lr * (t - 1 < hp.warmup_steps ? t / hp.warmup_steps : 1);
  const lrMax = Math.max(lr, state.lrMax as number);
  const weight = Math.pow(t, hp.r) * Math.pow(lrMax, hp.weight_lr_power);
  const weightSum = (state.weightSum as number) + weight;
  // The authors catch Python's ZeroDivisionError (lr = 0 with weight_lr_power > 0) as c = 0.
  const ckp1 = weightSum === 0 ? 0 : weight / weightSum;
  return { lr, lrMax, weightSum, ckp1 };
}

/** The interpolation step shared by both: y, z and x after the step on direction g. */
function interpolate<T>(
  A: Algebra<T>,
  y: T,
  g: T,
  state: OptState<T>,
  beta: number,
  lr: number,
  ckp1: number,
) {
  const z0 = state.z as T;
  const yNext = A.add(lerp(A, y, z0, ckp1), A.mul(g, lr * (beta * (1 - ckp1) - 1)));
  const z = A.sub(z0, A.mul(g, lr));
  const x = lerp(A, state.x as T, z, ckp1);
  return { y: yNext, z, x };
}

const init = <T>(_A: Algebra<T>, theta: T): OptState<T> => ({
  z: theta,
  x: theta,
  lrMax: -1,
  weightSum: 0,
});

/** The race draws y (the trajectory, its loss curve) and x beside it. */
const SHADOW = {
  key: 'x',
  label: 'x, the average schedule-free evaluates',
  main: 'y, where the gradient is taken',
};

const WARMUP: HpSpec = {
  key: 'warmup_steps',
  kind: 'number',
  label: 'Warm-up steps',
  min: 0,
  slider: { kind: 'log', min: 1, max: 1000, zero: true, integer: true },
};
const R: HpSpec = {
  key: 'r',
  kind: 'number',
  label: 'Average weight power r',
  min: 0,
  slider: { kind: 'linear', min: 0, max: 4 },
};
const WEIGHT_LR_POWER: HpSpec = {
  key: 'weight_lr_power',
  kind: 'number',
  label: 'Weight lr power',
  min: 0,
  slider: { kind: 'linear', min: 0, max: 4 },
};

/** SGDScheduleFree: z takes plain SGD steps (L2 weight decay at y), y interpolates z and x. */
export const sgdScheduleFree: OptimizerSpec<SgdScheduleFreeHp> = {
  type: 'SGDScheduleFree',
  id: 'sgdsf',
  summary:
    'SGD without a schedule: the gradient is taken at y, between the SGD iterate z and its running average x (the race draws y, and x dashed).',
  tex: String.raw`z_t = z_{t-1} - \eta\,\nabla f(y_{t-1}),\quad x_t = (1-c_t)\,x_{t-1} + c_t z_t,\quad y_t = (1-\beta)\,z_t + \beta\,x_t`,
  defaults: { lr: 1, momentum: 0.9, weight_decay: 0, warmup_steps: 0, r: 0, weight_lr_power: 2 },
  // Rosenbrock from (−1.5, 2): step 1 is a plain SGD step at the full lr (c₁ = 1). Without
  // warm-up, lr ≤ 3e-3 crawls (loss ≈ 1–5 after 300 steps) and most larger ones diverge within
  // 10 steps (4e-3 … 7e-3 and ≥ 1.2e-2; 1e-2 survives by luck). With the authors' own warm-up
  // over 50 steps every lr from 1e-2 to 3e-2 survives; 0.015 ends at loss 7e-4 near (1, 1).
  race: { lr: 0.015, warmup_steps: 50 },
  hyperparams: [
    HP.lr,
    {
      key: 'momentum',
      kind: 'number',
      label: 'Momentum (interpolation)',
      symbol: '\\beta',
      min: 0,
      minExclusive: true,
      max: 1,
      maxExclusive: true,
      scale: 'linear',
      slider: { kind: 'linear', min: 0.05, max: 0.99 },
    },
    HP.weightDecay,
    WARMUP,
    R,
    WEIGHT_LR_POWER,
  ],
  shadow: SHADOW,
  init,
  step(A, theta, grad, state, hp, t) {
    const { lr, lrMax, weightSum, ckp1 } = averaging(state, hp, t);
    const g = hp.weight_decay !== 0 ? A.add(grad, A.mul(theta, hp.weight_decay)) : grad;
    const { y, z, x } = interpolate(A, theta, g, state, hp.momentum, lr, ckp1);
    return { theta: y, state: { z, x, lrMax, weightSum } };
  },
};

/**
 * AdamWScheduleFree: z takes Adam steps without first-moment EMA (β₁ is the interpolation
 * weight instead): v ← β₂v + (1−β₂)g², ĝ = g / (√(v/(1−β₂ᵗ)) + ε) + λy (the decay is taken at y
 * and goes through the same z, y updates).
 */
export const adamwScheduleFree: OptimizerSpec<AdamWScheduleFreeHp> = {
  type: 'AdamWScheduleFree',
  id: 'adamwsf',
  summary:
    'AdamW without a schedule: RMS-normalised steps on z, averaged into x, the gradient taken at y between them (the race draws y, and x dashed).',
  tex: String.raw`v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\ z_t = z_{t-1} - \eta\Big(\frac{g_t}{\sqrt{\hat v_t}+\epsilon} + \lambda y_{t-1}\Big),\quad x_t = (1-c_t)\,x_{t-1} + c_t z_t,\quad y_t = (1-\beta_1) z_t + \beta_1 x_t`,
  defaults: {
    lr: 0.0025,
    betas: [0.9, 0.999],
    eps: 1e-8,
    weight_decay: 0,
    warmup_steps: 0,
    r: 0,
    weight_lr_power: 2,
  },
  race: { lr: 0.1 },
  hyperparams: [
    HP.lr,
    HP.betas,
    HP.eps,
    { ...HP.weightDecay, symbol: '\\lambda' },
    WARMUP,
    R,
    WEIGHT_LR_POWER,
  ],
  shadow: SHADOW,
  init: <T>(A: Algebra<T>, theta: T) => ({ ...init(A, theta), v: A.fill(theta, 0) }),
  step(A, theta, grad, state, hp, t) {
    const [b1, b2] = hp.betas;
    const { lr, lrMax, weightSum, ckp1 } = averaging(state, hp, t);
    // exp_avg_sq.mul_(β₂).addcmul_(g, g, value=1−β₂): torch multiplies value·g first.
    const v = A.add(A.mul(state.v as typeof grad, b2), A.mul(A.mul(grad, 1 - b2), grad));
    const denom = A.add(A.sqrt(A.div(v, biasCorrection(b2, t))), hp.eps);
    let g = A.div(grad, denom);
    if (hp.weight_decay !== 0) g = A.add(g, A.mul(theta, hp.weight_decay));
    const { y, z, x } = interpolate(A, theta, g, state, b1, lr, ckp1);
    return { theta: y, state: { z, x, v, lrMax, weightSum } };
  },
};
