import { SCHEDULE_DEFS, scheduleById } from '../core/schedules';
import type { ScheduleConfig } from '../core/schedules';

/** Schedules the race offers: every registered one except SequentialLR (it nests others). */
export const RACE_SCHEDULES = SCHEDULE_DEFS.filter((d) => d.type !== 'SequentialLR');

/**
 * Values for a schedule's keywords that the user has not set, derived from the race: lengths
 * follow the number of steps, and lr-valued keywords follow each racer's own lr, so one
 * schedule serves racers whose learning rates differ by orders of magnitude.
 */
export function derivedScheduleParams(
  type: string,
  steps: number,
  lr: number,
): Record<string, unknown> {
  const third = Math.max(1, Math.round(steps / 3));
  switch (type) {
    case 'StepLR':
      return { step_size: third, gamma: 0.5 };
    case 'MultiStepLR':
      return { milestones: [third, 2 * third], gamma: 0.3 };
    case 'ExponentialLR':
      return { gamma: Math.pow(0.01, 1 / Math.max(1, steps)) };
    case 'CosineAnnealingLR':
      return { T_max: steps };
    case 'LinearLR':
      return { start_factor: 0.1, total_iters: Math.max(1, Math.round(steps / 10)) };
    case 'OneCycleLR':
      return { max_lr: lr, total_steps: steps };
    case 'CyclicLR':
      return { base_lr: lr / 10, max_lr: lr, step_size_up: Math.max(1, Math.round(steps / 6)) };
    case 'CosineAnnealingWarmRestarts':
      return { T_0: Math.max(1, Math.round(steps / 4)) };
    case 'ReduceLROnPlateau':
      return { patience: 5, factor: 0.5 };
    default:
      return {};
  }
}

/**
 * The torch config a racer runs: derived values, overridden by what the user set. A racer
 * without momentum or betas (Adagrad, Adadelta) cannot have its momentum cycled (torch raises),
 * so for it OneCycleLR/CyclicLR run with cycle_momentum=False.
 */
export function racerSchedule(
  schedule: { id: string; params: Record<string, unknown> },
  steps: number,
  lr: number,
  hasMomentum = true,
): ScheduleConfig | null {
  const def = scheduleById(schedule.id);
  if (!def || def.type === 'constant') return null;
  const config: ScheduleConfig = {
    type: def.type,
    ...derivedScheduleParams(def.type, steps, lr),
    ...schedule.params,
  };
  if (!hasMomentum && def.hyperparams.some((h) => h.key === 'cycle_momentum'))
    config.cycle_momentum = false;
  return config;
}
