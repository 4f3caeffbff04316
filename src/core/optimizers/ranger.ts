import type { OptimizerSpec } from './optimizerSpec';
import { biasCorrection, HP } from './common';
import { LOOKAHEAD_HP, LOOKAHEAD_SHADOW, lookaheadSync } from './lookahead';

export type RangerHp = {
  lr: number;
  alpha: number;
  k: number;
  N_sma_threshhold: number;
  betas: readonly [number, number];
  eps: number;
  weight_decay: number;
};

/**
 * Ranger (L. Wright 2019): RAdam inside Lookahead, as the authors' code steps it,
 * lessw2020/Ranger-Deep-Learning-Optimizer `ranger.py` version 9.3.19 (commit e2f88fa9), with
 * its names and defaults (the threshold keeps their spelling, `N_sma_threshhold`).
 * test/fixtures/ports/ranger.py is the independent Python port the reference runs come from.
 *
 * Its RAdam is not torch.optim.RAdam's arithmetic: v is not bias-corrected inside the
 * denominator but through the step size, and weight decay scales θ by (1 − λ·lr) before the
 * step (decoupled), whatever ρₜ is. With m, v as Adam (β = (0.95, 0.999)), ρ∞ = 2/(1−β₂) − 1,
 * ρₜ = ρ∞ − 2tβ₂ᵗ/(1−β₂ᵗ):
 *   ρₜ > N_sma_threshhold:  s = √((1−β₂ᵗ)·(ρₜ−4)/(ρ∞−4)·(ρₜ−2)/ρₜ·ρ∞/(ρ∞−2)) / (1−β₁ᵗ);  θ ← θ − lr·s·m/(√v + ε)
 *   otherwise:              s = 1/(1−β₁ᵗ);  θ ← θ − lr·s·m
 * then every k-th step Lookahead's sync (the same `lookaheadSync` the wrapper uses):
 * slow ← slow + α(θ − slow), θ ← slow. The authors check lr > 0; here lr = 0 is allowed, as
 * for every optimizer of the registry (it leaves θ where it is).
 */
export const ranger: OptimizerSpec<RangerHp> = {
  type: 'Ranger',
  id: 'ranger',
  summary:
    'RAdam inside Lookahead (the authors’ Ranger): rectified Adam steps on the fast weights, pulled back to the slow ones every k steps (the race draws the slow weights dashed).',
  tex: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ v_t = \beta_2 v_{t-1} + (1-\beta_2) g_t^2,\ \theta_t = \theta_{t-1} - \eta\, s_t\, m_t \cdot \begin{cases} \frac{1}{\sqrt{v_t}+\epsilon} & \rho_t > N \\ 1 & \text{otherwise}\end{cases},\quad \text{every } k \text{ steps: } \phi \leftarrow \phi + \alpha(\theta - \phi),\ \theta \leftarrow \phi`,
  defaults: {
    lr: 1e-3,
    alpha: 0.5,
    k: 6,
    N_sma_threshhold: 5,
    betas: [0.95, 0.999],
    eps: 1e-5,
    weight_decay: 0,
  },
  // Rosenbrock from (−1.5, 2), 300 steps. Steps 1–5 are unrectified (ρₜ ≤ 5): plain momentum
  // on gradients of ~150, so lr ≥ 0.012 flings the point off the plot. After them the rectifier
  // is ≈ 0.03 and α halves the progress: 1e-3 barely leaves the start, 5e-3 ends at loss 4.6.
  // 0.01 leaps across the valley, is pulled back by the first sync (step 6) and creeps along
  // the valley floor to loss 3.7 at (−0.91, 0.84): the race that shows the slow weights best.
  race: { lr: 0.01 },
  hyperparams: [
    HP.lr,
    // The authors allow α = 0 (the slow weights never move); Lookahead's wrapper does not.
    { ...LOOKAHEAD_HP.alpha, label: 'Slow step', symbol: '\\alpha', minExclusive: false },
    LOOKAHEAD_HP.k,
    {
      key: 'N_sma_threshhold',
      kind: 'number',
      label: 'Rectification threshold',
      symbol: 'N',
      min: 0,
      slider: { kind: 'linear', min: 0, max: 10 },
    },
    HP.betas,
    { ...HP.eps, minExclusive: true },
    HP.weightDecay,
  ],
  validate: (hp) => (Number.isInteger(hp.k) ? [] : ['k: must be an integer ≥ 1']),
  shadow: { key: 'slow_buffer', ...LOOKAHEAD_SHADOW },
  moment: { key: 'exp_avg', label: 'first moment m' },
  init: (_A, theta) => ({ exp_avg: null, exp_avg_sq: null, slow_buffer: theta }),
  step(A, theta, grad, state, hp, t) {
    const [b1, b2] = hp.betas;
    type G = typeof grad;
    // exp_avg_sq.mul_(β₂).addcmul_(1 − β₂, g, g); exp_avg.mul_(β₁).add_(1 − β₁, g); both start at 0.
    const v0 = (state.exp_avg_sq as G | null) ?? A.fill(grad, 0);
    const m0 = (state.exp_avg as G | null) ?? A.fill(grad, 0);
    const v = A.add(A.mul(v0, b2), A.mul(A.mul(grad, 1 - b2), grad));
    const m = A.add(A.mul(m0, b1), A.mul(grad, 1 - b1));
    const beta2t = Math.pow(b2, t);
    const nSmaMax = 2 / (1 - b2) - 1;
    const nSma = nSmaMax - (2 * t * beta2t) / (1 - beta2t);
    const rectified = nSma > hp.N_sma_threshhold;
    const stepSize = rectified
      ? Math.sqrt(
          ((((((1 - beta2t) * (nSma - 4)) / (nSmaMax - 4)) * (nSma - 2)) / nSma) * nSmaMax) /
            (nSmaMax - 2),
        ) / biasCorrection(b1, t)
      : 1 / biasCorrection(b1, t);
    let p = hp.weight_decay !== 0 ? A.add(theta, A.mul(theta, -hp.weight_decay * hp.lr)) : theta;
    const direction = rectified ? A.div(m, A.add(A.sqrt(v), hp.eps)) : m;
    p = A.add(p, A.mul(direction, -stepSize * hp.lr));
    let slow = state.slow_buffer as typeof theta;
    if (t % hp.k === 0) p = slow = lookaheadSync(A, p, slow, hp.alpha);
    return { theta: p, state: { exp_avg: m, exp_avg_sq: v, slow_buffer: slow } };
  },
};
