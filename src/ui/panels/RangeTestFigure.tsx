import { useMemo } from 'react';
import type { RangeTestResult } from '../../core/lrRangeTest';
import { MARK_ROWS, rangeTestChart, rangeTestSentence } from '../../core/view/rangeTestChart';
import { ChartAxes } from './ChartAxes';
import { chartHeight, chartType } from './chartType';
import { ChartSvg } from './ChartSvg';

/** A mark label row, in units of the chart font. */
const ROW = 1.2;

/**
 * An LR range test's figure (the race's "Find the learning rate" and the toy panel's): loss
 * against lr on a log axis, raw and smoothed, the suggested band and the marks the core found,
 * and the sentence that says them.
 */
export function RangeTestFigure({
  result,
  width: W,
  large,
  color,
  name,
}: {
  result: RangeTestResult;
  /** CSS pixels, measured by the caller on its card. */
  width: number;
  large: boolean;
  color: string;
  /** What was tested, for the figure's accessible name. */
  name: string;
}) {
  const type = chartType(large, MARK_ROWS * ROW);
  const H = chartHeight(W, type, 0.68);
  const M = type.margin;
  const chart = useMemo(
    () =>
      rangeTestChart(result, { width: W, height: H, margin: M }, W < 300 ? 3 : 5, type.font * ROW),
    [result, W, H, M, type.font],
  );
  const sentence = rangeTestSentence(result.suggestions);
  return (
    <figure className="lr-find-chart" role="group" aria-label="Range test curve">
      <ChartSvg
        width={W}
        height={H}
        chart={type}
        role="img"
        aria-label={`Loss against learning rate (log scale) for ${name}. ${sentence}`}
      >
        {chart.band && (
          <rect
            className="lr-find-band"
            x={chart.band[0]}
            width={Math.max(0, chart.band[1] - chart.band[0])}
            y={M.t}
            height={H - M.t - M.b}
          />
        )}
        <ChartAxes
          s={chart}
          yLabel="loss"
          xLabel="learning rate (log)"
          xTicks={chart.xTicks}
          yTicks={chart.yTicks}
          yNote={chart.log ? ' (log)' : ''}
          font={type.font}
        />
        <path className="lr-find-raw" d={chart.raw} stroke={color} />
        <path
          className="curve lr-find-smoothed"
          d={chart.smoothed}
          stroke={color}
          data-points={chart.points}
        />
        {chart.marks.map((m) => (
          <g key={m.kind} className={`lr-find-mark is-${m.kind}`}>
            <line x1={m.x} x2={m.x} y1={m.labelY + 3} y2={H - M.b} />
            <circle cx={m.x} cy={m.y} r={3.5} />
            <text x={m.labelX} y={m.labelY} textAnchor={m.anchor}>
              {m.text}
            </text>
          </g>
        ))}
      </ChartSvg>
      <figcaption className="lr-find-sentence">{sentence}</figcaption>
    </figure>
  );
}
