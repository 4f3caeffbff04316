import { describe, expect, it } from 'vitest';
import { interpolationSummary } from '../../src/core/view/interpolationSummary';

describe('interpolationSummary', () => {
  const alpha = [-0.5, 0, 0.5, 1, 1.5];

  it('reads both ends, the peak between them and monotonic descent', () => {
    const s = interpolationSummary(alpha, [9, 3, 1, 0.5, 0.7]);
    expect(s.atFrom).toEqual({ alpha: 0, loss: 3 });
    expect(s.atTo).toEqual({ alpha: 1, loss: 0.5 });
    expect(s.peak).toEqual({ alpha: 0, loss: 3 });
    expect(s.monotonic).toBe(true);
    expect(s.nonFinite).toBe(0);
  });

  it('finds a barrier between the ends and says the descent is not monotonic', () => {
    const s = interpolationSummary(alpha, [1, 2, 5, 1, 2]);
    expect(s.peak).toEqual({ alpha: 0.5, loss: 5 });
    expect(s.monotonic).toBe(false);
  });

  it('counts non-finite losses, skips them for the peak, and a gap inside [0, 1] is not monotonic', () => {
    const s = interpolationSummary(alpha, [Infinity, 3, NaN, 1, NaN]);
    expect(s.nonFinite).toBe(3);
    expect(s.peak).toEqual({ alpha: 0, loss: 3 });
    expect(s.monotonic).toBe(false);
    expect(interpolationSummary(alpha, [NaN, 3, 2, 1, Infinity]).monotonic).toBe(true); // outside [0, 1]: ignored
  });

  it('tolerates linspace rounding at the ends, and reports missing ends as null', () => {
    expect(interpolationSummary([0.1, 1 - 1e-12], [2, 1]).atTo).toEqual({
      alpha: 1 - 1e-12,
      loss: 1,
    });
    const s = interpolationSummary([-1, -0.3, 0.4, 1.1], [1, 2, 3, 4]);
    expect(s.atFrom).toBeNull();
    expect(s.atTo).toBeNull();
    expect(s.peak).toEqual({ alpha: 0.4, loss: 3 });
    expect(() => interpolationSummary([0, 1], [1])).toThrow(/2 α values but 1 losses/);
  });
});
