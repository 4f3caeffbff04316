import { closedForm } from './closedForm';
import type { ScheduleConfig, ScheduleDef } from './scheduleSpec';

export interface StepLRConfig extends ScheduleConfig {
  type: 'StepLR';
  step_size: number;
  gamma: number;
}

/** StepLR: η_k = η₀ · γ^⌊k / step_size⌋ (torch's `_get_closed_form_lr`). */
export const stepLR: ScheduleDef = {
  type: 'StepLR',
  id: 'step',
  summary: 'Multiply the learning rate by gamma every step_size steps.',
  tex: '\\eta_k = \\eta_0\\,\\gamma^{\\lfloor k / s \\rfloor}',
  defaults: { gamma: 0.1 },
  hyperparams: [
    { key: 'step_size', kind: 'integer', label: 'Period (steps)', min: 1, required: true },
    { key: 'gamma', kind: 'number', label: 'Decay factor γ', min: 0 },
  ],
  create(config, base) {
    const { step_size, gamma } = config as StepLRConfig;
    return closedForm((k) => base.lr * gamma ** Math.floor(k / step_size));
  },
};
