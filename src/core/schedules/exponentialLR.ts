import { closedForm } from './closedForm';
import type { ScheduleConfig, ScheduleDef } from './scheduleSpec';

export interface ExponentialLRConfig extends ScheduleConfig {
  type: 'ExponentialLR';
  gamma: number;
}

/** ExponentialLR: η_k = η₀ · γ^k. */
export const exponentialLR: ScheduleDef = {
  type: 'ExponentialLR',
  id: 'exponential',
  summary: 'Multiply the learning rate by gamma after every step.',
  tex: '\\eta_k = \\eta_0\\,\\gamma^{k}',
  defaults: {},
  hyperparams: [{ key: 'gamma', kind: 'number', label: 'Decay factor γ', min: 0, required: true }],
  create(config, base) {
    const { gamma } = config as ExponentialLRConfig;
    return closedForm((k) => base.lr * gamma ** k);
  },
};
