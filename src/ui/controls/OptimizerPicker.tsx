import { OPTIMIZERS } from '../../core/optimizers/registry';
import { racerStyle } from '../../core/view/palette';
import { useRaceStore } from '../../state/raceStore';

/** Toggle buttons for every optimizer; a racer's swatch shows its colour. */
export function OptimizerPicker() {
  const chosen = useRaceStore((s) => s.optimizers);
  const toggle = useRaceStore((s) => s.toggleOptimizer);
  return (
    <fieldset className="card optimizer-picker">
      <legend>Racers</legend>
      <div className="chips">
        {OPTIMIZERS.map((o) => {
          const i = chosen.indexOf(o.id);
          return (
            <button
              key={o.id}
              type="button"
              className="chip"
              aria-pressed={i >= 0}
              title={o.summary}
              onClick={() => toggle(o.id)}
            >
              <span
                className="swatch"
                style={{ background: i >= 0 ? racerStyle(i).color : 'transparent' }}
                aria-hidden="true"
              />
              {o.type}
            </button>
          );
        })}
      </div>
    </fieldset>
  );
}
