import { describe, expect, it } from 'vitest';
import { PAPER_LEVELS, paperLevels } from '../../../src/core/view/contourLevels';
import {
  landscapeContour,
  landscapeThresholds,
  thresholdSteps,
} from '../../../src/core/view/landscapeContour';

describe("the comparison view's contour levels", () => {
  it("paper: upstream plot_2d_contour's np.arange(0.1, 10, 0.5), then 10 as the top band's floor", () => {
    const l = paperLevels();
    expect(l).toHaveLength(21);
    expect(l.slice(0, 4)).toEqual([0.1, 0.6, 1.1, 1.6]);
    expect(l.slice(-3)).toEqual([9.1, 9.6, 10]);
    for (let i = 1; i < 20; i++) expect(l[i] - l[i - 1]).toBeCloseTo(PAPER_LEVELS.vlevel, 12);
    expect(paperLevels({ vmin: 1, vmax: 1, vlevel: 0.5 })).toEqual([]);
    expect(paperLevels({ vmin: 0, vmax: 1, vlevel: 0 })).toEqual([]);
  });

  it('paper thresholds do not depend on the range (so every map has the same bands); log ones do', () => {
    const a = landscapeThresholds({ min: 0.4, max: 3 }, 'paper');
    const b = landscapeThresholds({ min: 1.2, max: 9e7 }, 'paper');
    expect(a).toEqual(b);
    expect(a[0]).toBe(0); // the floor band fills a loss below 0.1
    expect(landscapeThresholds({ min: 0.4, max: 3 }, 'log')).not.toEqual(
      landscapeThresholds({ min: 1.2, max: 9e7 }, 'log'),
    );
  });

  it('a loss above 10 lies in the top band, drawn in the top colour; steps carry the bands’ t', () => {
    const xs = Float64Array.from([-1, 0, 1]),
      ys = Float64Array.from([-1, 0, 1]);
    const loss = Float64Array.from([50, 50, 50, 50, 0.5, 50, 50, 50, 1e6]);
    const { bands, thresholds } = landscapeContour(xs, ys, loss, undefined, 'paper');
    const top = bands[bands.length - 1];
    expect(top.value).toBe(10);
    expect(top.t).toBe(1);
    const steps = thresholdSteps(thresholds);
    expect(steps[steps.length - 1]).toEqual({ value: 10, t: 1 });
    // Each drawn band's colour position is the one the shared colour bar gives its level.
    for (const b of bands) expect(steps.find((s) => s.value === b.value)?.t).toBe(b.t);
  });
});
