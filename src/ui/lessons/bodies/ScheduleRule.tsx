import { scheduleById } from '../../../core/schedules/registry';
import { Formula } from '../../formula/Formula';
import { useOverflows } from '../../hooks/useOverflows';
import './scheduleRule.css';

/**
 * A schedule's formula as its registry record states it (never retyped), so the lesson shows
 * the rule the race's schedules run, under torch's class name. Some are wider than a phone:
 * the box then scrolls as one, and takes focus so that a keyboard can scroll it.
 */
export function ScheduleRule({ schedule }: { schedule: string }) {
  const { ref, overflows } = useOverflows<HTMLDivElement>();
  const def = scheduleById(schedule);
  if (!def?.tex) return <p className="lesson-missing">No schedule formula named “{schedule}”.</p>;
  return (
    <div
      ref={ref}
      className="lesson-rule schedule-rule"
      role="group"
      aria-label={`${def.type} schedule`}
      tabIndex={overflows ? 0 : undefined}
    >
      <span className="lesson-rule-name">{def.type}</span>
      <Formula tex={def.tex} label={`${def.type}: ${def.tex}`} />
    </div>
  );
}
