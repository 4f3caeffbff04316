import { formatValue } from '../../core/view/sliderScale';
import { useStepEffect } from '../hooks/usePlaybackRef';
import { useRef } from 'react';
import { useRacers } from '../hooks/useRacers';
import { SECOND_DASH } from '../../draw/paintTrajectories';
import { LineSwatch } from './LineSwatch';

/**
 * Who is racing: colour, name, and either the loss at the shown step or, for a racer that
 * blew up, "diverged at step k" (it stops there while the others go on); for a racer with a
 * second point, what its dashed line is.
 */
export function Legend() {
  const racers = useRacers();
  const cells = useRef<(HTMLSpanElement | null)[]>([]);
  useStepEffect(
    (step) => {
      racers.forEach((r, i) => {
        const el = cells.current[i];
        const res = r.result;
        if (!el || !res || res.steps === 0) return;
        const k = Math.min(step, res.steps) - 1;
        el.textContent =
          k < 0
            ? `loss ${formatValue(res.loss[0])} at start`
            : `loss ${formatValue(res.loss[k])} at step ${k + 1}`;
      });
    },
    [racers],
  );
  return (
    <ul className="legend" aria-label="Legend">
      {racers.map((r, i) => {
        const diverged = r.result?.divergedAt ?? null;
        return (
          <li
            key={r.id}
            className={
              diverged !== null || r.errors.length ? 'legend-item is-diverged' : 'legend-item'
            }
          >
            <LineSwatch color={r.color} width={4} dash={r.dashed ? '5 3' : undefined} />
            <strong>{r.name}</strong>
            {r.errors.length > 0 && (
              <span className="legend-status" role="status">
                not run: {r.errors.join('; ')}
              </span>
            )}
            {diverged !== null && (
              <span className="legend-status diverged">diverged at step {diverged}</span>
            )}
            {diverged === null && r.errors.length === 0 && (
              <span
                className="legend-status"
                ref={(el) => {
                  cells.current[i] = el;
                }}
              />
            )}
            {r.shadow && (
              <span className="legend-shadow">
                <LineSwatch color={r.color} width={2} dash={SECOND_DASH.join(' ')} />
                dashed: {r.shadow.label}
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
