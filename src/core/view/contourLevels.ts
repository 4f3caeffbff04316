import type { SurfaceGrid } from './sampleGrid';

/**
 * Contour thresholds for a sampled surface. With `log` (surfaces whose values span orders of
 * magnitude, e.g. Rosenbrock) the levels are min + geometrically spaced offsets, so the floor
 * of a valley gets as many lines as its walls; otherwise they are evenly spaced.
 * Returns ascending, finite, distinct levels strictly inside (min, max].
 */
export function contourLevels(grid: Pick<SurfaceGrid, 'min' | 'max'>, count: number, log: boolean): number[] {
  const { min, max } = grid;
  if (!(Number.isFinite(min) && Number.isFinite(max)) || max <= min || count < 1) return [];
  const span = max - min;
  const levels: number[] = [];
  if (log) {
    // Offsets from 1e-4·span (the valley floor) to span, evenly spaced in log10.
    const lo = Math.log10(span) - 4, hi = Math.log10(span);
    for (let i = 0; i < count; i++) levels.push(min + Math.pow(10, lo + ((hi - lo) * i) / Math.max(1, count - 1)));
  } else {
    for (let i = 1; i <= count; i++) levels.push(min + (span * i) / (count + 1));
  }
  return levels.filter((v, i) => Number.isFinite(v) && (i === 0 || v > levels[i - 1]));
}
