/**
 * The trainability map's drawing geometry, as data: where the plot goes in a box of a given width
 * and type size, the ticks of each axis (decades, with 2 and 5 where they fit, on a log axis;
 * nice steps on a linear one), a pointer's cell and fractional cell position, a cell's rectangle,
 * a drag read as a click or a zoom box, and the keyboard cursor's moves. The map's canvas
 * (ui/map/MapCanvas) draws these numbers and holds no math of its own.
 *
 * Positions along an axis are fractional cell positions as core/map/mapAxes defines them (0 at
 * `min`, n at `max`, cell i's centre at i + ½); on screen x grows to the right and y upwards, so
 * row j = ny − 1 is the top row, as `mapPixels` lays out its pixels.
 */
import { tickFormat, ticks as niceTicks } from 'd3';
import { AXES, axisPositionOf, type MapAxis } from '../map/mapAxes';
import { formatValue } from './sliderScale';
import { textWidth } from './textWidth';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** A map cell: column i along x, row j along y. */
export interface Cell {
  i: number;
  j: number;
}

/** A zoom box in fractional cell positions, x0 < x1 and y0 < y1 (what `zoomAxis` takes). */
export interface ZoomBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

export interface MapTick {
  value: number;
  /** Where along the axis: 0 at its min, 1 at its max. */
  t: number;
  label: string;
}

/** A text placed in the frame (SVG `text` with the given anchor). */
export interface PlacedText {
  x: number;
  y: number;
  text: string;
  anchor: 'start' | 'middle' | 'end';
}

export interface MapFrame {
  width: number;
  height: number;
  font: number;
  /** Tick length in px. */
  tick: number;
  plot: Rect;
  xTicks: MapTick[];
  yTicks: MapTick[];
  /** The x axis's title under its ticks; the y axis's above the plot, from the left edge. */
  xTitle: PlacedText;
  yTitle: PlacedText;
}

/** An average advance of a title's letters in em (textWidth counts every letter as its widest). */
const TITLE_EM = 0.6;
const titleWidth = (text: string, font: number) => text.length * TITLE_EM * font;

/**
 * An axis's title, as long as fits in `room` px: "Learning rate lr (log)", then without the
 * scale, then the symbol alone.
 */
export function axisTitle(a: MapAxis, room: number, font: number): string {
  const f = AXES[a.key];
  const name = f.label === f.symbol ? f.label : `${f.label} ${f.symbol}`;
  const log = a.log ? ' (log)' : '';
  const tries = [`${name}${log}`, name, `${f.symbol}${log}`];
  return tries.find((t) => titleWidth(t, font) <= room) ?? f.symbol;
}

/** The fraction t ∈ [0, 1] along the axis of value v. */
const tOf = (a: MapAxis, v: number) => axisPositionOf(a, v) / a.n;

/** Tick sets to try, densest first: each a list of values inside the axis's range. */
function candidates(a: MapAxis): { values: number[]; label: (v: number) => string }[] {
  const { min, max } = a;
  const inside = (v: number) => v >= min * (1 - 1e-9) && v <= max * (1 + 1e-9);
  const insideLin = (v: number) => {
    const eps = (max - min) * 1e-9;
    return v >= min - eps && v <= max + eps;
  };
  const out: { values: number[]; label: (v: number) => string }[] = [];
  const integer = AXES[a.key].integer;
  const linear = (count: number) => {
    const values = niceTicks(min, max, count).filter(
      (v) => insideLin(v) && (!integer || Number.isInteger(v)),
    );
    const fmt = tickFormat(min, max, count, '~f');
    return { values, label: (v: number) => fmt(v) };
  };
  if (a.log) {
    const e0 = Math.floor(Math.log10(min)),
      e1 = Math.ceil(Math.log10(max));
    const decades = (mantissas: number[], every = 1) => {
      const values: number[] = [];
      for (let e = e0; e <= e1; e++) {
        if (mantissas.length === 1 && ((e % every) + every) % every !== 0) continue;
        for (const m of mantissas) {
          const v = Number(`${m}e${e}`);
          if (inside(v)) values.push(v);
        }
      }
      return { values, label: formatValue };
    };
    out.push(decades([1, 2, 5]), decades([1]));
    for (const every of [2, 3, 5, 10, 20, 50]) out.push(decades([1], every));
    // Inside a decade or two, evenly spaced values read better than none.
    if (max / min < 100) out.unshift(...[10, 6, 4, 2].map(linear));
  } else for (const c of [12, 8, 6, 4, 3, 2]) out.push(linear(c));
  return out.filter((c) => c.values.length >= 2);
}

