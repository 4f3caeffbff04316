import { describe, expect, it } from 'vitest';
import { barLabelCentre, colourBar, colourBarLabelWidth } from '../../../src/core/view/colourBar';
import { BAR_LABEL_GAP, contourFrame } from '../../../src/core/view/contourFrame';
import { textWidth } from '../../../src/core/view/textWidth';

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

describe('room for the colour bar labels', () => {
  it("estimates a number's width from DejaVu Sans' advances, at least Arial's", () => {
    // DejaVu Sans at 11 px draws "9.4e+17" 47 px wide (measured in Chromium); Arial's digits are
    // 0.556 em, so any font of the page's stack fits in the estimate.
    expect(textWidth('9.4e+17', 11)).toBeCloseTo(47.5, 0);
    expect(textWidth('1234', 10)).toBeGreaterThan(4 * 0.556 * 10);
    expect(textWidth('9.4e+17', 22)).toBe(2 * textWidth('9.4e+17', 11));
    expect(textWidth('−1e−5', 10)).toBeGreaterThan(textWidth('1e5', 10));
  });

  it('takes the widest formatted level or top, ignoring non-finite ones', () => {
    expect(colourBarLabelWidth([0.331, 143], 9.4e17, 11)).toBe(textWidth('9.4e+17', 11));
    expect(colourBarLabelWidth([0.331, 143], undefined, 11)).toBe(textWidth('0.331', 11));
    expect(colourBarLabelWidth([1, NaN], Infinity, 11)).toBe(textWidth('1', 11));
    expect(colourBarLabelWidth([], undefined, 11)).toBe(0);
  });

  it('widens the right margin of a vertical bar until its widest label ends inside the box', () => {
    for (const [width, font] of [
      [612, 11],
      [1200, 22],
      [800, 17],
    ]) {
      const plain = contourFrame(width, 1, font);
      const label = colourBarLabelWidth([0.0282, 1.2e10], 9.4e17, font);
      const f = contourFrame(width, 1, font, true, label);
      expect(f.bar.vertical).toBe(true);
      // Before: the default room (about six digits) cut "9.4e+17" at the edge.
      expect(plain.bar.x + plain.bar.thickness + font * BAR_LABEL_GAP + label).toBeGreaterThan(
        width,
      );
      expect(f.bar.x + f.bar.thickness + font * BAR_LABEL_GAP + label).toBeLessThanOrEqual(width);
      expect(f.plot.width).toBeLessThan(plain.plot.width);
      // Short labels keep the default layout.
      expect(contourFrame(width, 1, font, true, textWidth('1.58', font))).toEqual(plain);
    }
  });
});

describe('barLabelCentre: a horizontal bar keeps its labels over itself', () => {
  it('centres a label at its tick, moved in at either end', () => {
    const w = textWidth('9.4e+17', 22);
    expect(barLabelCentre(0.5, '9.4e+17', 100, 200, 22)).toBe(200);
    expect(barLabelCentre(0, '0.331', 100, 200, 22)).toBe(100 + textWidth('0.331', 22) / 2);
    expect(barLabelCentre(1, '9.4e+17', 100, 200, 22)).toBe(300 - w / 2);
    // The top level is the maximum itself: its tick is one step short of the end, and a
    // centred label ran past it (ResNet-110-NS's 9.4e+17 at 360 px in large type).
    const c = barLabelCentre(29 / 30, '9.4e+17', 100, 200, 22);
    expect(c + w / 2).toBeLessThanOrEqual(300);
    expect(100 + 200 * (29 / 30) + w / 2).toBeGreaterThan(300);
  });
});
