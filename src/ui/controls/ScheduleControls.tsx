import { scheduleById, type ScheduleHpSpec } from '../../core/schedules';
import { SCHEDULE_RANGES } from '../../core/view/controlRanges';
import { useRaceStore } from '../../state/raceStore';
import { derivedScheduleParams } from '../../state/scheduleDefaults';
import { Formula } from '../formula/Formula';
import { LrPlot } from '../panels/LrPlot';
import { Slider } from './Slider';
import { Toggle } from './Toggle';
import { ScheduleOptions } from './ScheduleOptions';

/** The shared LR schedule: which one, its keywords, its formula and the lr it produced. */
export function ScheduleControls() {
  const schedule = useRaceStore((s) => s.schedule);
  const steps = useRaceStore((s) => s.steps);
  const { setSchedule, setScheduleParam } = useRaceStore.getState();
  const def = scheduleById(schedule.id)!;
  // Keywords the user has not set show the value derived for a racer with lr = 1 (lr-valued ones follow each racer).
  const derived = derivedScheduleParams(def.type, steps, 1);
  const valueOf = (h: ScheduleHpSpec) =>
    schedule.params[h.key] ?? derived[h.key] ?? def.defaults[h.key];
  return (
    <section className="card schedule-controls" aria-label="Learning-rate schedule">
      <label className="field">
        <span className="field-label">LR schedule</span>
        <select
          aria-label="LR schedule"
          value={schedule.id}
          onChange={(e) => setSchedule(e.currentTarget.value)}
        >
          <ScheduleOptions />
        </select>
      </label>
      <p className="explain">{def.summary}</p>
      {def.tex && <Formula tex={def.tex} label={`${def.type} formula`} />}
      {def.hyperparams.map((h) => {
        const v = valueOf(h);
        const perRacer =
          schedule.params[h.key] === undefined &&
          h.scale === 'log' &&
          h.key.endsWith('lr') &&
          derived[h.key] !== undefined;
        if (h.kind === 'boolean')
          return (
            <Toggle
              key={h.key}
              label={h.label}
              checked={Boolean(v)}
              onChange={(c) => setScheduleParam(h.key, c)}
            />
          );
        if (h.kind === 'choice')
          return (
            <label key={h.key} className="field">
              <span className="field-label">{h.label}</span>
              <select
                aria-label={h.label}
                value={String(v)}
                onChange={(e) => setScheduleParam(h.key, e.currentTarget.value)}
              >
                {h.choices?.map((c) => (
                  <option key={c}>{c}</option>
                ))}
              </select>
            </label>
          );
        if (h.kind === 'integer' && typeof v === 'number')
          return (
            <Slider
              key={h.key}
              label={h.label}
              value={v}
              format={String}
              scale={{
                kind: 'linear',
                min: h.min ?? 0,
                max: Math.max(steps, (h.min ?? 0) + 1),
                integer: true,
              }}
              onChange={(x) => setScheduleParam(h.key, x)}
            />
          );
        if (h.kind === 'integers' && Array.isArray(v))
          return (
            <label key={h.key} className="field">
              <span className="field-label">{h.label}</span>
              <input
                aria-label={h.label}
                defaultValue={v.join(',')}
                onChange={(e) => {
                  const list = e.currentTarget.value.split(',').map(Number);
                  if (list.length && list.every((n) => Number.isInteger(n) && n >= 0))
                    setScheduleParam(h.key, list);
                }}
              />
            </label>
          );
        if (h.kind === 'number' && typeof v === 'number' && SCHEDULE_RANGES[h.key])
          return (
            <Slider
              key={h.key}
              label={perRacer ? `${h.label} (× each racer's lr)` : h.label}
              value={v}
              scale={SCHEDULE_RANGES[h.key]}
              onChange={(x) => setScheduleParam(h.key, x)}
            />
          );
        return null;
      })}
      <LrPlot />
    </section>
  );
}
