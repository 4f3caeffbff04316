import { describe, expect, it } from 'vitest';
import { getSurface } from '../../src/core/surfaces/registry';
import { contourLevels } from '../../src/core/view/contourLevels';
import { contourPaths } from '../../src/core/view/contourPaths';
import { chartScales, seriesPath } from '../../src/core/view/lossChart';
import { sampleGrid } from '../../src/core/view/sampleGrid';
import {
  positionToValue,
  valueToPosition,
  SLIDER_POSITIONS,
} from '../../src/core/view/sliderScale';
import { trajectoryPoints } from '../../src/core/view/trajectoryPath';
import {
  keptBefore,
  keptPoints,
  polylinePath,
  trajectoryFingerprint,
} from '../../src/core/view/polyline';
import { viewScales } from '../../src/core/view/viewScales';

describe('view math', () => {
  it('spaces Rosenbrock’s contour levels geometrically above its minimum', () => {
    const grid = sampleGrid(getSurface('rosenbrock'), getSurface('rosenbrock').domain, 80, 80);
    const levels = contourLevels(grid, 20, 'log');
    const offsets = levels.map((l) => l - grid.min);
    const ratios = offsets.slice(1).map((o, i) => o / offsets[i]);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 6);
    expect(levels.at(-1)).toBeCloseTo(grid.max, 6);
    expect(contourPaths(grid, levels, 600, 600).length).toBeGreaterThan(10);
  });

  it('spaces a loss slice’s levels geometrically in the loss itself, so a basin under 10⁸-high walls still gets lines', () => {
    // ResNet-56-NS's shipped slice spans 1.69 … 8.75e7: 'log' offsets from 1e-4 of that span
    // start at 8,750 and leave the whole basin one band.
    expect(
      contourLevels({ min: 1.69, max: 8.75e7 }, 28, 'log').filter((l) => l < 100),
    ).toHaveLength(0);
    const levels = contourLevels({ min: 1.69, max: 8.75e7 }, 28, 'logValue');
    expect(levels).toHaveLength(28);
    const ratios = levels.slice(1).map((l, i) => l / levels[i]);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 9);
    expect(levels.at(-1)).toBeCloseTo(8.75e7, 0);
    expect(levels.filter((l) => l < 100).length).toBeGreaterThanOrEqual(6);
    // A narrow range (a zoomed slice) still gets every level, inside (min, max].
    const narrow = contourLevels({ min: 0.5, max: 0.9 }, 10, 'logValue');
    expect(narrow).toHaveLength(10);
    expect(narrow[0]).toBeGreaterThan(0.5);
    expect(narrow.at(-1)).toBeCloseTo(0.9, 12);
    // No positive floor (a saddle's values go below 0): the offsets of 'log'.
    expect(contourLevels({ min: -2, max: 5 }, 8, 'logValue')).toEqual(
      contourLevels({ min: -2, max: 5 }, 8, 'log'),
    );
  });

  it('maps log-slider positions to values and back, with position 0 meaning zero when asked', () => {
    const lr = { kind: 'log', min: 1e-5, max: 10 } as const;
    expect(positionToValue(lr, 0)).toBe(1e-5);
    expect(positionToValue(lr, SLIDER_POSITIONS)).toBe(10);
    for (const v of [1e-4, 3e-3, 0.1, 1])
      expect(positionToValue(lr, valueToPosition(lr, v)) / v).toBeCloseTo(1, 1);
    const wd = { kind: 'log', min: 1e-4, max: 1, zero: true } as const;
    expect(positionToValue(wd, 0)).toBe(0);
    expect(valueToPosition(wd, 0)).toBe(0);
    expect(positionToValue(wd, 1)).toBe(1e-4);
  });

  it('measures the drawn prefix of a trajectory step by step', () => {
    const s = viewScales({ xmin: 0, xmax: 10, ymin: 0, ymax: 10 }, 100, 100);
    const pts = trajectoryPoints([0, 0], new Float64Array([3, 4, 3, 4, 6, 0]), 3, s);
    expect(Array.from(pts.xy)).toEqual([0, 100, 30, 60, 30, 60, 60, 100]);
    expect(Array.from(pts.kept)).toEqual([0, 1, 3]); // step 2 repeats step 1: not drawn twice
    expect(polylinePath(pts.xy, pts.kept)).toBe('M0 100L30 60L60 100'); // one decimal at most, trailing zeros dropped
    // The prefix shown at step k: the kept points before k, then point k itself.
    expect([0, 1, 2, 3].map((k) => keptBefore(pts.kept, k))).toEqual([0, 1, 2, 2]);
  });

  it('uses a log loss axis only when the range passes 100×, and stops a curve at divergence', () => {
    expect(chartScales([{ id: 'a', values: [100, 10, 1, 0.1] }], 4, 100, 100).log).toBe(true);
    expect(chartScales([{ id: 'a', values: [5, 4, 3] }], 3, 100, 100).log).toBe(false);
    const s = chartScales([{ id: 'a', values: [3, 2, 1] }], 3, 100, 100);
    expect(seriesPath([3, 2, NaN, 1], s).split('L')).toHaveLength(2);
    const capped = chartScales(
      [
        { id: 'ok', values: [10, 1, 0.1] },
        { id: 'blows-up', values: [10, 1e80, 1e150] },
      ],
      3,
      100,
      100,
      { capFactor: 100 },
    );
    expect(capped.y.domain()[1]).toBe(10);
  });

  it('simplifies a polyline to within the tolerance, keeping its ends and corners', () => {
    // Collinear points and a pile of converged steps go; the corner at (5, 0) stays.
    const xy = new Float64Array([0, 0, 1, 0, 2, 0, 5, 0, 5, 3, 5, 3.1, 5.05, 3.1, 5, 3.1]);
    expect(Array.from(keptPoints(xy, 0.25))).toEqual([0, 3, 7]);
    expect(Array.from(keptPoints(new Float64Array([1, 2]), 0.25))).toEqual([0]);
    expect(keptPoints(new Float64Array(0)).length).toBe(0);
    // A path that returns to its start keeps the turning point.
    expect(Array.from(keptPoints(new Float64Array([0, 0, 4, 0, 0, 0]), 0.25))).toEqual([0, 1, 2]);
  });

  it('never moves a dropped point more than the tolerance away from the drawn line', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const xy = new Float64Array(2000);
    for (let i = 2; i < xy.length; i++) xy[i] = xy[i - 2] + (rnd() - 0.5) * 2;
    const kept = keptPoints(xy, 0.5);
    const segDist = (k: number, a: number, b: number) => {
      const dx = xy[2 * b] - xy[2 * a],
        dy = xy[2 * b + 1] - xy[2 * a + 1],
        px = xy[2 * k] - xy[2 * a],
        py = xy[2 * k + 1] - xy[2 * a + 1];
      const u = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy || 1)));
      return Math.hypot(px - u * dx, py - u * dy);
    };
    for (let j = 1; j < kept.length; j++)
      for (let k = kept[j - 1] + 1; k < kept[j]; k++)
        expect(segDist(k, kept[j - 1], kept[j])).toBeLessThanOrEqual(0.5 + 1e-12);
    expect(kept.length).toBeLessThan(1000);
  });

  it('fingerprints drawn trajectories: equal at 0.1 unit, different when a point moves', () => {
    const a = new Float64Array([0, 0, 10, 10]);
    expect(trajectoryFingerprint([a])).toBe(
      trajectoryFingerprint([new Float64Array([0.01, 0, 10, 10])]),
    );
    expect(trajectoryFingerprint([a])).not.toBe(
      trajectoryFingerprint([new Float64Array([0, 0, 10.5, 10])]),
    );
    expect(trajectoryFingerprint([a, a])).not.toBe(trajectoryFingerprint([a]));
  });
});
