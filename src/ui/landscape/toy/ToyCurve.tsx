import { useMemo } from 'react';
import { formatValue } from '../../../core/view/sliderScale';
import { toyTrainingCurve } from '../../../core/view/toyTrainingCurve';
import type { ToyOutcome } from '../../../gpu/toy/toyExperiment';
import { useLandscapeStore } from '../../../state/landscapeStore';
import { landscapeSizes } from '../landscapeTheme';
import { useWidth } from '../../hooks/useWidth';

/** Batch loss per step (left axis, log when it spans > 100×) and the learning rate (right axis, dashed). */
export function ToyCurve({ history, steps }: { history: ToyOutcome['history']; steps: number }) {
  const z = landscapeSizes(useLandscapeStore((s) => s.look));
  const { ref, width } = useWidth<HTMLDivElement>(320);
  const f = z.lineFont,
    M = z.lineMargin;
  const height = Math.round(Math.min(Math.max(width * 0.55, f * 16), f * 26));
  const c = useMemo(
    () => toyTrainingCurve(history, steps, width, height, M),
    [history, steps, width, height, M],
  );
  const [x0, x1] = c.scales.x.range(),
    [yb, yt] = c.scales.y.range();
  return (
    <div ref={ref} className="ls-line-box">
      <svg
        className="ls-line-chart ls-toy-curve"
        width={width}
        height={height}
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label="Training curve: batch loss and learning rate per step"
        data-log={c.scales.log ? 1 : 0}
        data-steps={steps}
      >
        <rect className="ls-plot-bg" x={x0} y={yt} width={x1 - x0} height={yb - yt} />
        <path className="ls-line-acc" d={c.lr} />
        <path className="ls-line-loss" d={c.loss} />
        <g className="axes" fontSize={f}>
          <line x1={x0} x2={x1} y1={yb} y2={yb} />
          <line x1={x0} x2={x0} y1={yb} y2={yt} />
          {c.stepTicks.map((t) => (
            <text key={`x${t}`} x={c.scales.x(t)} y={yb + f * 1.3} textAnchor="middle">
              {formatValue(t)}
            </text>
          ))}
          {c.lossTicks.map((t) => (
            <text
              key={`y${t}`}
              x={x0 - 5}
              y={c.scales.y(t)}
              dominantBaseline="central"
              textAnchor="end"
            >
              {formatValue(t)}
            </text>
          ))}
          {c.lrTicks.map((t) => (
            <text
              key={`r${t}`}
              className="ls-line-acc-tick"
              x={x1 + 5}
              y={c.lrY(t)}
              dominantBaseline="central"
            >
              {Number(t.toPrecision(2)).toString()}
            </text>
          ))}
          <text className="axis-label" x={(x0 + x1) / 2} y={height - f * 0.5} textAnchor="middle">
            step
          </text>
          <text
            className="axis-label ls-line-loss-label"
            transform={`translate(${f * 0.9} ${(yt + yb) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            batch loss{c.scales.log ? ' (log)' : ''}
          </text>
          <text
            className="axis-label ls-line-acc-tick"
            transform={`translate(${width - f * 0.5} ${(yt + yb) / 2}) rotate(-90)`}
            textAnchor="middle"
          >
            lr
          </text>
        </g>
      </svg>
    </div>
  );
}