/**
 * The ticks of an axis `length` px long at `font` px: the densest candidate whose labels do not
 * collide (side by side on x with a font's gap, a line and a half apart on y); at least the axis's
 * two ends when nothing else fits.
 */
export function axisTicks(a: MapAxis, length: number, font: number, along: 'x' | 'y'): MapTick[] {
  const sets = candidates(a);
  for (const c of sets) {
    const ticks = c.values.map((value) => ({ value, t: tOf(a, value), label: c.label(value) }));
    if (ticksFit(ticks, length, font, along)) return ticks;
  }
  const last = sets[sets.length - 1];
  if (last) {
    const [v0, v1] = [last.values[0], last.values[last.values.length - 1]];
    return [v0, v1].map((value) => ({ value, t: tOf(a, value), label: last.label(value) }));
  }
  const fmt = AXES[a.key].integer ? (v: number) => String(Math.round(v)) : formatValue;
  return [a.min, a.max].map((value) => ({ value, t: tOf(a, value), label: fmt(value) }));
}

function ticksFit(ticks: MapTick[], length: number, font: number, along: 'x' | 'y'): boolean {
  if (new Set(ticks.map((t) => t.label)).size < ticks.length) return false;
  for (let k = 1; k < ticks.length; k++) {
    const gap = (ticks[k].t - ticks[k - 1].t) * length;
    const need =
      along === 'y'
        ? 1.5 * font
        : (textWidth(ticks[k].label, font) + textWidth(ticks[k - 1].label, font)) / 2 + 0.8 * font;
    if (gap < need) return false;
  }
  return true;
}

/**
 * The map's layout in a box `width` px wide at `font` px type: the y ticks' labels get the room
 * they need at the left, the y title a line above the plot, the x ticks and title two lines under
 * it; the plot keeps the grid's aspect (cells square, within 1:2 and 2:1) and is at most
 * `maxPlot` px wide.
 */
export function mapFrame(
  width: number,
  x: MapAxis,
  y: MapAxis,
  font: number,
  maxPlot = Infinity,
): MapFrame {
  const f = font;
  const tick = Math.round(f / 3);
  const aspect = Math.min(2, Math.max(0.5, y.n / x.n));
  const top = Math.round(f * 1.9),
    below = Math.round(tick + f * 3);
  const right = Math.round(f * 1.6);
  const plotWidth = (left: number) => Math.max(f * 6, Math.min(maxPlot, width - left - right));
  const leftFor = (ticks: MapTick[]) =>
    Math.ceil(Math.max(f * 2, ...ticks.map((t) => textWidth(t.label, f))) + tick + f * 0.4);
  // The y labels' width decides the plot's, which decides how many y labels fit: two passes.
  let left = Math.round(f * 4.4);
  let yTicks = axisTicks(y, Math.round(plotWidth(left) * aspect), f, 'y');
  left = leftFor(yTicks);
  const pw = plotWidth(left);
  const ph = Math.round(pw * aspect);
  yTicks = axisTicks(y, ph, f, 'y');
  left = Math.max(left, leftFor(yTicks));
  const plot = { x: left, y: top, width: pw, height: ph };
  return {
    width,
    height: top + ph + below,
    font: f,
    tick,
    plot,
    xTicks: axisTicks(x, pw, f, 'x'),
    yTicks,
    xTitle: {
      x: left + pw / 2,
      y: top + ph + tick + f * 2.5,
      // Centred under the plot: as wide as the nearer side of the frame allows twice over.
      text: axisTitle(x, 2 * Math.min(left + pw / 2, width - left - pw / 2), f),
      anchor: 'middle',
    },
    yTitle: { x: 0, y: Math.round(f * 1.1), text: axisTitle(y, width, f), anchor: 'start' },
  };
}

/** A tick's place in the frame: x ticks along the plot's bottom, y ticks up its left side. */
export const tickAt = (plot: Rect, t: MapTick, along: 'x' | 'y'): number =>
  along === 'x' ? plot.x + t.t * plot.width : plot.y + (1 - t.t) * plot.height;

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

/** A point of the frame as fractional cell positions (p along x, q along y), clamped to the grid. */
export function fracAt(
  plot: Rect,
  nx: number,
  ny: number,
  px: number,
  py: number,
): { p: number; q: number } {
  return {
    p: clamp(((px - plot.x) / plot.width) * nx, 0, nx),
    q: clamp(((plot.y + plot.height - py) / plot.height) * ny, 0, ny),
  };
}

