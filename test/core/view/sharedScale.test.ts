import { describe, expect, it } from 'vitest';
import { contourLevels } from '../../../src/core/view/contourLevels';
import { bandThresholds, sharedRange } from '../../../src/core/view/sharedScale';

describe('sharedScale: maps side by side on one colour scale', () => {
  it('spans every finite range and leaves out maps with nothing computed', () => {
    expect(
      sharedRange([
        { min: 0.2, max: 3 },
        { min: 1.7, max: 9e7 },
      ]),
    ).toEqual({
      min: 0.2,
      max: 9e7,
    });
    expect(
      sharedRange([
        { min: Infinity, max: -Infinity },
        { min: 1, max: 2 },
      ]),
    ).toEqual({
      min: 1,
      max: 2,
    });
    const none = sharedRange([{ min: NaN, max: NaN }]);
    expect(Number.isNaN(none.min) && Number.isNaN(none.max)).toBe(true);
  });

  it('starts the thresholds at the minimum, then the spaced levels, so one value gets one band in both maps', () => {
    const range = { min: 0.5, max: 50 };
    const t = bandThresholds(range, 4, 'logValue');
    expect(t).toEqual([0.5, ...contourLevels(range, 4, 'logValue')]);
    expect(t[0]).toBe(0.5);
    expect(t[t.length - 1]).toBeCloseTo(50);
    // A narrower map drawn with the shared thresholds uses the same levels, not its own.
    expect(bandThresholds(sharedRange([{ min: 1, max: 2 }, range]), 4, 'logValue')).toEqual(t);
    expect(bandThresholds({ min: NaN, max: NaN }, 4, 'logValue')).toEqual([]);
  });
});
