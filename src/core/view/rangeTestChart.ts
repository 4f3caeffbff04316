/**
 * Geometry of the LR range test's chart (loss against lr on a log-x axis), as data: the smoothed
 * and raw curves as SVG paths, the marks (steepest descent, lowest smoothed loss, blow-up) with
 * the row of their label above the plot, the shaded suggested range, decade ticks on x, and the
 * sentence that states the suggestion.
 */
import { scaleLog } from 'd3';
import type { RangeTestResult, RangeTestSuggestions } from '../lrRangeTest';
import { chartScales, type ChartScales } from './lossChart';
import { logTicks } from './toyTrainingCurve';
import type { ChartBox } from './lineSliceChart';
import { polylineD } from './lineSliceChart';
import { formatValue } from './sliderScale';

export type RangeMarkKind = 'steepest' | 'minimum' | 'blowUp';

export interface RangeMark {
  kind: RangeMarkKind;
  lr: number;
  /** Drawing x of the mark's line. */
  x: number;
  /** Drawing y of its point on the smoothed curve (the top of the plot for a blow-up). */
  y: number;
  text: string;
  /** Label: its position (one row per mark, above the plot) and anchor. */
  labelX: number;
  labelY: number;
  anchor: 'start' | 'end';
}

export interface RangeTestChart {
  x: ChartScales['y'];
  y: ChartScales['y'];
  log: boolean;
  smoothed: string;
  raw: string;
  /** Points in the smoothed path. */
  points: number;
  marks: RangeMark[];
  /** Drawing-x span of the suggested range, or null. */
  band: [number, number] | null;
  /** Decades of lr to label on the x axis (at most `maxTicks`). */
  xTicks: number[];
  /** Loss values to label on the y axis (decades on a log axis). */
  yTicks: number[];
}

const MARK_TEXT: Record<RangeMarkKind, string> = {
  steepest: 'steepest',
  minimum: 'minimum',
  blowUp: 'blow-up',
};

/** Rows of mark labels the box's top margin must hold. */
export const MARK_ROWS = 3;
const ROW = 12;

/**
 * The chart of a range test in `box` (its top margin holds `MARK_ROWS` label rows). The y axis
 * is the smoothed loss's, raw values more than 10× the first loss drawn against the top.
 */
export function rangeTestChart(
  r: Pick<RangeTestResult, 'lrs' | 'losses' | 'smoothed' | 'suggestions'>,
  box: ChartBox,
  maxTicks = 5,
  /** Height of a mark label row: the chart's font size and a little (12 at 11 px type). */
  row = ROW,
): RangeTestChart {
  const { l, r: right, t } = box.margin;
  const n = r.lrs.length;
  const lo = n ? r.lrs[0] : 1e-7,
    hi = n > 1 ? r.lrs[n - 1] : lo * 10;
  const x = scaleLog()
    .domain([lo, hi])
    .range([l, box.width - right]);
  const ys = chartScales(
    [
      { id: 'smoothed', values: r.smoothed },
      { id: 'raw', values: r.losses },
    ],
    1,
    box.width,
    box.height,
    { margin: box.margin, capFactor: 10 },
  );
  const path = (values: ArrayLike<number>) => {
    const xy: number[] = [];
    for (let i = 0; i < n && Number.isFinite(values[i]); i++) xy.push(x(r.lrs[i]), ys.y(values[i]));
    return { d: polylineD(Float64Array.from(xy)), points: xy.length / 2 };
  };
  const smoothed = path(r.smoothed);

  const s = r.suggestions;
  const at = (i: number) => (Number.isFinite(r.smoothed[i]) ? ys.y(r.smoothed[i]) : t);
  const found: { kind: RangeMarkKind; lr: number; index: number }[] = [];
  if (s.steepest) found.push({ kind: 'steepest', ...s.steepest });
  if (s.minimum) found.push({ kind: 'minimum', ...s.minimum });
  if (s.blowUp) found.push({ kind: 'blowUp', ...s.blowUp });
  const mid = (l + box.width - right) / 2;
  const marks = found.map((m, k): RangeMark => {
    const mx = x(m.lr);
    const end = mx > mid;
    return {
      kind: m.kind,
      lr: m.lr,
      x: mx,
      y: at(m.index),
      text: `${MARK_TEXT[m.kind]} ${formatValue(m.lr)}`,
      labelX: mx + (end ? -3 : 3),
      labelY: t - (MARK_ROWS - 1 - k) * row - row / 3,
      anchor: end ? 'end' : 'start',
    };
  });

  const band: [number, number] | null = s.range ? [x(s.range[0]), x(s.range[1])] : null;
  const d0 = Math.ceil(Math.log10(lo) - 1e-9),
    d1 = Math.floor(Math.log10(hi) + 1e-9);
  const every = Math.max(1, Math.ceil((d1 - d0 + 1) / maxTicks));
  const xTicks: number[] = [];
  for (let d = d1; d >= d0; d -= every) xTicks.unshift(Number(`1e${d}`));
  return {
    x,
    y: ys.y,
    log: ys.log,
    yTicks: ys.log ? logTicks(ys.y.domain() as [number, number]) : ys.y.ticks(4),
    smoothed: smoothed.d,
    raw: path(r.losses).d,
    points: smoothed.points,
    marks,
    band,
    xTicks,
  };
}

/**
 * "Steepest descent at lr 0.012; blows up at 0.35; OneCycle max_lr 0.035 (blow-up lr / 10)." —
 * what the test found, in the order the chart reads, and the suggestion with its rule.
 */
export function rangeTestSentence(s: RangeTestSuggestions): string {
  const parts: string[] = [];
  if (s.steepest) parts.push(`Steepest descent at lr ${formatValue(s.steepest.lr)}`);
  if (s.minimum) parts.push(`lowest smoothed loss at ${formatValue(s.minimum.lr)}`);
  parts.push(s.blowUp ? `blows up at ${formatValue(s.blowUp.lr)}` : 'nothing blew up');
  parts.push(
    s.maxLr
      ? `OneCycle max_lr ${formatValue(s.maxLr.lr)} (${s.maxLr.rule})`
      : 'no max_lr to suggest',
  );
  const text = parts.join('; ');
  return `${text[0].toUpperCase()}${text.slice(1)}.`;
}
