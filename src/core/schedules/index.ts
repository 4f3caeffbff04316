export type {
  CreateNested,
  ParseResult,
  ScheduleBase,
  ScheduleConfig,
  ScheduleDef,
  ScheduleHpSpec,
  ScheduleSpec,
  Scheduler,
} from './scheduleSpec';
export { SCHEDULES, SCHEDULE_DEFS, scheduleById, scheduleByType } from './registry';
export { parseScheduleConfig } from './parseScheduleConfig';
export { scheduleBaseErrors } from './scheduleBaseErrors';
export { createScheduler } from './createScheduler';
export { scheduleValues } from './scheduleValues';
