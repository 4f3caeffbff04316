import { gridToSample, type MeasuredGrid } from './gridSurface';
import { formatValue } from './sliderScale';

/**
 * The loss a measured grid gives at (x, y): bilinear between its four neighbours when all four
 * were computed, else the nearest point's value; NaN where that point was not computed (yet), and
 * NaN outside the grid's box. +∞ (a diverged point) is a value.
 */
export function gridValueAt(g: MeasuredGrid, x: number, y: number): number {
  const s = gridToSample(g);
  const { xmin, xmax, ymin, ymax } = s.box;
  if (!(x >= xmin && x <= xmax && y >= ymin && y <= ymax)) return NaN;
  const fx = ((x - xmin) / (xmax - xmin)) * (s.nx - 1),
    fy = ((y - ymin) / (ymax - ymin)) * (s.ny - 1);
  const i = Math.min(s.nx - 2, Math.floor(fx)),
    j = Math.min(s.ny - 2, Math.floor(fy));
  const u = fx - i,
    w = fy - j;
  const at = (a: number, b: number) => s.values[b * s.nx + a];
  const c = [at(i, j), at(i + 1, j), at(i, j + 1), at(i + 1, j + 1)];
  if (c.every(Number.isFinite))
    return (1 - w) * ((1 - u) * c[0] + u * c[1]) + w * ((1 - u) * c[2] + u * c[3]);
  return at(Math.round(fx), Math.round(fy));
}

/** "α 0.12, β −0.5: loss 1.23", or "… not computed" for NaN; what the readouts say. */
export function readoutText(
  names: readonly [string, string],
  x: number,
  y: number,
  value: number,
): string {
  const where = `${names[0]} ${formatValue(x)}, ${names[1]} ${formatValue(y)}`;
  if (Number.isNaN(value)) return `${where}: not computed`;
  if (!Number.isFinite(value)) return `${where}: loss ${value > 0 ? '∞' : '−∞'} (diverged)`;
  return `${where}: loss ${formatValue(value)}`;
}
