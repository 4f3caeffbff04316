import {
  stepArrows,
  type StepArrow,
  type StepArrowKind,
  type StepArrowRun,
} from '../core/view/stepArrows';
import type { ViewScales } from '../core/view/viewScales';
import type { Context2D } from './context';

/**
 * How each arrow reads, in the racer's colour: the gradient's step dotted and thin, the momentum
 * dashed, the actual update solid and thick (drawn last, on top). The legend draws the same.
 */
export const ARROW_STYLE: Record<StepArrowKind, { width: number; dash: number[] }> = {
  gradient: { width: 2.25, dash: [3, 3] },
  moment: { width: 2.5, dash: [7, 4] },
  update: { width: 3.5, dash: [] },
};

/** Head length and half-width over the line width: long enough to read at a 360 px race. */
const HEAD = 9;
const HEAD_HALF = 4.5;

function shaft(ctx: Context2D, a: StepArrow, back: number): void {
  const len = Math.hypot(a.x1 - a.x0, a.y1 - a.y0);
  // The line stops where the head begins, so a dash never pokes through its point.
  const t = len > back ? (len - back) / len : 0;
  ctx.beginPath();
  ctx.moveTo(a.x0, a.y0);
  ctx.lineTo(a.x0 + t * (a.x1 - a.x0), a.y0 + t * (a.y1 - a.y0));
}

function head(ctx: Context2D, a: StepArrow, size: number): void {
  const len = Math.hypot(a.x1 - a.x0, a.y1 - a.y0);
  const ux = (a.x1 - a.x0) / len,
    uy = (a.y1 - a.y0) / len;
  const h = Math.min(HEAD * size, len),
    w = HEAD_HALF * size;
  ctx.beginPath();
  ctx.moveTo(a.x1, a.y1);
  ctx.lineTo(a.x1 - h * ux - w * uy, a.y1 - h * uy + w * ux);
  ctx.lineTo(a.x1 - h * ux + w * uy, a.y1 - h * uy - w * ux);
  ctx.closePath();
}

/** One arrow: a card-coloured outline under it so it reads over bands and trajectories alike. */
function paintArrow(ctx: Context2D, a: StepArrow, color: string, card: string): void {
  const { width, dash } = ARROW_STYLE[a.kind];
  if (a.short) {
    // Too short for a head even magnified: a small ring at the point says "here, about zero".
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(a.x0, a.y0, 4 + width, 0, 2 * Math.PI);
    ctx.lineWidth = 2.5;
    ctx.strokeStyle = card;
    ctx.stroke();
    ctx.lineWidth = 1.25;
    ctx.strokeStyle = color;
    ctx.stroke();
    return;
  }
  const size = width / 2.5 + 0.4;
  for (const [ink, extra] of [
    [card, 1.75],
    [color, 0],
  ] as const) {
    ctx.strokeStyle = ink;
    ctx.fillStyle = ink;
    ctx.lineWidth = width + extra;
    // The outline keeps the dash, so a dotted gradient still reads as dots, not a card-coloured line.
    ctx.setLineDash(dash);
    shaft(ctx, a, HEAD * size * 0.6);
    ctx.stroke();
    ctx.setLineDash([]);
    head(ctx, a, size + extra / 6);
    ctx.fill();
  }
}

/**
 * The anatomy of the step from each racer's shown point (core/view/stepArrows): −lr·g, the
 * momentum buffer in the same units and the actual update, all in the axes' units, magnified
 * alike per racer where the step is too short to see. Runs without a style are not racing.
 */
export function paintStepArrows(
  ctx: Context2D,
  runs: readonly (StepArrowRun & { id: string })[],
  view: { styles: Record<string, { color: string }>; step: number; card: string },
  scales: ViewScales,
): void {
  ctx.lineCap = 'butt';
  ctx.lineJoin = 'miter';
  for (const r of runs) {
    const style = view.styles[r.id];
    const set = style ? stepArrows(r, view.step, scales) : null;
    if (!set) continue;
    // In arrowsOf's order: gradient, moment, then the update on top.
    for (const a of set.arrows) paintArrow(ctx, a, style.color, view.card);
  }
  ctx.setLineDash([]);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
}
