import type { ScaleContinuousNumeric } from 'd3';
import { formatValue } from '../../core/view/sliderScale';

type Scale = ScaleContinuousNumeric<number, number>;

/**
 * Bottom (step) and left (value) axes with ticks, in a chart drawn in CSS pixels: offsets are in
 * units of the font (`font`, the size styles.css gives `.axes text` through --chart-font). The
 * value ticks come from the view math (`yTicks`); a log x axis (the range test's lr) passes its own.
 */
export function ChartAxes({
  s,
  yLabel,
  xLabel = 'step',
  xTicks,
  yTicks,
  yNote = '',
  font,
}: {
  s: { x: Scale; y: Scale };
  yLabel: string;
  xLabel?: string;
  xTicks?: readonly number[];
  yTicks: readonly number[];
  /** Said after the value label: " (log)", " (symlog)". */
  yNote?: string;
  font: number;
}) {
  const [x0, x1] = s.x.range();
  const [y0, y1] = s.y.range();
  const tick = Math.round(font / 3);
  const xCount = Math.max(2, Math.min(6, Math.floor((x1 - x0) / (font * 5))));
  return (
    <g className="axes">
      <line x1={x0} x2={x1} y1={y0} y2={y0} />
      <line x1={x0} x2={x0} y1={y0} y2={y1} />
      {(xTicks ?? s.x.ticks(xCount)).map((t) => (
        <g key={t} transform={`translate(${s.x(t)},${y0})`}>
          <line y2={tick} />
          <text y={tick + font} textAnchor="middle">
            {xTicks ? formatValue(t) : t}
          </text>
        </g>
      ))}
      {yTicks.map((t) => (
        <g key={t} transform={`translate(${x0},${s.y(t)})`}>
          <line x2={-tick} />
          <text x={-tick - 2} dy="0.32em" textAnchor="end">
            {formatValue(t)}
          </text>
        </g>
      ))}
      <text className="axis-label" x={x1} y={y0 + tick + font * 2.2} textAnchor="end">
        {xLabel}
      </text>
      <text className="axis-label" x={x0 + 4} y={y1 + font * 0.9}>
        {yLabel}
        {yNote}
      </text>
    </g>
  );
}
