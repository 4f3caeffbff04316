import { parseScheduleConfig } from './parseScheduleConfig';
import { scheduleByType } from './registry';
import type { ScheduleBase, ScheduleConfig } from './scheduleSpec';

/**
 * Checks that need the optimizer as well as the schedule (call after both parse). torch's
 * OneCycleLR and CyclicLR with `cycle_momentum` (CyclicLR's default is true) raise unless the
 * optimizer has `momentum` (SGD, RMSprop — even at 0) or `betas` (Adam family): neither is
 * an error naming `field.cycle_momentum`. Defaults are filled first (CyclicLR cycles by default);
 * a config that does not parse gets no errors here (`parseScheduleConfig` reports them).
 */
export function scheduleBaseErrors(
  config: ScheduleConfig | null,
  base: ScheduleBase,
  field = 'scheduler',
): string[] {
  const errors: string[] = [];
  if (!(Number.isFinite(base.lr) && base.lr >= 0))
    errors.push(`optimizer.lr: must be a number >= 0, got ${base.lr}`);
  const parsed = config && parseScheduleConfig(config, field);
  if (!parsed?.ok) return errors;
  const def = scheduleByType(parsed.value.type);
  const hasMomentum = base.momentumKey !== undefined || base.momentum !== undefined;
  if (def?.cyclesMomentum?.(parsed.value) && !hasMomentum) {
    errors.push(
      `${field}.cycle_momentum: ${def.type} cycles momentum, but the optimizer has no momentum or betas ` +
        '(torch raises ValueError); set cycle_momentum to false',
    );
  }
  return errors;
}
