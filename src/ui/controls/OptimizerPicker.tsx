import { useId, useState } from 'react';
import { OPTIMIZERS } from '../../core/optimizers/registry';
import { MAX_RACERS } from '../../state/racers';
import { useRaceStore } from '../../state/raceStore';

/**
 * "Add racer": any optimizer, as often as wanted (up to MAX_RACERS), with the surface's starting
 * settings; each racer's card then edits, copies or removes it.
 */
export function OptimizerPicker() {
  const count = useRaceStore((s) => s.racers.length);
  const [choice, setChoice] = useState(OPTIMIZERS[0].id);
  const id = useId();
  const full = count >= MAX_RACERS;
  return (
    <section className="card optimizer-picker" aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>Racers</h3>
      <div className="add-racer">
        <select
          aria-label="Optimizer to add"
          value={choice}
          onChange={(e) => setChoice(e.currentTarget.value)}
        >
          {OPTIMIZERS.map((o) => (
            <option key={o.id} value={o.id} title={o.summary}>
              {o.type}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={full}
          onClick={() => useRaceStore.getState().addRacer(choice)}
        >
          Add racer
        </button>
      </div>
      <p className="explain">
        {full
          ? `${MAX_RACERS} racers: the most a race takes.`
          : `${count} of at most ${MAX_RACERS} racers; the same optimizer may race more than once.`}
      </p>
    </section>
  );
}
