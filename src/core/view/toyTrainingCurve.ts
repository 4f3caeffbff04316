/**
 * The toy panel's training curve as data: batch loss per step (log axis when it spans more than
 * 100×, lossChart's rule) on the left axis, the scheduled learning rate on the right (linear from 0).
 */
import { scaleLinear } from 'd3';
import { chartScales, seriesPath, type ChartScales } from './lossChart';

export interface ToyCurve {
  scales: ChartScales;
  /** The lr's scale (right axis); its domain is [0, largest lr]. */
  lrY: ReturnType<typeof scaleLinear<number, number>>;
  loss: string;
  lr: string;
  lossTicks: number[];
  lrTicks: number[];
  stepTicks: number[];
}

export function toyTrainingCurve(
  h: { loss: ArrayLike<number>; lr: ArrayLike<number> },
  steps: number,
  width: number,
  height: number,
  margin: { l: number; r: number; t: number; b: number },
): ToyCurve {
  const scales = chartScales(
    [{ id: 'loss', values: h.loss }],
    Math.max(1, steps - 1),
    width,
    height,
    { margin, capFactor: 1e6 },
  );
  let lrMax = 0;
  for (let i = 0; i < h.lr.length; i++)
    if (Number.isFinite(h.lr[i])) lrMax = Math.max(lrMax, h.lr[i]);
  const lrY = scaleLinear()
    .domain([0, lrMax > 0 ? lrMax : 1])
    .range([height - margin.b, margin.t]);
  const lossTicks = scales.log
    ? logTicks(scales.y.domain() as [number, number])
    : scales.y.ticks(4);
  return {
    scales,
    lrY,
    loss: seriesPath(h.loss, scales),
    lr: seriesPath(h.lr, { x: scales.x, y: lrY }),
    lossTicks,
    lrTicks: lrMax > 0 ? [0, lrMax] : [0],
    stepTicks: scales.x.ticks(width < 420 ? 3 : 5),
  };
}

/** Powers of ten inside [lo, hi] (at least the ends when none is). */
export function logTicks([lo, hi]: [number, number]): number[] {
  const out: number[] = [];
  for (let e = Math.ceil(Math.log10(lo)); e <= Math.floor(Math.log10(hi)); e++)
    out.push(Number(`1e${e}`));
  return out.length >= 2 ? out : [lo, hi];
}
