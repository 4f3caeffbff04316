import { closedForm } from './closedForm';
import type { ScheduleConfig, ScheduleDef } from './scheduleSpec';

export interface LinearLRConfig extends ScheduleConfig {
  type: 'LinearLR';
  start_factor: number;
  end_factor: number;
  total_iters: number;
}

/**
 * LinearLR (warm-up): η_k = η₀ · (s + (e − s) · min(k, T) / T), s = start_factor,
 * e = end_factor, T = total_iters; constant η₀·e from step T on.
 */
export const linearLR: ScheduleDef = {
  type: 'LinearLR',
  id: 'linear',
  summary:
    'Scale the learning rate linearly from start_factor to end_factor over total_iters steps (warm-up).',
  tex: '\\eta_k = \\eta_0\\left(s + (e - s)\\,\\tfrac{\\min(k, T)}{T}\\right)',
  defaults: { start_factor: 1 / 3, end_factor: 1, total_iters: 5 },
  // torch's own bounds: 0 < start_factor ≤ 1, 0 ≤ end_factor ≤ 1.
  hyperparams: [
    {
      key: 'start_factor',
      kind: 'number',
      label: 'Start factor',
      min: 0,
      minExclusive: true,
      max: 1,
    },
    { key: 'end_factor', kind: 'number', label: 'End factor', min: 0, max: 1 },
    { key: 'total_iters', kind: 'integer', label: 'Length T (steps)', min: 1 },
  ],
  create(config, base) {
    const { start_factor: s, end_factor: e, total_iters: T } = config as LinearLRConfig;
    return closedForm((k) => base.lr * (s + ((e - s) * Math.min(T, k)) / T));
  },
};
