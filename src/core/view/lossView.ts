import { scaleLinear, scaleLog, scaleSymlog, type ScaleContinuousNumeric } from 'd3';
import { compiledScale } from './compiledScale';
import { logTicks } from './toyTrainingCurve';

/** How a value axis maps its values: evenly, by decades, or by decades on both sides of zero. */
export type ValueAxis = 'linear' | 'log' | 'symlog';

/** One racer's values per step and, where its run stopped on a non-finite value, that step. */
export interface ViewSeries {
  id: string;
  values: ArrayLike<number>;
  /** 1-based step at which the run diverged (RunResult.divergedAt), or null. */
  divergedAt: number | null;
}

/** Where a curve leaves the view: drawn up to `end` points, then to the edge at `step`. */
export interface SeriesClip {
  id: string;
  /** Points 0…end−1 are inside the view. */
  end: number;
  /** The step (index) at which it left the view, and through which edge; null if it never does. */
  exit: { step: number; edge: 'top' | 'bottom' } | null;
  /** What the mark says: the run's own divergence step, else the step it left the view. */
  divergedAt: number | null;
}

export interface LossView {
  x: ReturnType<typeof scaleLinear<number, number>>;
  y: ScaleContinuousNumeric<number, number>;
  kind: ValueAxis;
  yTicks: number[];
  clips: SeriesClip[];
  width: number;
  height: number;
}

export interface LossViewOptions {
  margin?: { l: number; r: number; t: number; b: number };
  /** 'auto' chooses (see `chooseAxis`); a forced 'log' on values ≤ 0 becomes 'symlog'. */
  axis?: 'auto' | ValueAxis;
  /** Span (max / min magnitude) above which 'auto' leaves the linear axis. Default 100. */
  decades?: number;
  /** Values above capFactor × the largest starting magnitude are out of view. Default 100. */
  capFactor?: number;
}

/** Below this magnitude a log axis stops (a loss of exactly 0 at a minimum). */
const FLOOR = 1e-12;

interface Extent {
  lo: number;
  hi: number;
  /** Smallest positive value and smallest non-zero magnitude (for log and symlog). */
  minPositive: number;
  minAbs: number;
}

/**
 * The value range the view shows: the finite values of the runs that did not diverge, up to
 * capFactor × the largest starting value; a diverged run never widens it, so one run blowing up
 * leaves the others' curves where they were. With every run diverged, their values before the cap.
 */
export function viewExtent(series: readonly ViewSeries[], capFactor = 100): Extent {
  const healthy = series.filter((s) => s.divergedAt === null);
  const used = healthy.length ? healthy : series;
  let first = 0;
  for (const s of used)
    if (s.values.length && Number.isFinite(s.values[0]))
      first = Math.max(first, Math.abs(s.values[0]));
  const cap = first > 0 ? capFactor * first : Infinity;
  const e: Extent = { lo: Infinity, hi: -Infinity, minPositive: Infinity, minAbs: Infinity };
  for (const s of used)
    for (let i = 0; i < s.values.length; i++) {
      const v = s.values[i];
      if (!Number.isFinite(v) || Math.abs(v) > cap) continue;
      e.lo = Math.min(e.lo, v);
      e.hi = Math.max(e.hi, v);
      if (v > 0) e.minPositive = Math.min(e.minPositive, v);
      if (v !== 0) e.minAbs = Math.min(e.minAbs, Math.abs(v));
    }
  return e;
}

/**
 * The axis for an extent: log when every value is positive and they span more than `decades`×,
 * symlog when they cross zero and their magnitudes span more than that, linear otherwise.
 */
export function chooseAxis(e: Extent, decades = 100): ValueAxis {
  if (!(e.hi > e.lo)) return 'linear';
  const maxAbs = Math.max(Math.abs(e.lo), Math.abs(e.hi));
  if (e.lo >= 0) return e.hi / Math.max(e.minPositive, FLOOR) > decades ? 'log' : 'linear';
  return e.hi > 0 && maxAbs / Math.max(e.minAbs, FLOOR) > decades ? 'symlog' : 'linear';
}

/**
 * Scales, ticks and per-series clipping for curves of values against the step (the race's loss
 * curves and learning rates): the range from `viewExtent`, the axis from `chooseAxis` (or forced),
 * and for each series where it leaves that range, so the panel draws it to the edge and marks it.
 */
