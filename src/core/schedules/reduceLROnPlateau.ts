import type { ScheduleConfig, ScheduleDef, Scheduler } from './scheduleSpec';

export interface ReduceLROnPlateauConfig extends ScheduleConfig {
  type: 'ReduceLROnPlateau';
  mode: 'min' | 'max';
  factor: number;
  patience: number;
  threshold: number;
  threshold_mode: 'rel' | 'abs';
  cooldown: number;
  min_lr: number;
  eps: number;
}

/** torch's `_is_better`: does `a` beat `best` by more than the threshold? */
export function plateauIsBetter(c: ReduceLROnPlateauConfig, a: number, best: number): boolean {
  if (c.mode === 'min')
    return c.threshold_mode === 'rel' ? a < best * (1.0 - c.threshold) : a < best - c.threshold;
  return c.threshold_mode === 'rel' ? a > best * (c.threshold + 1.0) : a > best + c.threshold;
}

/**
 * ReduceLROnPlateau: fed the loss after each step. A loss that does not beat the best so far
 * (by `threshold`, relative or absolute) is a bad step; after more than `patience` bad steps
 * η ← max(η · factor, min_lr) (skipped when that changes η by ≤ eps), then `cooldown` steps
 * during which bad steps are not counted. Not a function of k alone: it depends on the losses.
 */
export const reduceLROnPlateau: ScheduleDef = {
  type: 'ReduceLROnPlateau',
  id: 'plateau',
  summary: 'Multiply the learning rate by factor when the loss stops improving for patience steps.',
  tex: '\\eta \\leftarrow \\max(\\eta \\cdot \\text{factor},\\ \\eta_{\\min}) \\text{ after patience+1 steps without improvement}',
  defaults: {
    mode: 'min',
    factor: 0.1,
    patience: 10,
    threshold: 1e-4,
    threshold_mode: 'rel',
    cooldown: 0,
    min_lr: 0,
    eps: 1e-8,
  },
  hyperparams: [
    { key: 'mode', kind: 'choice', label: 'Improvement is', choices: ['min', 'max'] },
    // torch only rejects factor ≥ 1; a negative factor would just floor at min_lr.
    {
      key: 'factor',
      kind: 'number',
      label: 'Reduction factor',
      min: 0,
      max: 1,
      maxExclusive: true,
    },
    { key: 'patience', kind: 'integer', label: 'Patience (steps)', min: 0 },
    { key: 'threshold', kind: 'number', label: 'Improvement threshold', min: 0 },
    { key: 'threshold_mode', kind: 'choice', label: 'Threshold mode', choices: ['rel', 'abs'] },
    { key: 'cooldown', kind: 'integer', label: 'Cooldown (steps)', min: 0 },
    { key: 'min_lr', kind: 'number', label: 'Minimum lr', min: 0, scale: 'log' },
    { key: 'eps', kind: 'number', label: 'Smallest change applied', min: 0 },
  ],
  create(config, base): Scheduler {
    const c = config as ReduceLROnPlateauConfig;
    let lr = base.lr;
    let best = c.mode === 'min' ? Infinity : -Infinity;
    let badSteps = 0;
    let cooldownLeft = 0;
    return {
      get lr() {
        return lr;
      },
      momentum: undefined,
      advance(loss?: number) {
        if (loss === undefined)
          throw new Error('ReduceLROnPlateau.advance(loss): the loss of the step is required');
        if (plateauIsBetter(c, loss, best)) {
          best = loss;
          badSteps = 0;
        } else {
          badSteps += 1;
        }
        if (cooldownLeft > 0) {
          cooldownLeft -= 1;
          badSteps = 0; // bad steps during cooldown do not count
        }
        if (badSteps > c.patience) {
          const reduced = Math.max(lr * c.factor, c.min_lr);
          if (lr - reduced > c.eps) lr = reduced;
          cooldownLeft = c.cooldown;
          badSteps = 0;
        }
      },
    };
  },
};
