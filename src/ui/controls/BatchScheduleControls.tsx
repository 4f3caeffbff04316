import { useId, useState } from 'react';
import { defaultBatchSchedule, withMilestones } from '../../state/batchRule';
import { useRaceStore } from '../../state/raceStore';
import { BatchSizePlot } from '../panels/BatchSizePlot';
import { Toggle } from './Toggle';
import './batchTools.css';

const CHANGES = [
  { id: 'batch', label: 'Multiply B (instead of decaying the lr)' },
  { id: 'lr', label: 'Divide the lr instead (B kept)' },
] as const;

/**
 * The batch-size schedule (Smith et al. 2018, "don't decay the learning rate, increase the batch
 * size"): B × factor at each milestone, or the lr ÷ factor there for comparison, and its plot.
 */
export function BatchScheduleControls() {
  const batch = useRaceStore((s) => s.batch);
  const steps = useRaceStore((s) => s.steps);
  const { setBatch } = useRaceStore.getState();
  const schedule = batch.schedule ?? null;
  const id = useId();
  const [text, setText] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  return (
    <section className="card batch-schedule" aria-label="Batch-size schedule">
      <h3>Batch-size schedule</h3>
      <Toggle
        label="Change at milestones"
        checked={schedule !== null}
        onChange={(on) => {
          setText(null);
          setError(null);
          setBatch({ schedule: on ? defaultBatchSchedule(steps) : null });
        }}
      />
      {schedule && (
        <>
          <label className="field">
            <span className="field-label">Milestones (steps)</span>
            <input
              aria-label="Milestones (steps)"
              aria-describedby={error ? `${id}-error` : undefined}
              aria-invalid={error !== null}
              value={text ?? schedule.milestones.join(', ')}
              onChange={(e) => {
                const t = e.currentTarget.value;
                setText(t);
                const r = withMilestones(schedule, t);
                setError(r.ok ? null : r.error);
                if (r.ok) setBatch({ schedule: r.value });
              }}
            />
          </label>
          {error && (
            <p className="batch-error" role="alert" id={`${id}-error`}>
              {error}
            </p>
          )}
          <label className="field">
            <span className="field-label">Factor</span>
            <input
              type="number"
              aria-label="Factor"
              value={schedule.factor}
              min={1}
              max={1000}
              step="any"
              onChange={(e) => {
                const f = Number(e.currentTarget.value);
                if (f >= 1 && f <= 1000) setBatch({ schedule: { ...schedule, factor: f } });
              }}
            />
          </label>
          <fieldset className="segmented">
            <legend>At each milestone</legend>
            {CHANGES.map((c) => (
              <label key={c.id}>
                <input
                  type="radio"
                  name={`${id}-change`}
                  checked={schedule.change === c.id}
                  onChange={() => setBatch({ schedule: { ...schedule, change: c.id } })}
                />
                {c.label}
              </label>
            ))}
          </fieldset>
          <p className="explain">
            {schedule.change === 'batch'
              ? batch.size >= batch.samples
                ? 'B is already N (full batch): it cannot grow. Choose a smaller batch.'
                : `B × ${schedule.factor} at each milestone, up to N = ${batch.samples}; the lr schedule is kept, and a scaling rule scales the lr with B.`
              : `The lr ÷ ${schedule.factor} at each milestone, B kept: the step decay that growing B replaces.`}
          </p>
          <BatchSizePlot />
        </>
      )}
    </section>
  );
}
