import type { Context2D } from './context';
import { keptBefore } from '../core/view/polyline';
import type { TrajectoryPoints } from '../core/view/trajectoryPath';

/** One racer's trajectory as the canvas draws it. */
export interface TrajectoryStroke {
  pts: TrajectoryPoints;
  color: string;
  dashed: boolean;
  diverged: boolean;
}

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
  for (const l of lines) {
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
  ctx.setLineDash([]);
  ctx.font = '700 22px system-ui, sans-serif';
  ctx.textAlign = 'center';
  ctx.textBaseline = 'middle';
  for (const l of lines) {
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
