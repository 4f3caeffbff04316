import { describe, expect, it } from 'vitest';
import {
  decisionColor,
  decisionPixels,
  hexRgb,
  pointsInDrawing,
  TOY_CLASS_COLORS,
} from '../../src/core/view/toyDecisionMap';
import { logTicks, toyTrainingCurve } from '../../src/core/view/toyTrainingCurve';

const WHITE = [255, 255, 255] as const;

describe('the toy decision map as pixels', () => {
  it('is the background where the network is unsure and leans to orange (class 0) or blue (class 1)', () => {
    expect(decisionColor(0.5, WHITE)).toEqual([255, 255, 255]);
    const orange = hexRgb(TOY_CLASS_COLORS[0]),
      blue = hexRgb(TOY_CLASS_COLORS[1]);
    const c0 = decisionColor(0, WHITE),
      c1 = decisionColor(1, WHITE);
    // 75 % of the way from white to the class colour.
    expect(c0).toEqual(orange.map((v) => Math.round(255 + (v - 255) * 0.75)));
    expect(c1).toEqual(blue.map((v) => Math.round(255 + (v - 255) * 0.75)));
    expect(decisionColor(NaN, WHITE)).toEqual(WHITE);
  });

  it("puts the map's first row (lowest y) at the bottom of the image", () => {
    const px = decisionPixels({ size: 2, prob: [1, 1, 0, 0] }, WHITE); // y low: blue, y high: orange
    const top = Array.from(px.slice(0, 3)),
      bottom = Array.from(px.slice(8, 11));
    expect(top).toEqual(decisionColor(0, WHITE));
    expect(bottom).toEqual(decisionColor(1, WHITE));
    expect(px[3]).toBe(255);
  });

  it('places points of the box in a drawing with y up', () => {
    const xy = pointsInDrawing(
      [-6, -6, 6, 6, 0, 0],
      { xmin: -6, xmax: 6, ymin: -6, ymax: 6 },
      480,
      480,
    );
    expect(Array.from(xy)).toEqual([0, 480, 480, 0, 240, 240]);
  });
});

describe('the toy training curve', () => {
  const margin = { l: 40, r: 30, t: 10, b: 30 };
  it('draws the loss on a log axis when it falls more than 100×, the lr from 0 on the right', () => {
    const loss = Float64Array.from({ length: 100 }, (_, k) => 0.7 * 0.9 ** k); // 0.7 → 2.3e-5
    const lr = Float64Array.from(
      { length: 100 },
      (_, k) => 0.015 * (1 + Math.cos((Math.PI * k) / 100)),
    );
    const c = toyTrainingCurve({ loss, lr }, 100, 400, 200, margin);
    expect(c.scales.log).toBe(true);
    expect(c.lossTicks).toEqual([1e-4, 1e-3, 1e-2, 1e-1]);
    expect(c.lrY.domain()).toEqual([0, 0.03]);
    expect(c.lrY(0)).toBe(170);
    expect(c.loss.startsWith('M40 10L')).toBe(true); // the first loss at the top left of the plot
    expect(c.lr.length).toBeGreaterThan(10);
  });

  it('keeps a linear axis for a loss that spans less than 100×', () => {
    const c = toyTrainingCurve(
      { loss: [0.7, 0.5, 0.3, 0.1], lr: [0.03, 0.03, 0.03, 0.03] },
      4,
      400,
      200,
      margin,
    );
    expect(c.scales.log).toBe(false);
    expect(c.scales.x(3)).toBe(370);
  });

  it('falls back to the ends for a log range without a power of ten inside', () => {
    expect(logTicks([2, 5])).toEqual([2, 5]);
  });
});
