import { describe, expect, it } from 'vitest';
import { colourBar } from '../../../src/core/view/colourBar';
import { contourFrame } from '../../../src/core/view/contourFrame';

const bands = (values: number[]) =>
  values.map((value, i) => ({ value, t: i / (values.length - 1) }));

describe('colourBar: a contour map legend', () => {
  it('gives each band an equal step in its own colour and labels every level when few', () => {
    const bar = colourBar(bands([0.1, 1, 10]), 5, 100);
    expect(bar.steps).toEqual([
      { from: 0, to: 1 / 3, t: 0 },
      { from: 1 / 3, to: 2 / 3, t: 0.5 },
      { from: 2 / 3, to: 1, t: 1 },
    ]);
    expect(bar.ticks).toEqual([
      { at: 0, value: 0.1 },
      { at: 1 / 3, value: 1 },
      { at: 2 / 3, value: 10 },
      { at: 1, value: 100 },
    ]);
  });

  it('labels at most maxTicks levels, the lowest and the top always, in order', () => {
    const values = Array.from({ length: 29 }, (_, i) => 2 ** i);
    const bar = colourBar(bands(values), 5, 2 ** 29);
    expect(bar.ticks).toHaveLength(5);
    expect(bar.ticks[0]).toEqual({ at: 0, value: 1 });
    expect(bar.ticks[4]).toEqual({ at: 1, value: 2 ** 29 });
    for (let i = 1; i < 5; i++) expect(bar.ticks[i].at).toBeGreaterThan(bar.ticks[i - 1].at);
  });

  it('never puts two labels closer than the stride, so long labels do not overlap', () => {
    const values = Array.from({ length: 29 }, (_, i) => 2 ** i);
    for (const k of [3, 5, 8, 12, 16, 20, 29]) {
      const bar = colourBar(bands(values), k, 2 ** 29);
      expect(bar.ticks.length).toBeLessThanOrEqual(k);
      expect(bar.ticks[0].at).toBe(0);
      expect(bar.ticks[bar.ticks.length - 1].at).toBe(1);
      const gaps = bar.ticks.slice(1).map((t, i) => Math.round(29 * (t.at - bar.ticks[i].at)));
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(Math.floor(29 / (k - 1)));
    }
  });

  it('drops repeated levels and is empty without bands', () => {
    expect(colourBar(bands([1, 1, 2]), 5).steps).toHaveLength(2);
    expect(colourBar([], 5)).toEqual({ steps: [], ticks: [] });
  });
});

describe('contourFrame: a contour map, its axes and its colour bar in a box', () => {
  it('puts the bar at the right when wide, under the plot when narrow, inside the box', () => {
    for (const [width, font] of [
      [700, 12],
      [320, 12],
      [320, 17],
      [1200, 17],
    ]) {
      const f = contourFrame(width, 1, font);
      expect(f.bar.vertical).toBe(width >= 34 * font);
      expect(f.plot.width).toBeCloseTo(f.plot.height, 0);
      expect(f.plot.x + f.plot.width).toBeLessThanOrEqual(width);
      if (f.bar.vertical) {
        expect(f.bar.x).toBeGreaterThan(f.plot.x + f.plot.width);
        expect(f.bar.x + f.bar.thickness + 3 * font).toBeLessThanOrEqual(width);
        expect(f.bar.length).toBe(f.plot.height);
      } else {
        expect(f.bar.y).toBeGreaterThan(f.plot.y + f.plot.height + 2 * font);
        expect(f.bar.y + f.bar.thickness + font).toBeLessThanOrEqual(f.height);
        expect(f.bar.length).toBe(f.plot.width);
      }
    }
  });
});
