import { closedForm } from './closedForm';
import type { ScheduleConfig, ScheduleDef } from './scheduleSpec';

export interface CosineAnnealingWarmRestartsConfig extends ScheduleConfig {
  type: 'CosineAnnealingWarmRestarts';
  T_0: number;
  T_mult: number;
  eta_min: number;
}

/** torch's (T_cur, T_i) at step k: cycles of length T_0, T_0·T_mult, T_0·T_mult², … */
export function warmRestartPosition(
  k: number,
  T_0: number,
  T_mult: number,
): { T_cur: number; T_i: number } {
  if (T_mult === 1) return { T_cur: k % T_0, T_i: T_0 };
  let T_cur = k;
  let T_i = T_0;
  // Integer arithmetic, so identical to torch's per-step `T_cur += 1; if T_cur >= T_i: ...`.
  while (T_cur >= T_i) {
    T_cur -= T_i;
    T_i *= T_mult;
  }
  return { T_cur, T_i };
}

/**
 * CosineAnnealingWarmRestarts (SGDR): η_k = η_min + (η₀ − η_min)(1 + cos(π·T_cur / T_i)) / 2,
 * where T_cur counts steps since the last restart and T_i = T_0·T_mult^(restarts so far).
 */
export const cosineAnnealingWarmRestarts: ScheduleDef = {
  type: 'CosineAnnealingWarmRestarts',
  id: 'warmrestarts',
  summary:
    'Cosine annealing that restarts at lr after T_0 steps, each cycle T_mult times longer (SGDR).',
  tex: '\\eta_k = \\eta_{\\min} + \\tfrac12(\\eta_0 - \\eta_{\\min})\\left(1 + \\cos\\tfrac{\\pi T_{cur}}{T_i}\\right)',
  defaults: { T_mult: 1, eta_min: 0 },
  hyperparams: [
    { key: 'T_0', kind: 'integer', label: 'First cycle T_0 (steps)', min: 1, required: true },
    { key: 'T_mult', kind: 'integer', label: 'Cycle growth T_mult', min: 1 },
    { key: 'eta_min', kind: 'number', label: 'Minimum lr η_min', min: 0, scale: 'log' },
  ],
  create(config, base) {
    const { T_0, T_mult, eta_min } = config as CosineAnnealingWarmRestartsConfig;
    return closedForm((k) => {
      const { T_cur, T_i } = warmRestartPosition(k, T_0, T_mult);
      return eta_min + ((base.lr - eta_min) * (1 + Math.cos((Math.PI * T_cur) / T_i))) / 2;
    });
  },
};
