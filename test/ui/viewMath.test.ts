import { describe, expect, it } from 'vitest';
import { getSurface } from '../../src/core/surfaces/registry';
import { contourLevels } from '../../src/core/view/contourLevels';
import { contourPaths } from '../../src/core/view/contourPaths';
import { chartScales, seriesPath } from '../../src/core/view/lossChart';
import { sampleGrid } from '../../src/core/view/sampleGrid';
import { positionToValue, valueToPosition, SLIDER_POSITIONS } from '../../src/core/view/sliderScale';
import { trajectoryPoints } from '../../src/core/view/trajectoryPath';
import { viewScales } from '../../src/core/view/viewScales';

describe('view math', () => {
  it('spaces Rosenbrock’s contour levels geometrically above its minimum', () => {
    const grid = sampleGrid(getSurface('rosenbrock'), getSurface('rosenbrock').domain, 80, 80);
    const levels = contourLevels(grid, 20, true);
    const offsets = levels.map((l) => l - grid.min);
    const ratios = offsets.slice(1).map((o, i) => o / offsets[i]);
    for (const r of ratios) expect(r).toBeCloseTo(ratios[0], 6);
    expect(levels.at(-1)).toBeCloseTo(grid.max, 6);
    expect(contourPaths(grid, levels, 600, 600).length).toBeGreaterThan(10);
  });

  it('maps log-slider positions to values and back, with position 0 meaning zero when asked', () => {
    const lr = { kind: 'log', min: 1e-5, max: 10 } as const;
    expect(positionToValue(lr, 0)).toBe(1e-5);
    expect(positionToValue(lr, SLIDER_POSITIONS)).toBe(10);
    for (const v of [1e-4, 3e-3, 0.1, 1]) expect(positionToValue(lr, valueToPosition(lr, v)) / v).toBeCloseTo(1, 1);
    const wd = { kind: 'log', min: 1e-4, max: 1, zero: true } as const;
    expect(positionToValue(wd, 0)).toBe(0);
    expect(valueToPosition(wd, 0)).toBe(0);
    expect(positionToValue(wd, 1)).toBe(1e-4);
  });

  it('measures the drawn prefix of a trajectory step by step', () => {
    const s = viewScales({ xmin: 0, xmax: 10, ymin: 0, ymax: 10 }, 100, 100);
    const pts = trajectoryPoints([0, 0], new Float64Array([3, 4, 3, 4, 6, 8]), 3, s);
    expect(Array.from(pts.length)).toEqual([0, 50, 50, 100]);
    expect(pts.path).toBe('M0 100L30 60L60 20'); // one decimal at most, trailing zeros dropped
  });

  it('uses a log loss axis only when the range passes 100×, and stops a curve at divergence', () => {
    expect(chartScales([{ id: 'a', values: [100, 10, 1, 0.1] }], 4, 100, 100).log).toBe(true);
    expect(chartScales([{ id: 'a', values: [5, 4, 3] }], 3, 100, 100).log).toBe(false);
    const s = chartScales([{ id: 'a', values: [3, 2, 1] }], 3, 100, 100);
    expect(seriesPath([3, 2, NaN, 1], s).split('L')).toHaveLength(2);
    const capped = chartScales([{ id: 'ok', values: [10, 1, 0.1] }, { id: 'blows-up', values: [10, 1e80, 1e150] }], 3, 100, 100, { capFactor: 100 });
    expect(capped.y.domain()[1]).toBe(10);
  });
});
