import type { ViewBox } from '../core/surfaces/surface';
import { colourBar } from '../core/view/colourBar';
import { contourFrame, type ContourFrame } from '../core/view/contourFrame';
import type { ContourBand } from '../core/view/contourPaths';
import { clippedPoints, lossView } from '../core/view/lossView';
import { bandColor } from '../core/view/palette';
import { keptBefore, keptPoints, polylinePath, svgNum } from '../core/view/polyline';
import { formatValue } from '../core/view/sliderScale';
import { trajectoryPoints } from '../core/view/trajectoryPath';
import { raceDrawingSize, viewScales } from '../core/view/viewScales';

/**
 * The race's contour map and loss chart as standalone SVG documents: every style inlined as
 * attributes (no CSS, no script, no event attributes), every piece of text escaped, laid out by
 * the same view math as the page (core/view/contourFrame, colourBar, lossView). Pure: the page
 * hands in the view data and its theme's colours (read from its computed styles) and gets text.
 */

/** The theme's colours and type, as the page's CSS variables give them. */
export interface FigureInk {
  fg: string;
  muted: string;
  line: string;
  plotBg: string;
  card: string;
  /** Fill opacity of the contour bands (--band-opacity). */
  bandOpacity: number;
  bandOutline: string;
  /** Colour of the × at each minimum. */
  marks: string;
  fontFamily: string;
}

export interface FigureRacer {
  name: string;
  color: string;
  dashed: boolean;
  start: readonly [number, number];
  params: Float64Array;
  loss: Float64Array;
  steps: number;
  divergedAt: number | null;
}

export interface ContourFigure {
  title: string;
  domain: ViewBox;
  /** Width of the figure in CSS pixels (its height follows from the frame). */
  width: number;
  /** Chart type size in CSS pixels. */
  font: number;
  /** Bands in the drawing units of raceDrawingSize(domain), as the worker contoured them. */
  bands: readonly ContourBand[];
  /** The surface's maximum, labelled at the colour bar's end. */
  max?: number;
  minima: readonly (readonly [number, number])[];
  start: readonly [number, number];
  racers: readonly FigureRacer[];
  /** The shown step: trajectories are drawn bold to it, faint after it. */
  step: number;
  ink: FigureInk;
}

/** Which layers a contour SVG holds (a PNG draws trajectories and start with the race's painters). */
export interface ContourLayers {
  trajectories: boolean;
  start: boolean;
}

/** XML text and attribute values: &, <, >, " and ' escaped. */
export function escapeXml(s: string): string {
  return s.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!,
  );
}

/** Attributes from a record, values escaped; undefined ones left out. */
function attrs(a: Record<string, string | number | undefined>): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');
}

const el = (name: string, a: Record<string, string | number | undefined>, body?: string) =>
  body === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${body}</${name}>`;

function svgDocument(width: number, height: number, title: string, ink: FigureInk, body: string) {
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg"${attrs({
      width,
      height,
      viewBox: `0 0 ${width} ${height}`,
      role: 'img',
      'font-family': ink.fontFamily,
    })}>` +
    el('title', {}, escapeXml(title)) +
    body +
    '</svg>\n'
  );
}

/** A tick label in the chart's muted type. */
const label = (ink: FigureInk, font: number, a: Record<string, string | number>, text: string) =>
  el('text', { ...a, fill: ink.muted, 'font-size': font }, escapeXml(text));

/** The contour figure's frame: the plot and colour bar placement, in CSS pixels. */
export function contourLayout(f: Pick<ContourFigure, 'domain' | 'width' | 'font'>): {
  frame: ContourFrame;
  drawing: { width: number; height: number };
} {
  const drawing = raceDrawingSize(f.domain);
  return { frame: contourFrame(f.width, drawing.height / drawing.width, f.font), drawing };
}

/** As many ticks as fit one per five fonts, 2 to 7 (the page's race axes). */
const tickCount = (px: number, font: number) =>
  Math.max(2, Math.min(7, Math.floor(px / (font * 5))));

function contourAxes(f: ContourFigure, frame: ContourFrame): string {
  const { plot } = frame;
  const { ink, font } = f;
  const axes = viewScales(f.domain, plot.width, plot.height);
  const tick = font / 3;
  let out = '';
  for (const t of axes.x.ticks(tickCount(plot.width, font))) {
    const x = svgNum(axes.x(t));
    out += el('line', { x1: x, x2: x, y1: plot.height, y2: plot.height + tick, stroke: ink.line });
    out += label(
      ink,
      font,
      { x, y: svgNum(plot.height + font * 1.3), 'text-anchor': 'middle' },
      formatValue(t),
    );
  }
  for (const t of axes.y.ticks(tickCount(plot.height, font))) {
    const y = svgNum(axes.y(t));
    out += el('line', { x1: 0, x2: -tick, y1: y, y2: y, stroke: ink.line });
    out += label(
      ink,
      font,
      { x: -font / 2, y, dy: '0.32em', 'text-anchor': 'end' },
      formatValue(t),
    );
  }
  out += label(
    ink,
    font,
    { x: plot.width / 2, y: plot.height + font * 2.6, 'text-anchor': 'middle' },
    'x',
  );
  out += label(ink, font, { x: -font * 4, y: plot.height / 2, dy: '0.32em' }, 'y');
  return el('g', { transform: `translate(${plot.x},${plot.y})` }, out);
}

