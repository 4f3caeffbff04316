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
 * The thresholds of filled contour bands over `range`: its minimum first (so the band below the
 * lowest line is filled too), then `count` levels spaced as `spacing` says.
 */
export function bandThresholds(range: ValueRange, count: number, spacing: LevelSpacing): number[] {
  return Number.isFinite(range.min) ? [range.min, ...contourLevels(range, count, spacing)] : [];
}
