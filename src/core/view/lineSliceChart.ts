/**
 * Geometry of a 1D slice chart (loss, and accuracy on a second axis, against α), as data:
 * scales, polylines, the points, and the spans where the loss is not finite (a divergence far
 * out along the line), which are drawn as gaps, never joined across.
 *
 * Points not computed yet (`computed[i] = 0`) are skipped: the line joins the computed points
 * around them, so a coarse-to-fine run shows a coarse curve over the whole range at once.
 */
import { scaleLinear } from 'd3';
import { chartScales, type ChartScales } from './lossChart';

export interface LineSeries {
  /** α of each point (any order; drawn in increasing α). */
  alphas: ArrayLike<number>;
  loss: ArrayLike<number>;
  /** Percent, or null when there is none. */
  acc: ArrayLike<number> | null;
  /** 1 where the point has been computed. */
  computed: ArrayLike<number>;
}

export interface ChartBox {
  width: number;
  height: number;
  margin: { l: number; r: number; t: number; b: number };
}

export interface LineChart {
  x: ChartScales['x'];
  y: ChartScales['y'];
  /** Loss axis is logarithmic (range over 100×). */
  log: boolean;
  /** Accuracy axis, 0 … 100 %. */
  yAcc: ChartScales['x'];
  /** Loss polylines as flat [x, y, …] in drawing units, one per run of finite points. */
  loss: Float64Array[];
  acc: Float64Array[];
  /** Every computed point with a finite loss, flat [x, y, …]. */
  dots: Float64Array;
  /** Drawing-x spans [x0, x1] over computed points whose loss is NaN or ±∞. */
  gaps: [number, number][];
  /** α of the computed points whose loss is not finite. */
  nonFinite: number[];
  computed: number;
}

const isDone = (s: LineSeries, i: number) => s.computed[i] !== 0;

/** The chart of `s` in `box`. */
export function lineSliceChart(s: LineSeries, box: ChartBox): LineChart {
  const n = s.alphas.length;
  const order = Array.from({ length: n }, (_, i) => i).sort((a, b) => s.alphas[a] - s.alphas[b]);
  const { l, r, t, b } = box.margin;
  const lo = n ? s.alphas[order[0]] : 0,
    hi = n ? s.alphas[order[n - 1]] : 1;
  const x = scaleLinear()
    .domain(lo === hi ? [lo - 1, hi + 1] : [lo, hi])
    .range([l, box.width - r]);
  const finite = order
    .filter((i) => isDone(s, i) && Number.isFinite(s.loss[i]))
    .map((i) => s.loss[i]);
  const ys = chartScales([{ id: 'loss', values: finite }], 1, box.width, box.height, {
    margin: box.margin,
  });
  const yAcc = scaleLinear()
    .domain([0, 100])
    .range([box.height - b, t])
    .clamp(true);

  const runs = (values: ArrayLike<number>, y: (v: number) => number): Float64Array[] => {
    const out: Float64Array[] = [];
    let cur: number[] = [];
    for (const i of order) {
      if (!isDone(s, i)) continue;
      if (!Number.isFinite(values[i])) {
        if (cur.length) out.push(Float64Array.from(cur));
        cur = [];
        continue;
      }
      cur.push(x(s.alphas[i]), y(values[i]));
    }
    if (cur.length) out.push(Float64Array.from(cur));
    return out;
  };

  // A gap reaches half-way to the neighbours on either side (or the plot's edge).
  const gaps: [number, number][] = [];
  const nonFinite: number[] = [];
  const done = order.filter((i) => isDone(s, i));
  for (let k = 0; k < done.length; k++) {
    const i = done[k];
    if (Number.isFinite(s.loss[i])) continue;
    nonFinite.push(s.alphas[i]);
    const a = s.alphas[i];
    const left = k > 0 ? (s.alphas[done[k - 1]] + a) / 2 : lo;
    const right = k < done.length - 1 ? (s.alphas[done[k + 1]] + a) / 2 : hi;
    const last = gaps[gaps.length - 1];
    if (last && k > 0 && !Number.isFinite(s.loss[done[k - 1]])) last[1] = x(right);
    else gaps.push([x(left), x(right)]);
  }

  const dots: number[] = [];
  for (const i of done) if (Number.isFinite(s.loss[i])) dots.push(x(s.alphas[i]), ys.y(s.loss[i]));
  return {
    x,
    y: ys.y,
    log: ys.log,
    yAcc,
    loss: runs(s.loss, (v) => ys.y(v)),
    acc: s.acc ? runs(s.acc, (v) => yAcc(v)) : [],
    dots: Float64Array.from(dots),
    gaps,
    nonFinite,
    computed: done.length,
  };
}