function contourColourBar(f: ContourFigure, frame: ContourFrame): string {
  const { x, y, length: L, thickness: T, vertical } = frame.bar;
  const { ink, font } = f;
  const count = Math.max(2, Math.floor(L / (font * (vertical ? 2.2 : 6))));
  const bar = colourBar(f.bands, count, f.max);
  if (!bar.steps.length) return '';
  const box = { x, y, width: vertical ? T : L, height: vertical ? L : T };
  let out = el('rect', { ...box, fill: ink.plotBg, stroke: ink.line });
  // The race paints the lowest band's colour under all the bands first: so does its bar.
  for (const s of [{ from: 0, t: 0 }, ...bar.steps])
    out += el('rect', {
      x: vertical ? x : x + L * s.from,
      y,
      width: vertical ? T : L * (1 - s.from),
      height: vertical ? L * (1 - s.from) : T,
      fill: bandColor(s.t),
      'fill-opacity': ink.bandOpacity,
    });
  for (const t of bar.ticks)
    out += vertical
      ? label(
          ink,
          font,
          { x: x + T + font * 0.35, y: svgNum(y + L * (1 - t.at)), 'dominant-baseline': 'central' },
          formatValue(t.value),
        )
      : label(
          ink,
          font,
          {
            x: svgNum(x + L * t.at),
            y: y + T + font * 1.1,
            'text-anchor': t.at === 0 ? 'start' : t.at === 1 ? 'end' : 'middle',
          },
          formatValue(t.value),
        );
  return el('g', { class: 'colour-bar' }, out);
}

/** Each racer's path to the shown step (and faint after it), its head and ✕ where it diverged. */
function trajectoryPaths(f: ContourFigure, drawing: { width: number; height: number }): string {
  const scales = viewScales(f.domain, drawing.width, drawing.height);
  let out = '';
  for (const r of f.racers) {
    if (r.params.length < 2 * r.steps) continue;
    const { xy, kept } = trajectoryPoints(r.start, r.params, r.steps, scales);
    const last = (xy.length >> 1) - 1;
    const k = Math.max(0, Math.min(f.step, last));
    const dash = r.dashed ? '6 4' : undefined;
    const line = {
      fill: 'none',
      stroke: r.color,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
      'stroke-dasharray': dash,
    };
    const shown = Uint32Array.from([...kept.subarray(0, keptBefore(kept, k)), k]);
    let g = el('title', {}, escapeXml(r.name));
    if (k < last)
      g += el('path', {
        ...line,
        d: polylinePath(xy, kept),
        'stroke-width': 1.5,
        'stroke-opacity': 0.35,
      });
    g += el('path', {
      ...line,
      class: 'trajectory',
      d: polylinePath(xy, shown),
      'stroke-width': 3,
    });
    if (r.divergedAt !== null) {
      const [cx, cy] = [svgNum(xy[2 * last]), svgNum(xy[2 * last + 1])];
      g += el('path', {
        d: `M${cx - 6} ${cy - 6}L${cx + 6} ${cy + 6}M${cx - 6} ${cy + 6}L${cx + 6} ${cy - 6}`,
        stroke: r.color,
        'stroke-width': 3,
        'stroke-linecap': 'round',
      });
    }
    g += el('circle', {
      cx: svgNum(xy[2 * k]),
      cy: svgNum(xy[2 * k + 1]),
      r: 5.5,
      fill: r.color,
      stroke: f.ink.card,
      'stroke-width': 2,
    });
    out += el('g', { class: 'racer' }, g);
  }
  return out;
}

/**
 * The contour map as an SVG document the size of the page's figure: the bands (filled paths
 * from the contour geometry, in the race's drawing units, clipped to the plot), × at the minima,
 * the trajectories as paths, the start, the x and y ticks and the colour bar.
 */
