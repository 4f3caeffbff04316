import { describe, expect, it } from 'vitest';
import {
  lineSliceChart,
  lossTicks,
  markLabels,
  nonFiniteNote,
  polylineD,
  lossAtAlpha,
} from '../../src/core/view/lineSliceChart';

const box = { width: 420, height: 220, margin: { l: 40, r: 20, t: 10, b: 30 } };
const alphas = [-0.5, 0, 0.5, 1, 1.5];
const all = [1, 1, 1, 1, 1];

describe('the 1D slice chart', () => {
  it('maps α across the plot and loss up it, one polyline through every computed point', () => {
    const c = lineSliceChart(
      { alphas, loss: [3, 2.5, 1, 0.5, 0.6], acc: [10, 20, 60, 80, 78], computed: all },
      box,
    );
    expect(c.x(-0.5)).toBe(40);
    expect(c.x(1.5)).toBe(400);
    expect(c.log).toBe(false);
    expect(c.loss).toHaveLength(1);
    expect(c.loss[0]).toHaveLength(10);
    // Lower loss is higher on the page's y (smaller y coordinate is up): 0.5 lies below 3.
    expect(c.loss[0][7]).toBeGreaterThan(c.loss[0][1]);
    expect(c.dots).toHaveLength(10);
    expect(c.acc[0][1]).toBeCloseTo(c.yAcc(10), 9);
    expect(c.yAcc(0)).toBe(190);
    expect(c.yAcc(100)).toBe(10);
    expect(c.gaps).toEqual([]);
    expect(c.computed).toBe(5);
  });

  it('breaks the line at NaN and ∞ losses and shades a gap half-way to their neighbours', () => {
    const c = lineSliceChart(
      { alphas, loss: [2, 1, 0.5, NaN, Infinity], acc: null, computed: all },
      box,
    );
    expect(c.loss).toHaveLength(1);
    expect(c.loss[0]).toHaveLength(6);
    expect(c.nonFinite).toEqual([1, 1.5]);
    // One merged gap from half-way between α = 0.5 and 1 to the right edge.
    expect(c.gaps).toEqual([[c.x(0.75), c.x(1.5)]]);
    expect(c.acc).toEqual([]);
    const mid = lineSliceChart(
      { alphas, loss: [2, 1, NaN, 0.5, 0.6], acc: null, computed: all },
      box,
    );
    expect(mid.loss.map((p) => p.length / 2)).toEqual([2, 2]);
    expect(mid.gaps).toEqual([[mid.x(0.25), mid.x(0.75)]]);
  });

  it('skips points not computed yet, joining the computed ones around them (no gap)', () => {
    const c = lineSliceChart(
      { alphas, loss: [2, NaN, 0.5, NaN, 0.6], acc: null, computed: [1, 0, 1, 0, 1] },
      box,
    );
    expect(c.loss).toHaveLength(1);
    expect(c.loss[0]).toHaveLength(6);
    expect(c.gaps).toEqual([]);
    expect(c.nonFinite).toEqual([]);
    expect(c.computed).toBe(3);
  });

  it('draws losses that span more than 100× on a log axis with decade ticks', () => {
    const c = lineSliceChart(
      { alphas, loss: [1e4, 10, 0.5, 3, 1e5], acc: null, computed: all },
      box,
    );
    expect(c.log).toBe(true);
    expect(lossTicks(c)).toEqual([1, 10, 100, 1000, 10000, 100000]);
  });

  it('never fails on a line with nothing computed yet, or a single α', () => {
    const none = lineSliceChart(
      { alphas, loss: alphas.map(() => NaN), acc: null, computed: [0, 0, 0, 0, 0] },
      box,
    );
    expect(none.loss).toEqual([]);
    expect(none.dots).toHaveLength(0);
    const one = lineSliceChart({ alphas: [0], loss: [1], acc: null, computed: [1] }, box);
    expect(one.x(0)).toBe(220);
  });

  it('draws α in increasing order whatever order the file lists it in', () => {
    const c = lineSliceChart(
      { alphas: [1, 0, 0.5], loss: [3, 1, 2], acc: null, computed: [1, 1, 1] },
      box,
    );
    expect(Array.from(c.loss[0].filter((_, k) => k % 2 === 0))).toEqual([40, 220, 400]);
  });

  it('writes polylines as SVG paths', () => {
    expect(polylineD(Float64Array.from([0, 1, 2.25, 3]))).toBe('M0.0 1.0L2.3 3.0');
    expect(polylineD(new Float64Array(0))).toBe('');
  });

  it('names where the loss is not finite in a short phrase', () => {
    expect(nonFiniteNote([])).toBeNull();
    expect(nonFiniteNote([1.5])).toBe('at α = 1.5');
    expect(nonFiniteNote([1.4, 1.5])).toBe('at α = 1.4 and 1.5');
    expect(nonFiniteNote([1.3, 1.4, 1.5])).toBe('at 3 points from α = 1.3 to 1.5');
  });

  it('keeps mark labels inside the chart: the first reads leftwards, a label at the right edge flips', () => {
    const [init, trained] = markLabels(
      [
        { x: 100, text: 'init: 3.27' },
        { x: 300, text: 'trained: 0.519' },
      ],
      420,
      12,
    );
    expect(init).toEqual({ x: 96, anchor: 'end', text: 'init: 3.27' });
    expect(trained).toEqual({ x: 304, anchor: 'start', text: 'trained: 0.519' });
    expect(markLabels([{ x: 390, text: 'trained: 0.519' }], 420, 12)).toEqual([
      { x: 386, anchor: 'end', text: 'trained: 0.519' },
    ]);
    expect(
      markLabels(
        [
          { x: 20, text: 'init' },
          { x: 200, text: 'x' },
        ],
        420,
        12,
      )[0].anchor,
    ).toBe('start');
  });

  it('falls back to the short mark labels when the full ones would collide (360 px, large type)', () => {
    const marks = [
      { x: 114, text: 'init: 3.27', short: 'init' },
      { x: 225, text: 'trained: 0.519', short: 'trained' },
    ];
    expect(markLabels(marks, 316, 19)).toEqual([
      { x: 110, anchor: 'end', text: 'init' },
      { x: 229, anchor: 'start', text: 'trained' },
    ]);
  });
});

describe('lossAtAlpha', () => {
  it('reads the computed loss at a mark, null where it is not computed or not on the grid', () => {
    const series = { alphas: [0, 0.5, 1], loss: [3, 1, NaN], acc: null, computed: [1, 0, 1] };
    expect(lossAtAlpha(series, 0)).toBe(3);
    expect(lossAtAlpha(series, 0.5)).toBeNull();
    expect(lossAtAlpha(series, 1)).toBeNaN(); // computed, diverged: the caller says so
    expect(lossAtAlpha(series, 0.25)).toBeNull();
  });
});
