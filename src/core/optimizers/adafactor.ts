/**
 * Adafactor as torch.optim.Adafactor implements it (torch ≥ 2.5, torch/optim/_adafactor.py,
 * `_single_tensor_adafactor`; Shazeer & Stern 2018 with torch's use of lr and ε₁). Per
 * parameter tensor θ with gradient g (−g with `maximize`), t = 1, 2, …:
 *
 *   w = t^τ                      (τ = beta2_decay ≤ 0; β̂₂ₜ = 1 − w; lerp as torch's CPU lerp)
 *   ρ = min(lr, 1/√t)            (relative step)
 *   α = max(ε₂, RMS(θₜ₋₁))·ρ     (RMS(x) = ‖x‖/√n, n the element count)
 *   θ ← θ(1 − lr·λ)              (decoupled weight decay, before the update; skipped at λ = 0)
 *   vectors (rank ≤ 1):   v ← lerp(v, g², w),  v̂ = v   (= β̂₂ₜ v + (1 − β̂₂ₜ) g²)
 *   matrices (rank ≥ 2):  R ← lerp(R, rowMean(g²), w),  C ← lerp(C, colMean(g²), w),
 *                         v̂ = R·C / max(colMean(R), ε₁)      (R·C the outer product, broadcast)
 *   u = g / √max(v̂, ε₁²)
 *   θ ← θ − α/max(1, RMS(u)/d) · u
 *
 * At t = 1, w = 1: v = g², so u = sign(g) (±1 where g ≠ 0) and the first step moves every
 * coordinate by α = max(ε₂, RMS(θ₀))·min(lr, 1).
 *
 * ε₁ = 0 stands for torch's default `None`, "the parameter dtype's eps" (torch.finfo(dtype).eps):
 * a JSON pair (links, configs) cannot carry None. The step finds the dtype by arithmetic —
 * 1 + 2⁻⁵² rounds to 1 in float32 — so it is 2⁻⁵² ≈ 2.2e-16 in the float64 core (the 2-D race,
 * the CLI, the float64 reference) and 2⁻²³ ≈ 1.19e-7 on float32 tensors (networks), as torch
 * gives for float64 and float32 parameters. A literal ε₁ = 0 in torch differs only where v is
 * exactly 0 (torch divides 0 by 0 there); a tiny positive ε₁ (1e-300) gets that behaviour here.
 *
 * Factored as torch factors: a parameter with ≥ 2 axes keeps only the means of g² over its last
 * and second-to-last axes (R: [..., m, 1], C: [..., 1, n]; the Algebra's `rowMean`/`colMean`).
 * On a 2-D surface the point (x, y) is a vector,
 * so the race and the references take the unfactored branch, as torch does for a 1-D tensor;
 * on networks, weight matrices take the factored one and biases the unfactored one. tfjs lays a
 * dense kernel out as torch's weight transposed ([in, out] for [out, in]), which gives the same
 * v̂ (R and C swap; mean(R) = mean(C) = mean(g²)); a conv kernel is [kh, kw, in, out] in tfjs and
 * [out, in, kh, kw] in torch, so both factor their last two axes, which are (in, out) here and
 * (kh, kw) in torch: the same rule, on another pair of axes. RMS(θ) and RMS(u) are over the
 * whole parameter: scope 'whole'.
 */
import { norm, type Algebra } from '../algebra';
import { HP, lerp } from './common';
import type { OptimizerSpec, OptState } from './optimizerSpec';

export type AdafactorHp = {
  lr: number;
  beta2_decay: number;
  eps: readonly [number, number];
  d: number;
  weight_decay: number;
  maximize: boolean;
};

/** torch.finfo(dtype).eps of A's arithmetic, shaped like `like`: 2⁻⁵² in float64, 2⁻²³ in float32. */
export function dtypeEps<T>(A: Algebra<T>, like: T): T {
  const float64 = A.sub(A.fill(like, 1 + 2 ** -52), 1); // 2⁻⁵² in float64, 0 in float32
  return A.where(float64, 2 ** -52, 2 ** -23);
}

