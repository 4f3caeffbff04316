import type { Algebra } from '../algebra';
import type { OptState, OptimizerSpec, StepContext } from './optimizerSpec';
import { HP, lerp } from './common';
import { denseOf } from './fullMatrixAdagrad';

export type SoapHp = {
  lr: number;
  betas: readonly [number, number];
  shampoo_beta: number;
  eps: number;
  weight_decay: number;
  precondition_frequency: number;
};

/**
 * SOAP (Vyas et al. 2024, "SOAP: Improving and Stabilizing Shampoo using Adam"), ported from
 * the authors' nikhilvyas/SOAP `soap.py` at f42d296 for one 1-D parameter, the point (x, y),
 * with `precondition_1d=True` (their default False would make a vector's SOAP plain Adam:
 * they precondition a 1-D parameter only when asked). For a 2-vector Shampoo's preconditioner
 * is the single 2×2 matrix GG = EMA of g gᵀ, and SOAP runs Adam in GG's eigenbasis Q:
 *   step 1: GG = (1−β_s) g gᵀ, Q = eigenvectors of GG (largest first); θ does not move.
 *   step t > 1, s = t − 1:  g' = Qᵀg;  m ← β₁m + (1−β₁)g';  v ← β₂v + (1−β₂)g'²;
 *     θ ← θ − lr·√(1−β₂ˢ)/(1−β₁ˢ) · Q(m/(√v + ε));  θ ← θ − lr·λ·θ;
 *     then m back to (x, y), GG ← lerp(GG, g gᵀ, 1−β_s), and every `precondition_frequency`
 *     steps Q ← QR(GG·Q) (one power iteration, Q's columns sorted by qᵀGGq and v's entries
 *     with them), and m into the (new) basis.
 * m is kept in the eigenbasis; v is not rotated when Q changes (the authors' choice).
 * shampoo_beta < 0 means β₂. Their normalize_grads and correct_bias are left at the defaults
 * (off, on). Surfaces only: the basis comes from `ctx.dense`.
 */
export const soap: OptimizerSpec<SoapHp> = {
  type: 'SOAP',
  id: 'soap',
  summary: 'Adam in the eigenbasis of Shampoo’s preconditioner, refreshed every few steps.',
  tex: String.raw`m_t = \beta_1 m_{t-1} + (1-\beta_1) g_t,\ v'_t = \beta_2 v'_{t-1} + (1-\beta_2)\,g'^2,\ GG_t = \beta_s GG_{t-1} + (1-\beta_s)\,g_t g_t^\top = Q\Lambda Q^\top,\ g' = Q^\top g_t,\ \theta_t = \theta_{t-1} - \eta\,Q\,\frac{\hat m'_t}{\sqrt{\hat v'_t}+\epsilon}`,
  defaults: {
    lr: 3e-3,
    betas: [0.95, 0.95],
    shampoo_beta: -1,
    eps: 1e-8,
    weight_decay: 0.01,
    precondition_frequency: 10,
  },
  race: { lr: 0.1, weight_decay: 0 },
  hyperparams: [
    HP.lr,
    {
      ...HP.betas,
      entries: [
        { label: 'Beta 1', symbol: '\\beta_1', slider: { kind: 'linear', min: 0, max: 0.999 } },
        { label: 'Beta 2', symbol: '\\beta_2', slider: { kind: 'linear', min: 0.5, max: 0.9999 } },
      ],
    },
    {
      key: 'shampoo_beta',
      kind: 'number',
      label: 'Shampoo beta (< 0: β₂)',
      symbol: '\\beta_s',
      min: -1,
      max: 1,
      maxExclusive: true,
      slider: { kind: 'linear', min: -1, max: 0.999 },
    },
    HP.eps,
    { ...HP.weightDecay },
    {
      key: 'precondition_frequency',
      kind: 'number',
      label: 'Precondition frequency',
      min: 1,
      slider: { kind: 'linear', min: 1, max: 100, integer: true },
    },
  ],
  validate(hp) {
    const f = hp.precondition_frequency;
    return Number.isInteger(f) ? [] : [`precondition_frequency: must be an integer, got ${f}`];
  },
  scope: 'whole',
  curvature: 'dense-2x2',
  init: (A, theta) => ({ m: A.fill(theta, 0), v: A.fill(theta, 0), GG: null, Q: null }),
  step<T>(
    A: Algebra<T>,
    theta: T,
    grad: T,
    state: OptState<T>,
    hp: SoapHp,
    t: number,
    ctx?: StepContext<T>,
  ) {
    const D = denseOf('SOAP', ctx);
    const [b1, b2] = hp.betas;
    const bs = hp.shampoo_beta >= 0 ? hp.shampoo_beta : b2;
    const gg = D.outer(grad);
    if (state.Q === null) {
      // First step: the preconditioner from this gradient, no move (the projection never uses
      // the current gradient).
      const GG = lerp(A, A.mul(gg, 0), gg, 1 - bs);
      return { theta, state: { m: state.m, v: state.v, GG, Q: D.eigvecs(GG) } };
    }
    const s = t - 1;
    let Q = state.Q as T,
      GG = state.GG as T;
    const gp = D.project(Q, grad);
    let m = A.add(A.mul(state.m as T, b1), A.mul(gp, 1 - b1));
    let v = A.add(A.mul(state.v as T, b2), A.mul(A.mul(gp, gp), 1 - b2));
    const denom = A.add(A.sqrt(v), hp.eps);
    const stepSize = (hp.lr * Math.sqrt(1 - Math.pow(b2, s))) / (1 - Math.pow(b1, s));
    let th = A.sub(theta, A.mul(D.projectBack(Q, A.div(m, denom)), stepSize));
    if (hp.weight_decay > 0) th = A.add(th, A.mul(th, -hp.lr * hp.weight_decay));
    // update_preconditioner: m back to (x, y), GG's EMA, maybe a new basis, m into it.
    m = D.projectBack(Q, m);
    GG = lerp(A, GG, gg, 1 - bs);
    if (s % hp.precondition_frequency === 0) {
      const sorted = D.sortColumns(GG, Q, v);
      v = sorted.v;
      Q = D.powerQR(GG, sorted.Q);
    }
    m = D.project(Q, m);
    return { theta: th, state: { m, v, GG, Q } };
  },
};
