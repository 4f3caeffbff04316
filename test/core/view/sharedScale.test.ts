import { describe, expect, it } from 'vitest';
import { contourLevels } from '../../../src/core/view/contourLevels';
import {
  SHARED_LOSS_CEILING,
  bandThresholds,
  sharedLossScale,
  sharedRange,
} from '../../../src/core/view/sharedScale';

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

  it('tops a shared loss scale at the ceiling when a map rises above it, and says so', () => {
    expect(SHARED_LOSS_CEILING).toBe(100);
    // ResNet-110-NS's walls (≈3·10¹⁷) beside a trained net's slice: one top band above 100.
    const walls = [
      { min: 0.028, max: 1.8e3 },
      { min: 3.27, max: 9.4e17 },
    ];
    expect(sharedLossScale(walls)).toEqual({ min: 0.028, max: 100, capped: true });
    // The levels then spend their decades below 100, the same in every map.
    const t = bandThresholds(sharedLossScale(walls), 20, 'logValue');
    expect(t[t.length - 1]).toBeCloseTo(100);
    expect(t.filter((v) => v < 2.3).length).toBeGreaterThan(10);
    // Within the ceiling, or wholly above it: the plain shared range.
    expect(sharedLossScale([{ min: 0.1, max: 40 }])).toEqual({ min: 0.1, max: 40, capped: false });
    expect(sharedLossScale([{ min: 200, max: 9e9 }])).toEqual({
      min: 200,
      max: 9e9,
      capped: false,
    });
    expect(sharedLossScale([{ min: 1, max: 1e6 }], 10)).toEqual({ min: 1, max: 10, capped: true });
    expect(sharedLossScale([{ min: NaN, max: NaN }]).capped).toBe(false);
  });
});
