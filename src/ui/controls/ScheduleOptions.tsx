import { RACE_SCHEDULES } from '../../state/scheduleDefaults';

/** The race's schedules as a menu's options (the shared schedule, a racer's own, an embed's). */
export const ScheduleOptions = () =>
  RACE_SCHEDULES.map((d) => (
    <option key={d.id} value={d.id}>
      {d.type === 'constant' ? 'Constant' : d.type}
    </option>
  ));
