import { RACE_RANGES } from '../../core/view/controlRanges';
import { useRaceStore } from '../../state/raceStore';
import { defaultStart } from '../../state/raceState';
import { BatchScalingRule } from './BatchScalingRule';
import { CriticalBatch } from './CriticalBatch';
import { Slider } from './Slider';

/** What all racers share: steps, minibatch sampling, the start. */
export function RaceControls() {
  const steps = useRaceStore((s) => s.steps);
  const batch = useRaceStore((s) => s.batch);
  const start = useRaceStore((s) => s.start);
  const { setSteps, setBatch, setStart } = useRaceStore.getState();
  const exact = batch.size >= batch.samples;
  return (
    <section className="card race-controls" aria-label="Race settings">
      <h3>Race</h3>
      <Slider
        label="Steps"
        value={steps}
        scale={RACE_RANGES.steps}
        onChange={setSteps}
        format={String}
      />
      <Slider
        label="Batch size"
        value={batch.size}
        scale={RACE_RANGES.batch(batch.samples)}
        onChange={(size) => setBatch({ size })}
        format={(v) => (v >= batch.samples ? `${v} (full batch)` : `${v} of ${batch.samples}`)}
      />
      <p className="explain">
        The surface is a sum over N = {batch.samples} samples; each step averages the gradients of B
        of them, drawn without replacement.{' '}
        {exact
          ? 'B = N: the exact gradient.'
          : `The noise variance falls like 1/B and is zero at B = N.`}
      </p>
      <CriticalBatch />
      <BatchScalingRule />
      <details>
        <summary>Sampling settings</summary>
        <Slider
          label="Samples N"
          value={batch.samples}
          scale={RACE_RANGES.samples}
          onChange={(samples) =>
            setBatch({ samples, size: batch.size >= batch.samples ? samples : batch.size })
          }
          format={String}
        />
        <Slider
          label="Noise"
          value={batch.noise}
          scale={RACE_RANGES.noise}
          onChange={(noise) => setBatch({ noise })}
        />
        <label className="field">
          <span className="field-label">Seed</span>
          <input
            type="number"
            aria-label="Seed"
            value={batch.seed}
            min={0}
            step={1}
            onChange={(e) => {
              const v = Number(e.currentTarget.value);
              if (Number.isInteger(v) && v >= 0) setBatch({ seed: v });
            }}
          />
        </label>
      </details>
      <div className="row start-row">
        <span>
          Start ({start[0]}, {start[1]})
        </span>
        <button
          type="button"
          onClick={() => {
            const s = useRaceStore.getState();
            setStart(defaultStart(s.surface, s.surfaceParams));
          }}
        >
          Reset start
        </button>
      </div>
    </section>
  );
}
