import { describe, expect, it } from 'vitest';
import {
  chooseAxis,
  clippedPoints,
  lossView,
  symlogTicks,
  viewExtent,
  type ViewSeries,
} from '../../../src/core/view/lossView';

const series = (id: string, values: number[], divergedAt: number | null = null): ViewSeries => ({
  id,
  values,
  divergedAt,
});
const M = { l: 10, r: 10, t: 10, b: 10 };

/** The drawn y extent of a series (min, max over its polyline) in drawing units. */
function yExtent(xy: Float64Array): [number, number] {
  let lo = Infinity,
    hi = -Infinity;
  for (let i = 1; i < xy.length; i += 2) {
    lo = Math.min(lo, xy[i]);
    hi = Math.max(hi, xy[i]);
  }
  return [lo, hi];
}

describe('lossView: the value range and axis of the race charts', () => {
  const healthy = series('adam', [4, 3, 2, 1.5, 1.2, 1.1]);

  it('takes the range from the runs that did not diverge: the others keep their pixels', () => {
    const alone = lossView([healthy], 6, 300, 200, { margin: M });
    const blowUp = series('sgd', [4, 30, 900, 1e6, 1e150, NaN], 6);
    const both = lossView([healthy, blowUp], 6, 300, 200, { margin: M });
    expect(both.y.domain()).toEqual(alone.y.domain());
    expect(both.kind).toBe(alone.kind);
    const a = yExtent(clippedPoints(healthy.values, alone, alone.clips[0]));
    const b = yExtent(clippedPoints(healthy.values, both, both.clips[0]));
    expect(b).toEqual(a);
  });

  it('clips a diverged run at the edge where it left the view, and says where it diverged', () => {
    const blowUp = series('sgd', [4, 3.5, 900, 1e6, NaN], 5);
    const v = lossView([healthy, blowUp], 6, 300, 200, { margin: M });
    expect(v.clips[0]).toEqual({ id: 'adam', end: 6, exit: null, divergedAt: null });
    expect(v.clips[1]).toMatchObject({ end: 2, exit: { step: 2, edge: 'top' }, divergedAt: 5 });
    const xy = clippedPoints(blowUp.values, v, v.clips[1]);
    expect(xy).toHaveLength(6); // two points in view, then the edge
    expect(xy[4]).toBeCloseTo(v.x(2));
    expect(xy[5]).toBe(M.t); // on the top edge
  });

  it('marks a run that climbs out of view without a non-finite value at the step it left', () => {
    const v = lossView([series('a', [1, 2, 3]), series('b', [1, 1e9, 1e12])], 3, 100, 100, {
      margin: M,
    });
    expect(v.y.domain()[1]).toBe(3);
    expect(v.clips[1]).toMatchObject({ end: 1, exit: { step: 1, edge: 'top' }, divergedAt: 1 });
  });

  it('with every run diverged, shows their values before the cap', () => {
    const e = viewExtent([series('a', [2, 5, 1e9], 3), series('b', [2, 1, 1e5], 3)], 100);
    expect([e.lo, e.hi]).toEqual([1, 5]);
  });

  it('uses log when positive values span more than 100×, symlog when they cross zero', () => {
    expect(lossView([series('a', [100, 10, 1, 0.1])], 4, 100, 100).kind).toBe('log');
    expect(lossView([series('a', [5, 4, 3])], 3, 100, 100).kind).toBe('linear');
    expect(lossView([series('a', [50, 1, -0.01, -0.2])], 4, 100, 100).kind).toBe('symlog');
    expect(lossView([series('a', [2, 1, -1])], 3, 100, 100).kind).toBe('linear');
    expect(chooseAxis({ lo: 0, hi: 0, minPositive: Infinity, minAbs: Infinity })).toBe('linear');
  });

  it('a symlog axis keeps the sign and order of values on both sides of zero', () => {
    const v = lossView([series('a', [50, 1, -0.01, -0.2])], 4, 100, 110, { margin: M });
    expect(v.y(0)).toBeLessThan(v.y(-0.2));
    expect(v.y(1)).toBeLessThan(v.y(0));
    expect(v.y(50)).toBeCloseTo(M.t);
    expect(v.yTicks).toContain(0);
    expect(v.yTicks.some((t) => t < 0) && v.yTicks.some((t) => t > 0)).toBe(true);
    expect(symlogTicks(-0.2, 50, 0.01)).toEqual([-0.1, -0.01, 0, 0.01, 0.1, 1, 10]);
  });

  it('a forced log axis shows small learning rates by decades; a constant lr is not flat at 0', () => {
    const lrs = [series('adam', [1e-4, 1e-4]), series('sgd', [0.5, 0.5])];
    expect(lossView(lrs, 2, 100, 100, { axis: 'auto', decades: 10 }).kind).toBe('log');
    const lin = lossView(lrs, 2, 100, 100, { axis: 'linear' });
    expect(lin.kind).toBe('linear');
    const log = lossView(lrs, 2, 100, 110, { axis: 'log', margin: M });
    expect(log.yTicks).toEqual([1e-4, 1e-3, 1e-2, 1e-1]);
    expect(log.y(1e-4)).toBeCloseTo(100);
    const one = lossView([series('adam', [1e-4, 1e-4])], 2, 100, 100, { axis: 'linear' });
    expect(one.y.domain()[0]).toBe(0);
    expect(one.y.domain()[1]).toBeGreaterThanOrEqual(2e-4);
    // A forced log axis on values that are not all positive falls back to symlog.
    expect(lossView([series('a', [1, -1])], 2, 100, 100, { axis: 'log' }).kind).toBe('symlog');
  });
});