/** Tick values of the loss axis: decades on a log axis, else ~`count` round values. */
export function lossTicks(c: Pick<LineChart, 'y' | 'log'>, count = 4): number[] {
  const t = c.y.ticks(count);
  return c.log ? t.filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9) : t;
}

/** A flat [x, y, …] polyline as an SVG path ("M x y L x y …"); empty for no points. */
export function polylineD(xy: Float64Array): string {
  let d = '';
  for (let i = 0; i < xy.length; i += 2)
    d += `${i ? 'L' : 'M'}${xy[i].toFixed(1)} ${xy[i + 1].toFixed(1)}`;
  return d;
}

/** "at α = 1.3 and 1.5" / "at 4 points from α = 1.2 to 1.5": where the loss is not finite. */
export function nonFiniteNote(alphas: readonly number[]): string | null {
  if (!alphas.length) return null;
  const f = (v: number) => String(Number(v.toPrecision(3)));
  if (alphas.length === 1) return `at α = ${f(alphas[0])}`;
  if (alphas.length === 2) return `at α = ${f(alphas[0])} and ${f(alphas[1])}`;
  return `at ${alphas.length} points from α = ${f(alphas[0])} to ${f(alphas[alphas.length - 1])}`;
}

/**
 * Where to write the labels of marks at drawing x above the plot: with two or more marks the
 * first reads leftwards from its line, the others rightwards; a label that would run past the
 * chart's edge reads the other way. Widths are estimated at 0.6 em per character. When the full
 * texts still collide or stick out (a narrow chart in large type), the short ones are used.
 */
/** The computed loss at `alpha` (a mark such as init or trained), or null when not computed (yet). */
export function lossAtAlpha(series: LineSeries, alpha: number): number | null {
  for (let i = 0; i < series.alphas.length; i++) {
    if (Math.abs(series.alphas[i] - alpha) < 1e-9)
      return series.computed[i] ? series.loss[i] : null;
  }
  return null;
}

export function markLabels(
  marks: readonly { x: number; text: string; short?: string }[],
  width: number,
  font: number,
): { x: number; anchor: 'start' | 'end'; text: string }[] {
  const pad = 4;
  const place = (texts: string[]) => {
    const out = marks.map((m, k) => {
      const w = 0.6 * font * texts[k].length;
      let end = marks.length > 1 && k === 0;
      if (end && m.x - pad - w < 0) end = false;
      else if (!end && m.x + pad + w > width) end = true;
      const x = m.x + (end ? -pad : pad);
      return {
        x,
        anchor: (end ? 'end' : 'start') as 'start' | 'end',
        text: texts[k],
        from: end ? x - w : x,
        to: end ? x : x + w,
      };
    });
    const sorted = [...out].sort((a, b) => a.from - b.from);
    const fits = sorted.every(
      (l, k) => l.from >= 0 && l.to <= width && (k === 0 || l.from >= sorted[k - 1].to + pad),
    );
    return { fits, labels: out.map(({ x, anchor, text }) => ({ x, anchor, text })) };
  };
  const full = place(marks.map((m) => m.text));
  return full.fits ? full.labels : place(marks.map((m) => m.short ?? m.text)).labels;
}
