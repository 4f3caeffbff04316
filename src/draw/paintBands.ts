import type { Context2D } from './context';
import { bandColor } from '../core/view/palette';

/** Theme colours of the contour picture. */
export interface BandInk {
  background: string;
  /** Fill opacity of the bands (stronger on the dark theme). */
  opacity: number;
  outline: string;
  /** Colour of the × at each minimum. */
  marks: string;
}

/**
 * The filled contour bands (SVG path data from the worker, filled with the viridis ramp) and a
 * × at each minimum. Drawn once per surface, size and theme; the trajectories are another canvas.
 */
export function paintBands(
  ctx: Context2D,
  bands: readonly { d: string; t: number }[],
  minima: readonly (readonly [number, number])[],
  width: number,
  height: number,
  ink: BandInk,
): void {
  ctx.fillStyle = ink.background;
  ctx.fillRect(0, 0, width, height);
  // Below the lowest level lies no band (d3 contours are regions ≥ a threshold): give that floor
  // the lowest band's colour rather than a bright streak of background along a valley.
  if (bands.length) {
    ctx.globalAlpha = ink.opacity;
    ctx.fillStyle = bandColor(0);
    ctx.fillRect(0, 0, width, height);
    ctx.globalAlpha = 1;
  }
  ctx.lineWidth = 0.6;
  ctx.strokeStyle = ink.outline;
  for (const b of bands) {
    const path = new Path2D(b.d);
    ctx.globalAlpha = ink.opacity;
    ctx.fillStyle = bandColor(b.t);
    ctx.fill(path);
    ctx.globalAlpha = 1;
    ctx.stroke(path);
  }
  ctx.strokeStyle = ink.marks;
  ctx.lineWidth = 2.5;
  ctx.beginPath();
  for (const [x, y] of minima) {
    const r = 6 / Math.SQRT2; // a "+" of half-length 6 turned by 45°
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.moveTo(x - r, y + r);
    ctx.lineTo(x + r, y - r);
  }
  ctx.stroke();
}
