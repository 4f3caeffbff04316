import { contourLevels, type LevelSpacing } from './contourLevels';

/** A value range: the least and greatest finite values of a map. */
export interface ValueRange {
  min: number;
  max: number;
}

/**
 * One range that covers every map's (finite) range, so maps drawn side by side with it give the
 * same colour to the same value: a lower loss looks lower in either panel. Ranges that are not
 * finite (a map with nothing computed yet) are left out; none left gives NaN bounds.
 */
export function sharedRange(ranges: readonly ValueRange[]): ValueRange {
  let min = Infinity,
    max = -Infinity;
  for (const r of ranges) {
    if (!(Number.isFinite(r.min) && Number.isFinite(r.max))) continue;
    min = Math.min(min, r.min);
    max = Math.max(max, r.max);
  }
  return min <= max ? { min, max } : { min: NaN, max: NaN };
}

/**
 * The top of a shared loss scale. Li et al.'s figures stop their contours at 10 (upstream
 * plot_2d_contour's vmax); without a top, one map whose walls reach 10¹⁷ (ResNet-110-NS, an
 * untrained plain net) spent 15 of the shared log scale's 19 decades on itself and left every
 * trained net's basin in the bottom few bands. 100 is about 43× the loss of guessing among 10
 * classes (ln 10): everything above it is one top band, and the colour bar says "and above".
 */
export const SHARED_LOSS_CEILING = 100;

/** A shared range whose top may be the ceiling rather than the greatest value (`capped`). */
export interface SharedScale extends ValueRange {
  capped: boolean;
}

/**
 * sharedRange, its top lowered to `ceiling` when some map rises above it (a range wholly above
 * the ceiling is kept as it is). Values above the top fall in the top band (contours) and on the
 * top height (3D).
 */
export function sharedLossScale(
  ranges: readonly ValueRange[],
  ceiling = SHARED_LOSS_CEILING,
): SharedScale {
  const r = sharedRange(ranges);
  return r.max > ceiling && r.min < ceiling
    ? { min: r.min, max: ceiling, capped: true }
    : { ...r, capped: false };
}

/**
 * The thresholds of filled contour bands over `range`: its minimum first (so the band below the
 * lowest line is filled too), then `count` levels spaced as `spacing` says.
 */
export function bandThresholds(range: ValueRange, count: number, spacing: LevelSpacing): number[] {
  return Number.isFinite(range.min) ? [range.min, ...contourLevels(range, count, spacing)] : [];
}
