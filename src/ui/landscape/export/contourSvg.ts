import { colourBar } from '../../../core/view/colourBar';
import { contourFrame } from '../../../core/view/contourFrame';
import {
  edgeTicks,
  landscapeContour,
  LANDSCAPE_PLOT as W,
  tickLabel,
} from '../../../core/view/landscapeContour';
import { bandColor } from '../../../core/view/palette';
import { formatValue } from '../../../core/view/sliderScale';
import type { LandscapeJson } from '../../../io/landscapeJson';
import { FAR_FROM_PLANE } from '../TrajectoryOverlay';
import type { FigureStyle } from './figureStyle';
import { el, svgDocument, svgText } from './svgMarkup';

export interface ContourFigureInput {
  xs: Float64Array;
  ys: Float64Array;
  /** The losses drawn (with the coarse preview where the fine grid is still missing). */
  loss: Float64Array;
  pendingFromY: number | null;
  trajectory: LandscapeJson['trajectory'] | null;
  /** What the slice is: the file's title. */
  title: string;
}

/** Export width in CSS px: wide enough that the colour bar stands beside the map in both type sizes. */
export const contourExportWidth = (font: number): number => Math.max(560, Math.ceil(36 * font));

/**
 * The landscape contour map as a standalone SVG: the page's bands, hatch, trajectory, axes and
 * colour bar (core/view/landscapeContour, contourFrame, colourBar), with the colours the page's
 * CSS gives them written in, at `width` CSS px.
 */
export function contourSvg(
  f: ContourFigureInput,
  s: FigureStyle,
  width = contourExportWidth(s.sizes.tickFont),
): { svg: string; width: number; height: number } {
  const { grid, bands, holes } = landscapeContour(f.xs, f.ys, f.loss);
  const z = s.sizes,
    p = s.palette,
    font = z.tickFont;
  const frame = contourFrame(width, 1, font);
  const k = frame.plot.width / W;
  const { xmin, xmax, ymin, ymax } = grid.box;
  const sx = (x: number) => ((x - xmin) / (xmax - xmin)) * W;
  const sy = (y: number) => W - ((y - ymin) / (ymax - ymin)) * W;
  const plot: string[] = [
    el('defs', {}, el('clipPath', { id: 'plot' }, el('rect', { width: W, height: W }))),
    el('rect', { width: W, height: W, fill: s.plotBg }),
    el(
      'g',
      { 'clip-path': 'url(#plot)', opacity: p.bandOpacity },
      ...bands.map((b) =>
        el('path', { d: b.d, fill: bandColor(b.t), stroke: p.bandStroke, 'stroke-width': 0.5 }),
      ),
    ),
  ];
  if (f.pendingFromY !== null) {
    const h = Math.max(0, sy(f.pendingFromY) + W / (2 * (f.ys.length - 1)));
    plot.push(el('rect', { width: W, height: h, fill: s.card, 'fill-opacity': 0.55 }));
  }
  if (holes.length > 0) {
    plot.push(
      el(
        'defs',
        {},
        el(
          'pattern',
          { id: 'hatch', width: 8, height: 8, patternUnits: 'userSpaceOnUse' },
          el('rect', { width: 8, height: 8, fill: s.plotBg }),
          el('path', {
            d: 'M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4',
            stroke: s.muted,
            'stroke-width': 1.5,
          }),
        ),
      ),
      el(
        'g',
        { 'clip-path': 'url(#plot)' },
        el('title', {}, 'not computed: no loss was evaluated here'),
        ...holes.map((r) =>
          el('rect', {
            x: Math.min(sx(r.x0), sx(r.x1)),
            y: Math.min(sy(r.y0), sy(r.y1)),
            width: Math.abs(sx(r.x1) - sx(r.x0)),
            height: Math.abs(sy(r.y1) - sy(r.y0)),
            fill: 'url(#hatch)',
          }),
        ),
      ),
    );
  }
  const cross = { stroke: p.cross, 'stroke-width': z.cross, 'stroke-dasharray': '4 4' };
  plot.push(
    el('line', { x1: sx(0), x2: sx(0), y1: 0, y2: W, ...cross }),
    el('line', { x1: 0, x2: W, y1: sy(0), y2: sy(0), ...cross }),
    el('circle', {
      cx: sx(0),
      cy: sy(0),
      r: z.centre,
      fill: p.centreFill,
      stroke: p.centreStroke,
      'stroke-width': 2,
    }),
  );
  if (f.trajectory) plot.push(trajectory(f.trajectory, sx, sy, s));

  const text = { fill: s.muted, 'font-size': font };
  const axes = [
    ...edgeTicks(xmin, xmax).map((v) =>
      el(
        'text',
        { x: sx(v) * k, y: frame.plot.height + font * 1.3, 'text-anchor': 'middle', ...text },
        tickLabel(v),
      ),
    ),
    ...edgeTicks(ymin, ymax).map((v) =>
      el(
        'text',
        { x: -6, y: sy(v) * k, 'dominant-baseline': 'central', 'text-anchor': 'end', ...text },
        tickLabel(v),
      ),
    ),
    el(
      'text',
      {
        x: frame.plot.width / 2,
        y: frame.plot.height + font * 2.7,
        'text-anchor': 'middle',
        ...text,
        'font-size': z.labelFont,
      },
      'α (direction 1)',
    ),
    el(
      'text',
      {
        transform: `translate(${font * 0.8 - frame.plot.x} ${frame.plot.height / 2}) rotate(-90)`,
        'text-anchor': 'middle',
        ...text,
        'font-size': z.labelFont,
      },
      'β (direction 2)',
    ),
  ];
  const svg = svgDocument(
    { width, height: frame.height, title: f.title, background: s.card, font: s.font },
    el('g', { transform: `translate(${frame.plot.x} ${frame.plot.y}) scale(${k})` }, ...plot),
    el('g', { transform: `translate(${frame.plot.x} ${frame.plot.y})` }, ...axes),
    colourBarMarkup(bands, grid.max, frame.bar, s),
  );
  return { svg, width, height: frame.height };
}