export function lossView(
  series: readonly ViewSeries[],
  steps: number,
  width: number,
  height: number,
  opts: LossViewOptions = {},
): LossView {
  const m = opts.margin ?? { l: 0, r: 0, t: 0, b: 0 };
  const e = viewExtent(series, opts.capFactor ?? 100);
  if (!Number.isFinite(e.lo)) Object.assign(e, { lo: 0, hi: 1 });
  let kind = !opts.axis || opts.axis === 'auto' ? chooseAxis(e, opts.decades ?? 100) : opts.axis;
  if (kind === 'log' && !(e.minPositive < Infinity)) kind = 'linear';
  if (kind === 'log' && e.lo < 0) kind = 'symlog';
  const range = [height - m.b, m.t];
  let y: ScaleContinuousNumeric<number, number>;
  let yTicks: number[];
  if (kind === 'log') {
    const lo = Math.max(e.minPositive, FLOOR);
    const hi = e.hi > lo ? e.hi : lo * 10;
    y = scaleLog().domain([lo, hi]).range(range).clamp(true);
    yTicks = logTicks([lo, hi]);
  } else if (kind === 'symlog') {
    const maxAbs = Math.max(Math.abs(e.lo), Math.abs(e.hi));
    const c = Math.max(e.minAbs, maxAbs * 1e-9, FLOOR);
    y = scaleSymlog().constant(c).domain([e.lo, e.hi]).range(range).clamp(true);
    yTicks = symlogTicks(e.lo, e.hi, c);
  } else {
    y = scaleLinear().domain(linearDomain(e.lo, e.hi)).nice().range(range).clamp(true);
    yTicks = y.ticks(4);
  }
  const x = scaleLinear()
    .domain([0, Math.max(1, steps)])
    .range([m.l, width - m.r]);
  const [dlo, dhi] = y.domain();
  const clips = series.map((s) => clipSeries(s, dlo, dhi, kind === 'log'));
  return { x, y, kind, yTicks, clips, width, height };
}

/** A flat or single-value range made visible: [0, 2v] for a constant v (a fixed small lr). */
function linearDomain(lo: number, hi: number): [number, number] {
  if (hi > lo) return [lo, hi];
  if (lo === 0) return [-1, 1];
  return lo > 0 ? [0, 2 * lo] : [2 * lo, 0];
}

/** 0 and ±10^k between lo and hi, down to the symlog constant, at most 4 decades each side. */
export function symlogTicks(lo: number, hi: number, c: number): number[] {
  const side = (max: number) => {
    const out: number[] = [];
    if (max <= 0) return out;
    const top = Math.floor(Math.log10(max));
    const bottom = Math.max(Math.ceil(Math.log10(c)), top - 6);
    const stride = Math.max(1, Math.ceil((top - bottom + 1) / 4));
    for (let k = top; k >= bottom; k -= stride) out.push(Number(`1e${k}`));
    return out;
  };
  const neg = side(-lo).map((v) => -v);
  const pos = side(hi);
  return [...neg, ...(lo <= 0 && hi >= 0 ? [0] : []), ...pos.reverse()].sort((a, b) => a - b);
}

/** Where a series leaves [lo, hi] (a log axis clamps small values at the bottom instead). */
function clipSeries(s: ViewSeries, lo: number, hi: number, log: boolean): SeriesClip {
  const tol = (hi - lo) * 1e-9;
  for (let i = 0; i < s.values.length; i++) {
    const v = s.values[i];
    const top = !Number.isFinite(v) || v > hi + tol;
    const bottom = !top && !log && v < lo - tol;
    if (top || bottom)
      return {
        id: s.id,
        end: i,
        exit: { step: i, edge: top ? 'top' : 'bottom' },
        divergedAt: s.divergedAt ?? i,
      };
  }
  return { id: s.id, end: s.values.length, exit: null, divergedAt: s.divergedAt };
}

/**
 * A clipped series in drawing units as a flat [x, y, …] polyline: its points inside the view,
 * then (if it left) one point on the edge at the step it left, where the panel puts its mark.
 */
export function clippedPoints(
  values: ArrayLike<number>,
  v: Pick<LossView, 'x' | 'y'>,
  clip: SeriesClip,
): Float64Array {
  const sx = compiledScale(v.x);
  // compiledScale knows linear and log; a symlog scale is called as d3 made it.
  const sy = 'constant' in v.y ? (u: number) => v.y(u) : compiledScale(v.y);
  const n = clip.end + (clip.exit ? 1 : 0);
  const xy = new Float64Array(2 * n);
  const [bottom, top] = v.y.range();
  for (let i = 0; i < clip.end; i++) {
    const y = sy(values[i]);
    xy[2 * i] = sx(i);
    xy[2 * i + 1] = Number.isFinite(y) ? y : bottom; // a log axis's 0 sits on the bottom edge
  }
  if (clip.exit) {
    xy[2 * clip.end] = sx(clip.exit.step);
    xy[2 * clip.end + 1] = clip.exit.edge === 'top' ? top : bottom;
  }
  return xy;
}
