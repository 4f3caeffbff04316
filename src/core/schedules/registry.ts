import { constantSchedule } from './constant';
import { cosineAnnealingLR } from './cosineAnnealingLR';
import { cosineAnnealingWarmRestarts } from './cosineAnnealingWarmRestarts';
import { cyclicLR } from './cyclicLR';
import { exponentialLR } from './exponentialLR';
import { linearLR } from './linearLR';
import { multiStepLR } from './multiStepLR';
import { oneCycleLR } from './oneCycleLR';
import { reduceLROnPlateau } from './reduceLROnPlateau';
import type { ScheduleDef, ScheduleSpec } from './scheduleSpec';
import { sequentialLR } from './sequentialLR';
import { stepLR } from './stepLR';

/** Every schedule, in the order the UI lists them. `id` is the URL and CLI value. */
export const SCHEDULE_DEFS: readonly ScheduleDef[] = [
  constantSchedule,
  stepLR,
  multiStepLR,
  exponentialLR,
  cosineAnnealingLR,
  linearLR,
  sequentialLR,
  oneCycleLR,
  cyclicLR,
  cosineAnnealingWarmRestarts,
  reduceLROnPlateau,
];

export const SCHEDULES: readonly ScheduleSpec[] = SCHEDULE_DEFS;

/** The schedule whose torch class name is `type` ("StepLR"), if any. */
export const scheduleByType = (type: string): ScheduleDef | undefined =>
  SCHEDULE_DEFS.find((d) => d.type === type);

/** The schedule whose URL/CLI id is `id` ("cosine"), if any. */
export const scheduleById = (id: string): ScheduleDef | undefined =>
  SCHEDULE_DEFS.find((d) => d.id === id);
