import { closedForm } from './closedForm';
import type { ScheduleConfig, ScheduleDef } from './scheduleSpec';

export interface CosineAnnealingLRConfig extends ScheduleConfig {
  type: 'CosineAnnealingLR';
  T_max: number;
  eta_min: number;
}

/**
 * CosineAnnealingLR: η_k = η_min + (η₀ − η_min)(1 + cos(πk / T_max)) / 2.
 * Past T_max torch's recursion keeps following the cosine (period 2·T_max), and so does this.
 */
export const cosineAnnealingLR: ScheduleDef = {
  type: 'CosineAnnealingLR',
  id: 'cosine',
  summary: 'Anneal the learning rate along half a cosine from lr to eta_min over T_max steps.',
  tex: '\\eta_k = \\eta_{\\min} + \\tfrac12(\\eta_0 - \\eta_{\\min})\\left(1 + \\cos\\tfrac{\\pi k}{T_{\\max}}\\right)',
  defaults: { eta_min: 0 },
  hyperparams: [
    { key: 'T_max', kind: 'integer', label: 'Half period T_max (steps)', min: 1, required: true },
    { key: 'eta_min', kind: 'number', label: 'Minimum lr η_min', min: 0, scale: 'log' },
  ],
  create(config, base) {
    const { T_max, eta_min } = config as CosineAnnealingLRConfig;
    return closedForm(
      (k) => eta_min + ((base.lr - eta_min) * (1 + Math.cos((Math.PI * k) / T_max))) / 2,
    );
  },
};
