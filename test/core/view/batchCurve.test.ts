import { describe, expect, it } from 'vitest';
import { batchSizeAt } from '../../../src/core/batchScaling';
import { batchChanges, batchCurve } from '../../../src/core/view/batchCurve';

describe('the batch-size schedule chart', () => {
  const sched = { milestones: [100, 200], factor: 2, change: 'batch' as const };

  it('changes B where run() does, up to N', () => {
    expect(batchChanges(300, 32, 256, sched)).toEqual([
      { step: 0, size: 32 },
      { step: 100, size: 64 },
      { step: 200, size: 128 },
    ]);
    for (const c of batchChanges(300, 32, 256, sched))
      expect(batchSizeAt(c.step, 32, 256, sched)).toBe(c.size);
    // Capped at N: the second doubling changes nothing.
    expect(batchChanges(300, 100, 256, { ...sched, factor: 3 })).toEqual([
      { step: 0, size: 100 },
      { step: 100, size: 256 },
    ]);
    // Milestones past the race, or an lr-only schedule, keep B.
    expect(batchChanges(50, 32, 256, sched)).toEqual([{ step: 0, size: 32 }]);
    expect(batchChanges(300, 32, 256, { ...sched, change: 'lr' })).toEqual([{ step: 0, size: 32 }]);
  });

  it('draws equal steps up a log₂ axis, from the left to the right edge', () => {
    const c = batchCurve(300, 32, 256, sched, 320, 90, { l: 20, r: 20, t: 10, b: 10 });
    expect(c.path).toBe('M20,80H113.3V45H206.7V10H300');
    expect(c.yTicks.map((t) => [t.value, t.y])).toEqual([
      [32, 80],
      [64, 45],
      [128, 10],
    ]);
    const flat = batchCurve(300, 32, 256, null, 320, 90, { l: 20, r: 20, t: 10, b: 10 });
    expect(flat.path).toBe('M20,45H300');
  });

  it('labels only the ends when B changes many times', () => {
    const many = { milestones: [10, 20, 30, 40, 50], factor: 2, change: 'batch' as const };
    const c = batchCurve(100, 1, 1024, many, 320, 90);
    expect(c.changes).toHaveLength(6);
    expect(c.yTicks.map((t) => t.value)).toEqual([1, 32]);
  });
});
