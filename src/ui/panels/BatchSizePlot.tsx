import { useMemo } from 'react';
import { batchCurve } from '../../core/view/batchCurve';
import { useRaceStore } from '../../state/raceStore';

const W = 320,
  H = 90;

/** The shared batch size at each step under the batch-size schedule (beside the lr plot). */
export function BatchSizePlot() {
  const steps = useRaceStore((s) => s.steps);
  const batch = useRaceStore((s) => s.batch);
  const c = useMemo(
    () => batchCurve(steps, batch.size, batch.samples, batch.schedule ?? null, W, H),
    [steps, batch],
  );
  const said = c.changes.map((ch) => `${ch.size} from step ${ch.step + 1}`).join(', ');
  return (
    <figure className="batch-plot" role="group" aria-label="Batch-size schedule">
      <svg
        viewBox={`0 0 ${W} ${H}`}
        role="img"
        aria-label={`Batch size against the step: ${said}`}
        data-changes={c.changes.length}
      >
        <g className="axes">
          <line x1={c.box.l} x2={c.box.l} y1={c.box.t} y2={c.box.b} />
          <line x1={c.box.l} x2={c.box.r} y1={c.box.b} y2={c.box.b} />
          {c.yTicks.map((t) => (
            <text key={t.value} x={c.box.l - 4} y={t.y} textAnchor="end" dominantBaseline="middle">
              {t.value}
            </text>
          ))}
          <text x={c.box.l} y={H - 4}>
            0
          </text>
          <text x={c.box.r} y={H - 4} textAnchor="end">
            {steps} steps
          </text>
          <text x={4} y={c.box.t} dominantBaseline="hanging">
            B
          </text>
        </g>
        <path className="curve batch-curve" d={c.path} />
      </svg>
    </figure>
  );
}
