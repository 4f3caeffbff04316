import { useMemo } from 'react';
import { batchCurve } from '../../core/view/batchCurve';
import { useRaceStore } from '../../state/raceStore';
import { useViewStore } from '../../state/viewStore';
import { useWidth } from '../hooks/useWidth';
import { chartType } from './chartType';
import { ChartSvg } from './ChartSvg';

/** The shared batch size at each step under the batch-size schedule (beside the lr plot), in CSS pixels. */
export function BatchSizePlot() {
  const steps = useRaceStore((s) => s.steps);
  const batch = useRaceStore((s) => s.batch);
  const type = chartType(useViewStore((s) => s.large));
  const { ref, width: W } = useWidth<HTMLElement>(320);
  // Room for three or four size labels.
  const H = Math.round(type.font * 8);
  const c = useMemo(() => {
    // The size labels are short: less room on the left than the lr plot's.
    const m = type.margin;
    const margin = { l: Math.round(m.l * 0.8), r: m.r, t: m.t, b: Math.round(type.font * 1.8) };
    return batchCurve(steps, batch.size, batch.samples, batch.schedule ?? null, W, H, margin);
  }, [steps, batch, W, H, type]);
  const said = c.changes.map((ch) => `${ch.size} from step ${ch.step + 1}`).join(', ');
  return (
    <figure ref={ref} className="batch-plot" role="group" aria-label="Batch-size schedule">
      <ChartSvg
        width={W}
        height={H}
        chart={type}
        role="img"
        aria-label={`Batch size against the step: ${said}`}
        data-changes={c.changes.length}
      >
        <g className="axes">
          <line x1={c.box.l} x2={c.box.l} y1={c.box.t} y2={c.box.b} />
          <line x1={c.box.l} x2={c.box.r} y1={c.box.b} y2={c.box.b} />
          {c.yTicks.map((tk) => (
            <text
              key={tk.value}
              x={c.box.l - 4}
              y={tk.y}
              textAnchor="end"
              dominantBaseline="middle"
            >
              {tk.value}
            </text>
          ))}
          <text x={c.box.l} y={H - 4}>
            0
          </text>
          <text x={c.box.r} y={H - 4} textAnchor="end">
            {steps} steps
          </text>
          <text x={2} y={c.box.t} dominantBaseline="hanging">
            B
          </text>
        </g>
        <path className="curve batch-curve" d={c.path} />
      </ChartSvg>
    </figure>
  );
}