export const adafactor: OptimizerSpec<AdafactorHp> = {
  type: 'Adafactor',
  id: 'adafactor',
  summary:
    'Relative steps: each move is lr-capped 1/√t times the parameter’s RMS, with the update clipped by its RMS.',
  tex: String.raw`\rho_t=\min(\eta,\tfrac{1}{\sqrt t}),\ \alpha_t=\max(\epsilon_2,\mathrm{RMS}(\theta))\,\rho_t,\ v_t=(1-t^{\tau})\,v_{t-1}+t^{\tau}g^2,\ u=\frac{g}{\max(\sqrt{v_t},\,\epsilon_1)},\ \theta\leftarrow\theta(1-\eta\lambda)-\frac{\alpha_t\,u}{\max(1,\,\mathrm{RMS}(u)/d)}`,
  defaults: { lr: 1e-2, beta2_decay: -0.8, eps: [0, 1e-3], d: 1, weight_decay: 0, maximize: false },
  race: { lr: 1 },
  scope: 'whole',
  hyperparams: [
    HP.lr,
    {
      key: 'beta2_decay',
      kind: 'number',
      label: 'Second-moment decay',
      symbol: '\\tau',
      max: 0,
      scale: 'linear',
      slider: { kind: 'linear', min: -1, max: 0 },
    },
    {
      key: 'eps',
      kind: 'pair',
      label: 'Epsilons (ε₁, ε₂)',
      min: 0,
      entries: [
        {
          label: 'Epsilon 1 (0 = dtype eps)',
          symbol: '\\epsilon_1',
          slider: { kind: 'log', min: 1e-30, max: 1e-3, zero: true },
        },
        {
          label: 'Epsilon 2 (RMS floor)',
          symbol: '\\epsilon_2',
          slider: { kind: 'log', min: 1e-6, max: 1, zero: true },
        },
      ],
    },
    {
      key: 'd',
      kind: 'number',
      label: 'Clipping threshold',
      symbol: 'd',
      min: 1,
      scale: 'log',
      slider: { kind: 'log', min: 1, max: 100 },
    },
    { ...HP.weightDecay, symbol: '\\lambda' },
    HP.maximize,
  ],
  init<T>(A: Algebra<T>, theta: T): OptState<T> {
    if (A.rank(theta) < 2) return { v: A.fill(theta, 0) };
    const zero = A.fill(theta, 0);
    return { row: A.rowMean(zero), col: A.colMean(zero) };
  },
  step(A, theta, grad, state, hp, t) {
    const g = hp.maximize ? A.mul(grad, -1) : grad;
    const [eps1, eps2] = hp.eps;
    const w = Math.pow(t, hp.beta2_decay);
    const rho = Math.min(hp.lr, 1 / Math.sqrt(t));
    const rootN = A.sqrt(A.sum(A.fill(theta, 1)));
    const alpha = A.mul(A.maximum(A.div(norm(A, theta), rootN), eps2), rho);
    const p = hp.weight_decay !== 0 ? A.mul(theta, 1 - hp.lr * hp.weight_decay) : theta;
    const g2 = A.mul(g, g);
    const e1 = eps1 === 0 ? dtypeEps(A, rootN) : eps1;
    let vHat: typeof grad;
    let next: OptState<typeof grad>;
    if (A.rank(g) < 2) {
      vHat = lerp(A, state.v as typeof grad, g2, w);
      next = { v: vHat };
    } else {
      const row = lerp(A, state.row as typeof grad, A.rowMean(g2), w);
      const col = lerp(A, state.col as typeof grad, A.colMean(g2), w);
      vHat = A.div(A.mul(row, col), A.maximum(A.colMean(row), e1));
      next = { row, col };
    }
    const u = A.div(g, A.sqrt(A.maximum(vHat, A.mul(e1, e1))));
    const clip = A.maximum(1, A.div(norm(A, u), A.mul(rootN, hp.d)));
    return { theta: A.sub(p, A.mul(u, A.div(alpha, clip))), state: next };
  },
};
