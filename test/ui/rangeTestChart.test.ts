import { describe, expect, it } from 'vitest';
import { suggest, type RangeTestStop } from '../../src/core/lrRangeTest';
import { MARK_ROWS, rangeTestChart, rangeTestSentence } from '../../src/core/view/rangeTestChart';

const box = { width: 340, height: 230, margin: { l: 50, r: 10, t: 14 + 12 * MARK_ROWS, b: 34 } };

/** A hand-made curve: lr 1e-4 … 1 over 41 steps, flat, falling, flat, then a climb. */
function curve(stop: RangeTestStop, n = 41) {
  const lrs = Float64Array.from({ length: n }, (_, i) => 1e-4 * Math.pow(1e4, i / 40));
  const smoothed = Float64Array.from({ length: n }, (_, i) =>
    i < 15 ? 10 : i < 25 ? 10 - 0.9 * (i - 15) : i < 35 ? 1 : 1 + 2 * (i - 34),
  );
  const losses = smoothed.map((v, i) => (i % 2 ? v * 1.3 : v * 0.8));
  return { lrs, losses, smoothed, suggestions: suggest(lrs, smoothed, stop) };
}

describe('the range test chart', () => {
  it('puts lr on a log axis across the plot, with a point per recorded step', () => {
    const r = curve('diverged');
    const c = rangeTestChart(r, box);
    expect(c.x(1e-4)).toBeCloseTo(50, 9);
    expect(c.x(1)).toBeCloseTo(330, 9);
    // Equal ratios of lr are equal distances: 1e-2 is half-way.
    expect(c.x(1e-2)).toBeCloseTo(190, 9);
    expect(c.points).toBe(41);
    expect(c.smoothed.match(/[ML]/g)).toHaveLength(41);
    expect(c.raw.match(/[ML]/g)).toHaveLength(41);
    expect(c.xTicks).toEqual([1e-4, 1e-3, 1e-2, 1e-1, 1]);
    // Lower loss is higher on the page: the plateau at 1 lies below the start at 10.
    expect(c.y(1)).toBeGreaterThan(c.y(10));
  });

  it('marks steepest, minimum and blow-up at their lr, labels in rows above the plot', () => {
    const r = curve('diverged');
    const s = r.suggestions;
    const c = rangeTestChart(r, box);
    expect(c.marks.map((m) => m.kind)).toEqual(['steepest', 'minimum', 'blowUp']);
    expect(c.marks[0].x).toBeCloseTo(c.x(s.steepest!.lr), 9);
    expect(c.marks[1].y).toBeCloseTo(c.y(s.minimum!.loss), 9);
    expect(c.marks[2].x).toBeCloseTo(330, 9);
    const rows = c.marks.map((m) => m.labelY);
    expect(new Set(rows).size).toBe(3);
    for (const y of rows) expect(y).toBeLessThan(box.margin.t);
    expect(Math.min(...rows)).toBeGreaterThan(0);
    // A mark on the right half reads leftwards so its label stays inside the chart.
    expect(c.marks[2].anchor).toBe('end');
    expect(c.marks[2].labelX).toBeLessThan(330);
    expect(c.band).toEqual([c.marks[0].x, c.marks[2].x]);
  });

  it('stops a curve at its first non-finite value and labels every other decade when crowded', () => {
    const lrs = Float64Array.from({ length: 100 }, (_, i) => 1e-7 * Math.pow(1e8, i / 99));
    const smoothed = Float64Array.from({ length: 100 }, (_, i) => (i < 90 ? 5 - i / 30 : NaN));
    const c = rangeTestChart(
      { lrs, losses: smoothed, smoothed, suggestions: suggest(lrs, smoothed, 'non-finite') },
      box,
    );
    expect(c.points).toBe(90);
    expect(c.xTicks).toEqual([1e-7, 1e-5, 1e-3, 1e-1, 10]);
    expect(c.marks.find((m) => m.kind === 'blowUp')?.y).toBe(box.margin.t);
  });

  it('states the suggestion in a sentence', () => {
    expect(rangeTestSentence(curve('diverged').suggestions)).toMatch(
      /^Steepest descent at lr [\d.]+; lowest smoothed loss at [\d.]+; blows up at 1; OneCycle max_lr 0\.1 \(blow-up lr \/ 10\)\.$/,
    );
    expect(rangeTestSentence(curve('completed').suggestions)).toContain(
      'nothing blew up; OneCycle max_lr',
    );
    const none = { steepest: null, minimum: null, blowUp: null, range: null, maxLr: null };
    expect(rangeTestSentence(none)).toBe('Nothing blew up; no max_lr to suggest.');
    expect(rangeTestChart({ ...curve('completed'), suggestions: none }, box).marks).toEqual([]);
  });
});