/** The cell under a point of the frame, or null outside the plot. */
export function cellAt(plot: Rect, nx: number, ny: number, px: number, py: number): Cell | null {
  if (px < plot.x || px >= plot.x + plot.width || py < plot.y || py >= plot.y + plot.height)
    return null;
  const { p, q } = fracAt(plot, nx, ny, px, py);
  return { i: Math.min(nx - 1, Math.floor(p)), j: Math.min(ny - 1, Math.floor(q)) };
}

/**
 * A cell's rectangle in the frame, grown about its centre to at least `minSize` px a side, so the
 * outline of one cell of a 256-cell map stays visible.
 */
export function cellRect(plot: Rect, nx: number, ny: number, c: Cell, minSize = 0): Rect {
  const w = plot.width / nx,
    h = plot.height / ny;
  const cx = plot.x + (c.i + 0.5) * w,
    cy = plot.y + plot.height - (c.j + 0.5) * h;
  const W = Math.max(w, minSize),
    H = Math.max(h, minSize);
  return { x: cx - W / 2, y: cy - H / 2, width: W, height: H };
}

/** Under this many px in both directions a press-and-release is a click, not a box. */
export const CLICK_SLOP = 5;

/** What a drag from `a` to `b` (frame px) means: a click on a cell, a zoom box, or nothing. */
export type DragResult =
  { kind: 'click'; cell: Cell } | { kind: 'box'; box: ZoomBox } | { kind: 'none' };

/**
 * A press at `a` released at `b`: within CLICK_SLOP px, a click on the cell pressed; a box at
 * least CLICK_SLOP px both ways (clamped to the plot) is a zoom; a thin sliver of a box is
 * nothing, since it would zoom into a line.
 */
export function dragResult(
  plot: Rect,
  nx: number,
  ny: number,
  a: { x: number; y: number },
  b: { x: number; y: number },
): DragResult {
  const dx = Math.abs(b.x - a.x),
    dy = Math.abs(b.y - a.y);
  if (dx < CLICK_SLOP && dy < CLICK_SLOP) {
    const cell = cellAt(plot, nx, ny, a.x, a.y);
    return cell ? { kind: 'click', cell } : { kind: 'none' };
  }
  const band = bandRect(plot, a, b);
  if (band.width < CLICK_SLOP || band.height < CLICK_SLOP) return { kind: 'none' };
  const lo = fracAt(plot, nx, ny, band.x, band.y + band.height),
    hi = fracAt(plot, nx, ny, band.x + band.width, band.y);
  return { kind: 'box', box: { x0: lo.p, x1: hi.p, y0: lo.q, y1: hi.q } };
}

/** The rubber band between two frame points, clamped to the plot. */
export function bandRect(plot: Rect, a: { x: number; y: number }, b: { x: number; y: number }) {
  const cx = (v: number) => clamp(v, plot.x, plot.x + plot.width),
    cy = (v: number) => clamp(v, plot.y, plot.y + plot.height);
  const x0 = cx(Math.min(a.x, b.x)),
    x1 = cx(Math.max(a.x, b.x)),
    y0 = cy(Math.min(a.y, b.y)),
    y1 = cy(Math.max(a.y, b.y));
  return { x: x0, y: y0, width: x1 - x0, height: y1 - y0 };
}

const MOVES: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, 1],
  ArrowDown: [0, -1],
};

/**
 * The keyboard cursor after a key: arrows move it a cell (ten with Shift; up is larger y), Home
 * and End go to the row's ends; it starts at the grid's centre. Null for any other key.
 */
export function movedCell(
  from: Cell | null,
  key: string,
  nx: number,
  ny: number,
  big = false,
): Cell | null {
  const c = from ?? { i: Math.floor(nx / 2), j: Math.floor(ny / 2) };
  if (key === 'Home') return { i: 0, j: c.j };
  if (key === 'End') return { i: nx - 1, j: c.j };
  const d = MOVES[key];
  if (!d) return null;
  if (!from) return c;
  const k = big ? 10 : 1;
  return { i: clamp(c.i + d[0] * k, 0, nx - 1), j: clamp(c.j + d[1] * k, 0, ny - 1) };
}

/**
 * The keyboard's zoom ('+'): a box 1/factor of the grid each way, centred on the cell and kept
 * inside the grid, so the map can be zoomed without a mouse.
 */
export function zoomAround(c: Cell, nx: number, ny: number, factor = 2): ZoomBox {
  const w = nx / factor,
    h = ny / factor;
  const x0 = clamp(c.i + 0.5 - w / 2, 0, nx - w),
    y0 = clamp(c.j + 0.5 - h / 2, 0, ny - h);
  return { x0, x1: x0 + w, y0, y1: y0 + h };
}
