import { compiledScale } from './compiledScale';
import { keptPoints, polylinePath } from './polyline';
import { scaleLinear, scaleLog, type ScaleContinuousNumeric } from 'd3';

/** One racer's curve: values per step (non-finite values end the drawn line). */
export interface Series {
  id: string;
  values: ArrayLike<number>;
}

export interface ChartScales {
  x: ScaleLinear;
  y: ScaleContinuousNumeric<number, number>;
  log: boolean;
  width: number;
  height: number;
}
type ScaleLinear = ReturnType<typeof scaleLinear<number, number>>;

/** Below this positive value a log axis stops (losses of exactly 0 at a minimum). */
const LOG_FLOOR = 1e-12;

/**
 * Scales for step-vs-value curves. The y axis is logarithmic when every value is positive and
 * the range spans more than `logRatio` (100×): loss curves that fall by orders of magnitude.
 */
export function chartScales(
  series: readonly Series[],
  steps: number,
  width: number,
  height: number,
  opts: {
    logRatio?: number;
    margin?: { l: number; r: number; t: number; b: number };
    capFactor?: number;
  } = {},
): ChartScales {
  const m = opts.margin ?? { l: 0, r: 0, t: 0, b: 0 };
  let lo = Infinity,
    hi = -Infinity,
    minPositive = Infinity;
  // A diverging racer's loss climbs to 1e150 before it stops: cap the axis at capFactor × the
  // largest starting value so the others stay readable (the climb is drawn against the top).
  let first = -Infinity;
  for (const s of series)
    if (s.values.length && Number.isFinite(s.values[0]))
      first = Math.max(first, Math.abs(s.values[0]));
  const cap = opts.capFactor !== undefined && first > 0 ? opts.capFactor * first : Infinity;
  for (const s of series)
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v) || v > cap) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
      if (v > 0 && v < minPositive) minPositive = v;
    }
  if (!Number.isFinite(lo)) {
    lo = 0;
    hi = 1;
  }
  const x = scaleLinear()
    .domain([0, Math.max(1, steps)])
    .range([m.l, width - m.r]);
  const log =
    lo >= 0 &&
    Number.isFinite(minPositive) &&
    hi / Math.max(minPositive, LOG_FLOOR) > (opts.logRatio ?? 100);
  const y = log
    ? scaleLog()
        .domain([Math.max(minPositive, LOG_FLOOR), hi])
        .range([height - m.b, m.t])
        .clamp(true)
    : scaleLinear()
        .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
        .nice()
        .range([height - m.b, m.t])
        .clamp(true);
  return { x, y, log, width, height };
}

/**
 * A series in drawing units, point k at step k + offset, as a flat [x, y, …] polyline that stops
 * at the first non-finite value (a diverged run's curve ends where it blew up).
 */
export function seriesPoints(
  values: ArrayLike<number>,
  s: Pick<ChartScales, 'x' | 'y'>,
  offset = 0,
): Float64Array {
  const sx = compiledScale(s.x),
    sy = compiledScale(s.y);
  let n = 0;
  while (n < values.length && Number.isFinite(values[n])) n++;
  const xy = new Float64Array(2 * n);
  for (let i = 0; i < n; i++) {
    const yv = sy(values[i]);
    xy[2 * i] = sx(i + offset);
    xy[2 * i + 1] = Number.isFinite(yv) ? yv : 0;
  }
  return xy;
}

/** A series as an SVG path (see seriesPoints), simplified to `tolerance` drawing units (polyline.keptPoints). */
export function seriesPath(
  values: ArrayLike<number>,
  s: Pick<ChartScales, 'x' | 'y'>,
  offset = 0,
  tolerance = 0.25,
): string {
  const xy = seriesPoints(values, s, offset);
  return polylinePath(xy, keptPoints(xy, tolerance));
}

/** The step under a pointer at drawing x (rounded, clamped to 0…steps−1). */
export function stepAt(s: Pick<ChartScales, 'x'>, px: number, steps: number): number {
  return Math.max(0, Math.min(steps - 1, Math.round(s.x.invert(px))));
}
