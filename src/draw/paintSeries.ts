import type { Context2D } from './context';
/** One curve of a chart in drawing units, with the points worth drawing. */
export interface SeriesStroke {
  xy: Float64Array;
  kept: Uint32Array;
  color: string;
  dashed: boolean;
}

/** Strokes each curve of a chart (loss or lr against the step) along its kept points. */
export function paintSeries(ctx: Context2D, series: readonly SeriesStroke[], lineWidth = 2): void {
  ctx.lineJoin = 'round';
  ctx.lineWidth = lineWidth;
  for (const s of series) {
    if (s.kept.length === 0) continue;
    ctx.strokeStyle = s.color;
    ctx.setLineDash(s.dashed ? [6, 4] : []);
    ctx.beginPath();
    for (let i = 0; i < s.kept.length; i++) {
      const k = s.kept[i];
      if (i === 0) ctx.moveTo(s.xy[2 * k], s.xy[2 * k + 1]);
      else ctx.lineTo(s.xy[2 * k], s.xy[2 * k + 1]);
    }
    ctx.stroke();
  }
  ctx.setLineDash([]);
}
