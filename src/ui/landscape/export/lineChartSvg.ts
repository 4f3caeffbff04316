import {
  lineSliceChart,
  lossAtAlpha,
  lossTicks,
  markLabels,
  polylineD,
} from '../../../core/view/lineSliceChart';
import { formatValue } from '../../../core/view/sliderScale';
import type { LineView } from '../../../state/lineView';
import type { FigureStyle } from './figureStyle';
import { el, svgDocument, svgText } from './svgMarkup';

/** Export size in CSS px: a 2:1 chart, wider in large type so its labels keep their room. */
export function lineExportSize(font: number): { width: number; height: number } {
  const width = Math.max(720, Math.ceil(50 * font));
  return { width, height: Math.round(width / 2) };
}

/**
 * The "Along a line" chart as a standalone SVG: loss (left axis, solid) and accuracy (right,
 * dashed) against α, the marks and the non-finite gaps, from core/view/lineSliceChart as the
 * page's LineChart draws them, with the page's colours written in.
 */
export function lineChartSvg(
  view: LineView,
  s: FigureStyle,
  size = lineExportSize(s.sizes.lineFont),
): { svg: string; width: number; height: number } {
  const { width, height } = size;
  const z = s.sizes,
    p = s.palette,
    f = z.lineFont;
  const c = lineSliceChart(view, { width, height, margin: z.lineMargin });
  const [x0, x1] = c.x.range(),
    [yb, yt] = c.y.range();
  const marks = view.marks.map((m) => {
    const v = lossAtAlpha(view, m.alpha);
    return {
      x: c.x(m.alpha),
      short: m.label,
      text: `${m.label}${v !== null && Number.isFinite(v) ? `: ${formatValue(v)}` : ''}`,
    };
  });
  const labels = markLabels(marks, width, f);
  const text = { fill: s.muted, 'font-size': f };
  const curve = (d: string, stroke: string, acc: boolean) =>
    el('path', {
      d,
      fill: 'none',
      stroke,
      'stroke-width': acc ? z.line * 0.7 : z.line,
      'stroke-dasharray': acc ? '6 4' : undefined,
      'stroke-linejoin': 'round',
      'stroke-linecap': acc ? undefined : 'round',
    });
  const body = [
    el('rect', { x: x0, y: yt, width: x1 - x0, height: yb - yt, fill: s.plotBg }),
    ...c.gaps.map(([a, b]) =>
      el(
        'rect',
        { x: a, y: yt, width: Math.max(2, b - a), height: yb - yt, fill: p.lineGap },
        el('title', {}, 'loss not finite here (diverged)'),
      ),
    ),
    ...marks.map((m, k) =>
      el(
        'g',
        {},
        el('line', {
          x1: m.x,
          x2: m.x,
          y1: yt,
          y2: yb,
          stroke: s.muted,
          'stroke-width': z.cross,
          'stroke-dasharray': '4 4',
        }),
        el(
          'text',
          {
            x: labels[k].x,
            y: yt - 8,
            'text-anchor': labels[k].anchor,
            ...text,
            fill: s.fg,
            'font-weight': 600,
          },
          svgText(labels[k].text),
        ),
      ),
    ),
    ...c.acc.map((xy) => curve(polylineD(xy), p.lineAcc, true)),
    ...c.loss.map((xy) => curve(polylineD(xy), p.lineLoss, false)),
    el(
      'g',
      { fill: p.lineLoss },
      ...Array.from({ length: c.dots.length / 2 }, (_, k) =>
        el('circle', { cx: c.dots[2 * k], cy: c.dots[2 * k + 1], r: f / 5 }),
      ),
    ),
    el('line', { x1: x0, x2: x1, y1: yb, y2: yb, stroke: s.line }),
    el('line', { x1: x0, x2: x0, y1: yb, y2: yt, stroke: s.line }),
    ...c.x
      .ticks(8)
      .map((t) =>
        el(
          'text',
          { x: c.x(t), y: yb + f * 1.3, 'text-anchor': 'middle', ...text },
          formatValue(t),
        ),
      ),
    ...lossTicks(c).map((t) =>
      el(
        'text',
        { x: x0 - 5, y: c.y(t), 'dominant-baseline': 'central', 'text-anchor': 'end', ...text },
        formatValue(t),
      ),
    ),
    ...(view.acc
      ? [0, 50, 100].map((t) =>
          el(
            'text',
            { x: x1 + 5, y: c.yAcc(t), 'dominant-baseline': 'central', ...text, fill: p.lineAcc },
            String(t),
          ),
        )
      : []),
    el(
      'text',
      { x: (x0 + x1) / 2, y: height - f * 0.5, 'text-anchor': 'middle', ...text },
      'α (position along the line)',
    ),
    el(
      'text',
      {
        transform: `translate(${f * 0.9} ${(yt + yb) / 2}) rotate(-90)`,
        'text-anchor': 'middle',
        ...text,
        fill: p.lineLoss,
      },
      `loss${c.log ? ' (log)' : ''}`,
    ),
  ];
  if (view.acc)
    body.push(
      el(
        'text',
        {
          transform: `translate(${width - f * 0.5} ${(yt + yb) / 2}) rotate(-90)`,
          'text-anchor': 'middle',
          ...text,
          fill: p.lineAcc,
        },
        'accuracy %',
      ),
    );
  const svg = svgDocument(
    { width, height, title: view.title, background: s.card, font: s.font },
    ...body,
  );
  return { svg, width, height };
}
