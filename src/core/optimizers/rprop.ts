import type { OptimizerSpec } from './optimizerSpec';
import { HP } from './common';

export type RpropHp = {
  lr: number;
  etas: readonly [number, number];
  step_sizes: readonly [number, number];
  maximize: boolean;
};

/**
 * torch.optim.Rprop (resilient backpropagation): only the gradient's sign is used. Each
 * coordinate has its own step size, started at lr, multiplied by η₊ while the gradient keeps
 * its sign and by η₋ when it flips, clamped to [Γmin, Γmax]. After a flip the step is skipped
 * and the remembered gradient is zeroed, so the next step counts as "no sign information".
 * torch 1.13 (`_single_tensor_rprop`): s = sign(g·g_prev); factor η₊ where s > 0, η₋ where
 * s < 0, 1 where s = 0; Δ ← clamp(Δ·factor); g ← 0 where factor = η₋; θ ← θ − sign(g)·Δ; g_prev ← g.
 */
export const rprop: OptimizerSpec<RpropHp> = {
  type: 'Rprop',
  id: 'rprop',
  summary:
    'Per-coordinate step sizes that grow by η₊ while the gradient keeps its sign and shrink by η₋ when it flips.',
  // η₊ where g_t·g_{t−1} > 0, η₋ where < 0 (the summary says which): the cases stay out of the
  // formula so that it fits a racer card.
  tex: String.raw`\Delta_t = \operatorname{clip}\big(\Delta_{t-1}\,\eta_{\pm},\ \Gamma_{\min},\ \Gamma_{\max}\big),\quad \theta_t = \theta_{t-1} - \operatorname{sign}(g_t)\,\Delta_t,\quad \Delta_0 = \eta`,
  defaults: { lr: 1e-2, etas: [0.5, 1.2], step_sizes: [1e-6, 50], maximize: false },
  race: { lr: 1e-2 },
  hyperparams: [
    HP.lr,
    {
      key: 'etas',
      kind: 'pair',
      label: 'Etas (η₋, η₊)',
      min: 0,
      entries: [
        { label: 'Eta minus (η₋)', slider: { kind: 'linear', min: 0.05, max: 0.95 } },
        { label: 'Eta plus (η₊)', slider: { kind: 'linear', min: 1.05, max: 3 } },
      ],
    },
    {
      key: 'step_sizes',
      kind: 'pair',
      label: 'Step sizes (Γmin, Γmax)',
      min: 0,
      entries: [
        {
          label: 'Min step',
          symbol: '\\Gamma_{\\min}',
          slider: { kind: 'log', min: 1e-8, max: 1e-2, zero: true },
        },
        {
          label: 'Max step',
          symbol: '\\Gamma_{\\max}',
          slider: { kind: 'log', min: 1e-2, max: 100 },
        },
      ],
    },
    HP.maximize,
  ],
  // torch: "if not 0.0 < etaminus < 1.0 < etaplus: raise ValueError"
  validate: (hp) =>
    0 < hp.etas[0] && hp.etas[0] < 1 && 1 < hp.etas[1]
      ? []
      : [`etas: must satisfy 0 < η₋ < 1 < η₊ (got ${hp.etas[0]}, ${hp.etas[1]})`],
  init: () => ({ prev: null, size: null }),
  step(A, theta, grad, state, hp) {
    const g = hp.maximize ? A.mul(grad, -1) : grad;
    const [etaminus, etaplus] = hp.etas;
    const prev = (state.prev as typeof g | null) ?? A.fill(theta, 0);
    const size0 = (state.size as typeof g | null) ?? A.fill(theta, hp.lr);
    const s = A.sign(A.mul(g, prev));
    const factor = A.where(s, etaplus, A.where(A.mul(s, -1), etaminus, 1));
    const size = A.maximum(A.minimum(A.mul(size0, factor), hp.step_sizes[1]), hp.step_sizes[0]);
    // torch zeroes the gradient wherever the factor equals η₋: after a flip, and also where the
    // factor is 1 or η₊ if η₋ happens to equal it. `flipped` > 0 exactly there.
    const noSign = A.sub(1, A.abs(s));
    let flipped = A.mul(s, -1);
    if (etaminus === 1) flipped = A.add(flipped, noSign);
    if (etaminus === etaplus) flipped = A.add(flipped, s);
    const gKept = A.where(flipped, 0, g);
    return { theta: A.sub(theta, A.mul(A.sign(gKept), size)), state: { prev: gKept, size } };
  },
};