export function contourSvg(
  f: ContourFigure,
  layers: ContourLayers = { trajectories: true, start: true },
): string {
  const { frame, drawing } = contourLayout(f);
  const { plot } = frame;
  const { ink } = f;
  const scales = viewScales(f.domain, drawing.width, drawing.height);
  let map = el('rect', { width: drawing.width, height: drawing.height, fill: ink.plotBg });
  if (f.bands.length)
    map += el('rect', {
      width: drawing.width,
      height: drawing.height,
      fill: bandColor(0),
      'fill-opacity': ink.bandOpacity,
    });
  for (const b of f.bands)
    map += el('path', {
      class: 'band',
      d: b.d,
      fill: bandColor(b.t),
      'fill-opacity': ink.bandOpacity,
      stroke: ink.bandOutline,
      'stroke-width': 0.6,
    });
  const r = 6 / Math.SQRT2;
  const cross = f.minima
    .map(([mx, my]) => [svgNum(scales.x(mx)), svgNum(scales.y(my))])
    .map(
      ([x, y]) =>
        `M${svgNum(x - r)} ${svgNum(y - r)}L${svgNum(x + r)} ${svgNum(y + r)}M${svgNum(x - r)} ${svgNum(y + r)}L${svgNum(x + r)} ${svgNum(y - r)}`,
    )
    .join('');
  if (cross)
    map += el('path', { class: 'minima', d: cross, stroke: ink.marks, 'stroke-width': 2.5 });
  if (layers.trajectories) map += trajectoryPaths(f, drawing);
  if (layers.start)
    map += el('circle', {
      class: 'start',
      cx: svgNum(scales.x(f.start[0])),
      cy: svgNum(scales.y(f.start[1])),
      r: 7,
      fill: '#fff',
      stroke: '#111',
      'stroke-width': 2.5,
    });
  const sx = plot.width / drawing.width,
    sy = plot.height / drawing.height;
  const body =
    el('rect', { width: frame.width, height: frame.height, fill: ink.card }) +
    el(
      'defs',
      {},
      el('clipPath', { id: 'plot' }, el('rect', { width: drawing.width, height: drawing.height })),
    ) +
    el(
      'g',
      { transform: `translate(${plot.x},${plot.y}) scale(${sx},${sy})`, 'clip-path': 'url(#plot)' },
      map,
    ) +
    contourAxes(f, frame) +
    contourColourBar(f, frame);
  return svgDocument(frame.width, frame.height, f.title, ink, body);
}

export interface LossFigure {
  title: string;
  width: number;
  height: number;
  font: number;
  margin: { l: number; r: number; t: number; b: number };
  steps: number;
  racers: readonly FigureRacer[];
  ink: FigureInk;
}

/**
 * The loss chart as an SVG document: loss against the step for every racer, on the axis the page
 * chose (core/view/lossView: linear, log or symlog), a run that left the view drawn to the edge
 * and marked ✕ there, the axes and their labels.
 */
export function lossSvg(f: LossFigure): string {
  const { ink, font, margin: m } = f;
  const s = lossView(
    f.racers.map((r, i) => ({ id: String(i), values: r.loss, divergedAt: r.divergedAt })),
    f.steps,
    f.width,
    f.height,
    { margin: m },
  );
  let curves = '';
  f.racers.forEach((r, i) => {
    const xy = clippedPoints(r.loss, s, s.clips[i]);
    let g = el('title', {}, escapeXml(r.name));
    if (xy.length)
      g += el('path', {
        class: 'curve',
        d: polylinePath(xy, keptPoints(xy)),
        fill: 'none',
        stroke: r.color,
        'stroke-width': 2,
        'stroke-linejoin': 'round',
        'stroke-dasharray': r.dashed ? '6 4' : undefined,
      });
    const exit = s.clips[i].exit;
    if (exit && xy.length) {
      const q = Math.round(font * 0.45);
      const [px, py] = [
        svgNum(xy[xy.length - 2]),
        svgNum(xy[xy.length - 1] + (exit.edge === 'top' ? q : -q)),
      ];
      g += el('path', {
        class: 'diverged-mark',
        d: `M${px - q} ${py - q}L${px + q} ${py + q}M${px - q} ${py + q}L${px + q} ${py - q}`,
        stroke: r.color,
        'stroke-width': 2.5,
        'stroke-linecap': 'round',
        fill: 'none',
      });
    }
    curves += el('g', { class: 'racer' }, g);
  });
  const [x0, x1] = s.x.range();
  const [y0, y1] = s.y.range();
  const tick = Math.round(font / 3);
  let axes = el('line', { x1: x0, x2: x1, y1: y0, y2: y0, stroke: ink.line });
  axes += el('line', { x1: x0, x2: x0, y1: y0, y2: y1, stroke: ink.line });
  for (const t of s.x.ticks(Math.max(2, Math.min(6, Math.floor((x1 - x0) / (font * 5)))))) {
    const x = svgNum(s.x(t));
    axes += el('line', { x1: x, x2: x, y1: y0, y2: y0 + tick, stroke: ink.line });
    axes += label(ink, font, { x, y: y0 + tick + font, 'text-anchor': 'middle' }, String(t));
  }
  for (const t of s.yTicks) {
    const y = svgNum(s.y(t));
    axes += el('line', { x1: x0, x2: x0 - tick, y1: y, y2: y, stroke: ink.line });
    axes += label(
      ink,
      font,
      { x: x0 - tick - 2, y, dy: '0.32em', 'text-anchor': 'end' },
      formatValue(t),
    );
  }
  axes += label(ink, font, { x: x1, y: y0 + tick + font * 2.2, 'text-anchor': 'end' }, 'step');
  axes += label(
    ink,
    font,
    { x: x0 + 4, y: y1 + font * 0.9 },
    `loss${s.kind === 'linear' ? '' : ` (${s.kind})`}`,
  );
  const body =
    el('rect', { width: f.width, height: f.height, fill: ink.card }) +
    el('g', { class: 'axes' }, axes) +
    curves;
  return svgDocument(f.width, f.height, f.title, ink, body);
}
