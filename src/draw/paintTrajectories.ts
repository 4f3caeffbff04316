import type { Context2D } from './context';
import { keptBefore } from '../core/view/polyline';
import type { TrajectoryPoints } from '../core/view/trajectoryPath';

/** One racer's trajectory as the canvas draws it. */
export interface TrajectoryStroke {
  pts: TrajectoryPoints;
  color: string;
  dashed: boolean;
  diverged: boolean;
  /**
   * The racer's second point (schedule-free's x, Lookahead's slow weights): drawn thin and
   * dashed over the racers, the steps played so far only, with a small hollow head.
   */
  second: boolean;
}

/** The second point's dash and width, in drawing units; distinct from a racer's own dash (6, 4). */
export const SECOND_DASH = [5, 4];
const SECOND_WIDTH = 2.25;

/** Traces the polyline from the start to point `upto` (kept points, then `upto` itself). */
function tracePrefix(ctx: Context2D, { xy, kept }: TrajectoryPoints, upto: number): void {
  ctx.beginPath();
  ctx.moveTo(xy[0], xy[1]);
  const m = keptBefore(kept, upto);
  for (let i = 1; i < m; i++) {
    const k = kept[i];
    ctx.lineTo(xy[2 * k], xy[2 * k + 1]);
  }
  ctx.lineTo(xy[2 * upto], xy[2 * upto + 1]);
}

/**
 * Each racer's path at the shown step: a faint whole run while the steps are being played, the
 * steps played so far in full colour, its head, and ✕ where it diverged. `card` outlines the
 * heads and marks so they read over any band colour.
 */
export function paintTrajectories(
  ctx: Context2D,
  lines: readonly TrajectoryStroke[],
  step: number,
  card: string,
): void {
  ctx.lineJoin = 'round';
  ctx.lineCap = 'round';
  const main = lines.filter((l) => !l.second);
  for (const l of main) {
    const last = (l.pts.xy.length >> 1) - 1;
    const k = Math.max(0, Math.min(step, last));
    ctx.strokeStyle = l.color;
    ctx.setLineDash(l.dashed ? [6, 4] : []);
    if (k < last) {
      ctx.globalAlpha = 0.35;
      ctx.lineWidth = 1.5;
      tracePrefix(ctx, l.pts, last);
      ctx.stroke();
      ctx.globalAlpha = 1;
    }
    ctx.lineWidth = 3;
    tracePrefix(ctx, l.pts, k);
    ctx.stroke();
  }
  // Second points on top, outlined in the card colour so a dash reads over its own racer's line.
  ctx.lineCap = 'butt';
  for (const l of lines) {
    if (!l.second) continue;
    const k = Math.max(0, Math.min(step, (l.pts.xy.length >> 1) - 1));
    tracePrefix(ctx, l.pts, k);
    ctx.setLineDash(SECOND_DASH);
    ctx.lineWidth = SECOND_WIDTH + 1.5;
    ctx.strokeStyle = card;
    ctx.stroke();
    ctx.lineWidth = SECOND_WIDTH;
    ctx.strokeStyle = l.color;
    ctx.stroke();
    ctx.setLineDash([]);
    ctx.beginPath();
    ctx.arc(l.pts.xy[2 * k], l.pts.xy[2 * k + 1], 3.5, 0, 2 * Math.PI);
    ctx.fillStyle = card;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = l.color;
    ctx.stroke();
  }
  ctx.lineCap = 'round';
  ctx.setLineDash([]);
  ctx.font = '700 22px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const l of main) {
    const { xy } = l.pts;
    const last = (xy.length >> 1) - 1;
    if (l.diverged) {
      ctx.lineWidth = 3;
      ctx.strokeStyle = card;
      ctx.strokeText('✕', xy[2 * last], xy[2 * last + 1]);
      ctx.fillStyle = l.color;
      ctx.fillText('✕', xy[2 * last], xy[2 * last + 1]);
    }
    const k = Math.max(0, Math.min(step, last));
    ctx.beginPath();
    ctx.arc(xy[2 * k], xy[2 * k + 1], 5.5, 0, 2 * Math.PI);
    ctx.fillStyle = l.color;
    ctx.fill();
    ctx.lineWidth = 2;
    ctx.strokeStyle = card;
    ctx.stroke();
  }
}
