import type { ChartScales } from '../../core/view/lossChart';
import { formatValue } from '../../core/view/sliderScale';

/**
 * Bottom (step) and left (value) axes with ticks, from the scales' own tick lists; a log x axis
 * (the range test's lr) passes its own ticks, written as values.
 */
export function ChartAxes({
  s,
  yLabel,
  xLabel = 'step',
  xTicks,
}: {
  s: Pick<ChartScales, 'y' | 'log'> & { x: ChartScales['y'] };
  yLabel: string;
  xLabel?: string;
  xTicks?: readonly number[];
}) {
  const [x0, x1] = s.x.range();
  const [y0, y1] = s.y.range();
  const yTicks = s.log
    ? s.y.ticks(4).filter((t) => Math.abs(Math.log10(t) - Math.round(Math.log10(t))) < 1e-9)
    : s.y.ticks(4);
  return (
    <g className="axes">
      <line x1={x0} x2={x1} y1={y0} y2={y0} />
      <line x1={x0} x2={x0} y1={y0} y2={y1} />
      {(xTicks ?? s.x.ticks(5)).map((t) => (
        <g key={t} transform={`translate(${s.x(t)},${y0})`}>
          <line y2={4} />
          <text y={16} textAnchor="middle">
            {xTicks ? formatValue(t) : t}
          </text>
        </g>
      ))}
      {yTicks.map((t) => (
        <g key={t} transform={`translate(${x0},${s.y(t)})`}>
          <line x2={-4} />
          <text x={-6} dy="0.32em" textAnchor="end">
            {formatValue(t)}
          </text>
        </g>
      ))}
      <text className="axis-label" x={x1} y={y0 + 30} textAnchor="end">
        {xLabel}
      </text>
      <text className="axis-label" x={x0 + 4} y={y1 + 10}>
        {yLabel}
        {s.log ? ' (log)' : ''}
      </text>
    </g>
  );
}
