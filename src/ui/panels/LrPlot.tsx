import { useMemo } from 'react';
import { chartScales, seriesPath } from '../../core/view/lossChart';
import { useRaceStore } from '../../state/raceStore';
import { useRacers } from '../hooks/useRacers';
import { ChartAxes } from './ChartAxes';

const W = 320,
  H = 140,
  M = { l: 50, r: 8, t: 10, b: 32 };

/** The learning rate each racer used at each step (what the schedule did). */
export function LrPlot() {
  const racers = useRacers();
  const steps = useRaceStore((s) => s.steps);
  const s = useMemo(
    () =>
      chartScales(
        racers.flatMap((r) => (r.result ? [{ id: r.id, values: r.result.lr }] : [])),
        steps,
        W,
        H,
        { margin: M, logRatio: 10 },
      ),
    [racers, steps],
  );
  return (
    <figure className="lr-plot" role="group" aria-label="Learning rate schedule">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label="Learning rate against the step">
        <ChartAxes s={s} yLabel="lr" />
        {racers.map(
          (r) =>
            r.result && (
              <path key={r.id} className="curve" d={seriesPath(r.result.lr, s)} stroke={r.color} />
            ),
        )}
      </svg>
    </figure>
  );
}
