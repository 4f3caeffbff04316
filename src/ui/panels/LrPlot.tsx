import { useMemo } from 'react';
import { clippedPoints, lossView } from '../../core/view/lossView';
import { keptPoints, polylinePath } from '../../core/view/polyline';
import { useRaceStore } from '../../state/raceStore';
import { useViewStore } from '../../state/viewStore';
import { Toggle } from '../controls/Toggle';
import { useRacers } from '../hooks/useRacers';
import { useWidth } from '../hooks/useWidth';
import { ChartAxes } from './ChartAxes';
import { chartHeight, chartType } from './chartType';
import { ChartSvg } from './ChartSvg';

/**
 * The learning rate each racer used at each step (what the schedule did), in CSS pixels. Its
 * axis is log when the rates span more than 10× (small rates beside large ones stay readable);
 * the checkbox sets it either way, and the link keeps that (`lraxis`). An embed without
 * controls leaves the checkbox out (`axisToggle`).
 */
export function LrPlot({ axisToggle = true }: { axisToggle?: boolean }) {
  const racers = useRacers();
  const steps = useRaceStore((s) => s.steps);
  const axis = useViewStore((s) => s.lrAxis);
  const setAxis = useViewStore((s) => s.setLrAxis);
  const type = chartType(useViewStore((s) => s.large));
  const { ref, width: W } = useWidth<HTMLElement>(320);
  const H = chartHeight(W, type, 0.45);
  const shown = useMemo(() => racers.filter((r) => r.result), [racers]);
  const s = useMemo(
    () =>
      lossView(
        shown.map((r) => ({ id: r.id, values: r.result!.lr, divergedAt: null })),
        steps,
        W,
        H,
        { margin: type.margin, axis, decades: 10, capFactor: Infinity },
      ),
    [shown, steps, W, H, type.margin, axis],
  );
  return (
    <figure ref={ref} className="lr-plot" role="group" aria-label="Learning rate schedule">
      <ChartSvg
        width={W}
        height={H}
        chart={type}
        role="img"
        aria-label={`Learning rate against the step (${s.kind} axis)`}
        data-axis={s.kind}
      >
        <ChartAxes
          s={s}
          yLabel="lr"
          yNote={s.kind === 'linear' ? '' : ` (${s.kind})`}
          yTicks={s.yTicks}
          font={type.font}
        />
        {shown.map((r, i) => {
          const xy = clippedPoints(r.result!.lr, s, s.clips[i]);
          return (
            <path
              key={r.id}
              className="curve"
              d={polylinePath(xy, keptPoints(xy, 0.25))}
              stroke={r.color}
            />
          );
        })}
      </ChartSvg>
      {axisToggle && (
        <Toggle
          label="Log lr axis"
          checked={s.kind !== 'linear'}
          onChange={(on) => setAxis(on ? 'log' : 'linear')}
        />
      )}
    </figure>
  );
}
