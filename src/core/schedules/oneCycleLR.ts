import { closedForm } from './closedForm';
import type { ScheduleConfig, ScheduleDef } from './scheduleSpec';

export interface OneCycleLRConfig extends ScheduleConfig {
  type: 'OneCycleLR';
  max_lr: number;
  total_steps: number | null;
  epochs: number | null;
  steps_per_epoch: number | null;
  pct_start: number;
  anneal_strategy: 'cos' | 'linear';
  cycle_momentum: boolean;
  base_momentum: number;
  max_momentum: number;
  div_factor: number;
  final_div_factor: number;
  three_phase: boolean;
}

interface Phase {
  endStep: number;
  lr: [number, number];
  momentum: [number, number];
}

/** Cosine anneal from `start` (pct 0) to `end` (pct 1), as torch's `_annealing_cos`. */
export const annealCos = (start: number, end: number, pct: number): number =>
  end + ((start - end) / 2.0) * (Math.cos(Math.PI * pct) + 1);

/** Linear anneal from `start` (pct 0) to `end` (pct 1), as torch's `_annealing_linear`. */
export const annealLinear = (start: number, end: number, pct: number): number =>
  (end - start) * pct + start;

/** torch's rule: total_steps wins; otherwise epochs · steps_per_epoch (null when neither is given). */
export function oneCycleTotalSteps(c: OneCycleLRConfig): number | null {
  if (c.total_steps !== null) return c.total_steps;
  if (c.epochs !== null && c.steps_per_epoch !== null) return c.epochs * c.steps_per_epoch;
  return null;
}

function phases(c: OneCycleLRConfig, total: number): Phase[] {
  const initial = c.max_lr / c.div_factor;
  const min = initial / c.final_div_factor;
  const [lo, hi] = [c.base_momentum, c.max_momentum];
  // torch's end steps are floats: pct_start·T − 1 need not be an integer.
  const warm = c.pct_start * total - 1;
  if (c.three_phase) {
    return [
      { endStep: warm, lr: [initial, c.max_lr], momentum: [hi, lo] },
      { endStep: 2 * c.pct_start * total - 2, lr: [c.max_lr, initial], momentum: [lo, hi] },
      { endStep: total - 1, lr: [initial, min], momentum: [hi, hi] },
    ];
  }
  return [
    { endStep: warm, lr: [initial, c.max_lr], momentum: [hi, lo] },
    { endStep: total - 1, lr: [c.max_lr, min], momentum: [lo, hi] },
  ];
}

/**
 * OneCycleLR (Smith's 1cycle, fastai's two phases by default). With T = total_steps and
 * a(start, end, pct) the cos or linear anneal:
 *   warm-up  k ≤ pct_start·T − 1:  lr from max_lr/div_factor up to max_lr, momentum max → base;
 *   anneal   up to k = T − 1:      lr from max_lr down to max_lr/div_factor/final_div_factor,
 *                                  momentum base → max.
 * three_phase: warm-up, the mirror image back to max_lr/div_factor by k = 2·pct_start·T − 2,
 * then down to the minimum by T − 1. Step k = T (the lr after the last scheduler step) follows
 * torch: the last phase extrapolated with pct > 1. torch raises for k > T; here the lr and
 * momentum hold the final phase's end values (min lr, its end momentum) instead.
 */
export const oneCycleLR: ScheduleDef = {
  type: 'OneCycleLR',
  id: 'onecycle',
  summary:
    'One cycle: warm up to max_lr, then anneal far below the start, cycling momentum inversely.',
  tex: '\\eta_k = a\\!\\left(\\eta_{\\text{start}}, \\eta_{\\text{end}}, \\tfrac{k - k_0}{k_1 - k_0}\\right),\\; a_{\\cos}(s, e, p) = e + \\tfrac{s - e}{2}(1 + \\cos \\pi p)',
  defaults: {
    total_steps: null,
    epochs: null,
    steps_per_epoch: null,
    pct_start: 0.3,
    anneal_strategy: 'cos',
    cycle_momentum: true,
    base_momentum: 0.85,
    max_momentum: 0.95,
    div_factor: 25,
    final_div_factor: 1e4,
    three_phase: false,
  },
  hyperparams: [
    {
      key: 'max_lr',
      kind: 'number',
      label: 'Peak lr',
      min: 0,
      minExclusive: true,
      scale: 'log',
      required: true,
    },
    { key: 'total_steps', kind: 'integer', label: 'Total steps', min: 1, nullable: true },
    { key: 'epochs', kind: 'integer', label: 'Epochs', min: 1, nullable: true },
    { key: 'steps_per_epoch', kind: 'integer', label: 'Steps per epoch', min: 1, nullable: true },
    { key: 'pct_start', kind: 'number', label: 'Warm-up fraction', min: 0, max: 1 },
    { key: 'anneal_strategy', kind: 'choice', label: 'Anneal', choices: ['cos', 'linear'] },
    { key: 'cycle_momentum', kind: 'boolean', label: 'Cycle momentum' },
    { key: 'base_momentum', kind: 'number', label: 'Momentum at peak lr', min: 0, max: 1 },
    { key: 'max_momentum', kind: 'number', label: 'Momentum at low lr', min: 0, max: 1 },
    {
      key: 'div_factor',
      kind: 'number',
      label: 'max_lr / initial lr',
      min: 0,
      minExclusive: true,
      scale: 'log',
    },
    {
      key: 'final_div_factor',
      kind: 'number',
      label: 'initial lr / final lr',
      min: 0,
      minExclusive: true,
      scale: 'log',
    },
    { key: 'three_phase', kind: 'boolean', label: 'Three phases' },
  ],
  validate(config, field) {
    const c = config as OneCycleLRConfig;
    const total = oneCycleTotalSteps(c);
    if (total === null)
      return [`${field}.total_steps: give total_steps, or both epochs and steps_per_epoch`];
    // Step 0 would be 0/0 in the warm-up phase: torch raises ZeroDivisionError at construction.
    if (c.pct_start * total - 1 === 0) {
      return [
        `${field}.pct_start: pct_start * total_steps must not be exactly 1 (a zero-length warm-up; torch divides by zero)`,
      ];
    }
    return [];
  },
  cyclesMomentum: (config) => (config as OneCycleLRConfig).cycle_momentum,
  create(config) {
    const c = config as OneCycleLRConfig;
    const total = oneCycleTotalSteps(c) as number;
    const ps = phases(c, total);
    const anneal = c.anneal_strategy === 'cos' ? annealCos : annealLinear;
    const last = ps[ps.length - 1];
    const at = (k: number, pick: (p: Phase) => [number, number]): number => {
      if (k > total) return pick(last)[1];
      let start = 0;
      for (let i = 0; i < ps.length; i += 1) {
        const p = ps[i];
        if (k <= p.endStep || i === ps.length - 1) {
          const [from, to] = pick(p);
          return anneal(from, to, (k - start) / (p.endStep - start));
        }
        start = p.endStep;
      }
      throw new Error('unreachable: the last phase always matches');
    };
    return closedForm(
      (k) => at(k, (p) => p.lr),
      c.cycle_momentum ? (k) => at(k, (p) => p.momentum) : undefined,
    );
  },
};
