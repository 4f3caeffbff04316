import { constantSchedule } from './constant';
import { parseScheduleConfig } from './parseScheduleConfig';
import { scheduleByType } from './registry';
import { scheduleBaseErrors } from './scheduleBaseErrors';
import type { ScheduleBase, ScheduleConfig, Scheduler } from './scheduleSpec';

/**
 * Builds the running schedule at step 0, as torch leaves it right after construction
 * (OneCycleLR/CyclicLR have already set lr and momentum). `null` is a constant lr.
 * The config is parsed again (so defaults may be left out); an invalid config, or one the
 * optimizer cannot run (see `scheduleBaseErrors`), throws an Error listing every problem.
 */
export function createScheduler(config: ScheduleConfig | null, base: ScheduleBase): Scheduler {
  if (config === null) return constantSchedule.create({ type: 'constant' }, base, createScheduler);
  const parsed = parseScheduleConfig(config);
  const errors = parsed.ok ? scheduleBaseErrors(parsed.value, base) : parsed.errors;
  if (!parsed.ok || errors.length) throw new Error(`invalid scheduler: ${errors.join('; ')}`);
  const def = scheduleByType(parsed.value.type);
  if (!def) throw new Error(`unreachable: parsed unknown scheduler '${parsed.value.type}'`);
  return def.create(parsed.value, base, createScheduler);
}
