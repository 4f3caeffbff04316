import { closedForm } from './closedForm';
import type { ScheduleConfig, ScheduleDef } from './scheduleSpec';

export interface MultiStepLRConfig extends ScheduleConfig {
  type: 'MultiStepLR';
  milestones: number[];
  gamma: number;
}

/** Number of sorted entries ≤ x (Python's `bisect_right`). */
export function bisectRight(sorted: readonly number[], x: number): number {
  let n = 0;
  while (n < sorted.length && sorted[n] <= x) n += 1;
  return n;
}

/**
 * MultiStepLR: η_k = η₀ · γ^(number of milestones ≤ k). torch keeps milestones in a Counter,
 * so a repeated milestone decays twice; order does not matter.
 */
export const multiStepLR: ScheduleDef = {
  type: 'MultiStepLR',
  id: 'multistep',
  summary: 'Multiply the learning rate by gamma at each milestone step.',
  tex: '\\eta_k = \\eta_0\\,\\gamma^{\\#\\{m_i \\le k\\}}',
  defaults: { gamma: 0.1 },
  hyperparams: [
    { key: 'milestones', kind: 'integers', label: 'Milestones (steps)', min: 0, required: true },
    { key: 'gamma', kind: 'number', label: 'Decay factor γ', min: 0 },
  ],
  create(config, base) {
    const { milestones, gamma } = config as MultiStepLRConfig;
    const sorted = [...milestones].sort((a, b) => a - b);
    return closedForm((k) => base.lr * gamma ** bisectRight(sorted, k));
  },
};
