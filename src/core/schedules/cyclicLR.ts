import { closedForm } from './closedForm';
import type { ScheduleConfig, ScheduleDef } from './scheduleSpec';

export interface CyclicLRConfig extends ScheduleConfig {
  type: 'CyclicLR';
  base_lr: number;
  max_lr: number;
  step_size_up: number;
  step_size_down: number | null;
  mode: 'triangular' | 'triangular2' | 'exp_range';
  gamma: number;
  scale_mode: 'cycle' | 'iterations';
  cycle_momentum: boolean;
  base_momentum: number;
  max_momentum: number;
}

/** Where step k sits in its cycle: `cycle` (1-based) and the triangle height 0 → 1 → 0. */
export function cyclicPosition(
  k: number,
  up: number,
  down: number,
): { cycle: number; height: number } {
  const totalSize = up + down;
  const stepRatio = up / totalSize;
  const cycle = Math.floor(1 + k / totalSize);
  const x = 1.0 + k / totalSize - cycle;
  const height = x <= stepRatio ? x / stepRatio : (x - 1) / (stepRatio - 1);
  return { cycle, height };
}

/**
 * CyclicLR (Smith 2017): with h_k the triangle height (0 at base_lr, 1 after step_size_up
 * steps, back to 0 after step_size_down more) and s the mode's amplitude scale,
 *   η_k = base_lr + (max_lr − base_lr) · h_k · s,   m_k = max_m − (max_m − base_m) · h_k · s;
 * triangular s = 1, triangular2 s = 1 / 2^(cycle − 1), exp_range s = γ^k.
 * torch fixes scale_mode by the mode (cycle, cycle, iterations) unless a custom scale_fn is
 * given, which a JSON config cannot do: scale_mode is accepted and has no effect, as in torch.
 */
export const cyclicLR: ScheduleDef = {
  type: 'CyclicLR',
  id: 'cyclic',
  summary: 'Cycle the learning rate in triangles between base_lr and max_lr (momentum inversely).',
  tex: '\\eta_k = \\eta_{\\text{base}} + (\\eta_{\\max} - \\eta_{\\text{base}})\\,h_k\\,s_k',
  defaults: {
    step_size_up: 2000,
    step_size_down: null,
    mode: 'triangular',
    gamma: 1.0,
    scale_mode: 'cycle',
    cycle_momentum: true,
    base_momentum: 0.8,
    max_momentum: 0.9,
  },
  hyperparams: [
    { key: 'base_lr', kind: 'number', label: 'Lower lr', min: 0, scale: 'log', required: true },
    { key: 'max_lr', kind: 'number', label: 'Upper lr', min: 0, scale: 'log', required: true },
    // step_size_up = 0 would divide by zero at step 0 in torch.
    { key: 'step_size_up', kind: 'integer', label: 'Steps up', min: 1 },
    {
      key: 'step_size_down',
      kind: 'integer',
      label: 'Steps down (default: steps up)',
      min: 0,
      nullable: true,
    },
    {
      key: 'mode',
      kind: 'choice',
      label: 'Mode',
      choices: ['triangular', 'triangular2', 'exp_range'],
    },
    { key: 'gamma', kind: 'number', label: 'exp_range decay γ', min: 0, minExclusive: true },
    {
      key: 'scale_mode',
      kind: 'choice',
      label: 'Scale by (fixed by mode in torch)',
      choices: ['cycle', 'iterations'],
    },
    { key: 'cycle_momentum', kind: 'boolean', label: 'Cycle momentum' },
    { key: 'base_momentum', kind: 'number', label: 'Momentum at max_lr', min: 0, max: 1 },
    { key: 'max_momentum', kind: 'number', label: 'Momentum at base_lr', min: 0, max: 1 },
  ],
  cyclesMomentum: (config) => (config as CyclicLRConfig).cycle_momentum,
  create(config) {
    const c = config as CyclicLRConfig;
    const down = c.step_size_down ?? c.step_size_up;
    const scale = (k: number, cycle: number): number => {
      if (c.mode === 'triangular') return 1.0;
      if (c.mode === 'triangular2') return 1 / 2.0 ** (cycle - 1);
      return c.gamma ** k;
    };
    // Same association as torch: base + ((max − base) · h) · s.
    const at = (k: number, low: number, high: number): number => {
      const { cycle, height } = cyclicPosition(k, c.step_size_up, down);
      return (high - low) * height * scale(k, cycle);
    };
    return closedForm(
      (k) => c.base_lr + at(k, c.base_lr, c.max_lr),
      c.cycle_momentum ? (k) => c.max_momentum - at(k, c.base_momentum, c.max_momentum) : undefined,
    );
  },
};