/** The trajectory as the page's TrajectoryOverlay draws it: halo, line, a dot per checkpoint. */
function trajectory(
  t: NonNullable<LandscapeJson['trajectory']>,
  sx: (x: number) => number,
  sy: (y: number) => number,
  s: FigureStyle,
): string {
  const p = s.palette,
    z = s.sizes;
  const d = t.x
    .map((x, k) => `${k === 0 ? 'M' : 'L'}${sx(x).toFixed(1)},${sy(t.y[k]).toFixed(1)}`)
    .join('');
  const line = { d, fill: 'none', 'stroke-linejoin': 'round' };
  return el(
    'g',
    {},
    el('path', { ...line, stroke: p.halo, 'stroke-width': z.halo, 'stroke-opacity': 0.7 }),
    el('path', { ...line, stroke: p.trajectory, 'stroke-width': z.line }),
    ...t.x.map((x, k) => {
      const far = t.relativeResidual[k] > FAR_FROM_PLANE;
      return el(
        'circle',
        {
          cx: sx(x),
          cy: sy(t.y[k]),
          r: far ? z.farPoint : z.point,
          fill: far ? p.centreFill : p.trajectory,
          stroke: far ? s.danger : p.halo,
          'stroke-width': far ? 3 : 1.2,
        },
        el('title', {}, svgText(`step ${t.steps[k]}`)),
      );
    }),
  );
}

/** The colour bar as the page's ColourBar draws it (equal steps, level values as ticks). */
function colourBarMarkup(
  bands: readonly { value: number; t: number }[],
  max: number,
  at: ReturnType<typeof contourFrame>['bar'],
  s: FigureStyle,
): string {
  const font = s.sizes.tickFont;
  const { x, y, length: L, thickness: T, vertical } = at;
  const count = Math.max(2, Math.floor(L / (font * (vertical ? 2.2 : 6))));
  const bar = colourBar(bands, count, max);
  const text = { fill: s.muted, 'font-size': font };
  return el(
    'g',
    {},
    el('rect', {
      x,
      y,
      width: vertical ? T : L,
      height: vertical ? L : T,
      fill: s.plotBg,
      stroke: s.line,
    }),
    el(
      'g',
      { opacity: s.palette.bandOpacity },
      ...bar.steps.map((st) =>
        el('rect', {
          x: vertical ? x : x + L * st.from,
          y,
          width: vertical ? T : L * (1 - st.from),
          height: vertical ? L * (1 - st.from) : T,
          fill: bandColor(st.t),
        }),
      ),
    ),
    ...bar.ticks.map((t) =>
      vertical
        ? el(
            'text',
            {
              x: x + T + font * 0.35,
              y: y + L * (1 - t.at),
              'dominant-baseline': 'central',
              ...text,
            },
            formatValue(t.value),
          )
        : el(
            'text',
            {
              x: x + L * t.at,
              y: y + T + font * 1.1,
              'text-anchor': t.at === 0 ? 'start' : t.at === 1 ? 'end' : 'middle',
              ...text,
            },
            formatValue(t.value),
          ),
    ),
  );
}
