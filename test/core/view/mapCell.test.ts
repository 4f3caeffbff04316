import { describe, expect, it } from 'vitest';
import { divergenceBound } from '../../../src/core/map/mapOutcome';
import { parseMapSpec, type SurfaceMapSpec } from '../../../src/core/map/mapSpec';
import { scalarCell } from '../../../src/core/map/surfaceCell';
import { cellLossChart } from '../../../src/core/view/cellLossChart';
import { cellBands, cellPath } from '../../../src/core/view/cellScene';
import { cellValuesText, outcomeSentence, runSettingsText } from '../../../src/core/view/mapText';

const M = { l: 40, r: 10, t: 10, b: 30 };

describe('the MLP cell loss chart', () => {
  const losses = Float64Array.from({ length: 51 }, (_, k) => 2 * Math.pow(0.8, k));

  it('spans the tolerance and the divergence bound on a log axis, the lines where their values are', () => {
    const c = cellLossChart(losses, 1e-6, 50, 400, 240, M, 12);
    expect(c.view.kind).toBe('log');
    const [lo, hi] = c.view.y.domain();
    expect(lo).toBeLessThanOrEqual(1e-6);
    expect(hi).toBe(divergenceBound(2));
    expect(c.bound.y).toBeCloseTo(M.t, 6);
    expect(c.tol.y).toBeGreaterThan(c.bound.y);
    expect(c.tol.y).toBeLessThanOrEqual(240 - M.b + 1e-9);
    // The whole converging curve is drawn, left to right.
    expect(c.xy.length).toBe(2 * 51);
    expect(c.xy[c.xy.length - 2]).toBeCloseTo(400 - M.r, 6);
  });

  it('draws a diverging curve to the top edge at the step it crossed the bound', () => {
    const bad = Float64Array.from([1, 10, 1e4, 1e7, NaN]);
    const c = cellLossChart(bad, 1e-3, 10, 400, 240, M, 12);
    expect(c.view.clips[0].exit).toEqual({ step: 3, edge: 'top' });
    expect(c.xy[c.xy.length - 1]).toBeCloseTo(M.t, 6);
  });

  it('keeps its decade ticks a line and a half apart in large type', () => {
    const c = cellLossChart(losses, 1e-9, 50, 360, 170, M, 17);
    const ys = c.view.yTicks.map((t) => c.view.y(t));
    for (let k = 1; k < ys.length; k++)
      expect(Math.abs(ys[k] - ys[k - 1])).toBeGreaterThanOrEqual(25.5);
    expect(ys.length).toBeGreaterThanOrEqual(2);
  });
});

describe('a surface cell on its contours', () => {
  const p = parseMapSpec({
    surface: 'quadratic',
    optimizer: 'sgd',
    steps: 300,
    tol: 1e-2,
    x: { key: 'lr', min: 1e-3, max: 1, log: true, n: 4 },
    y: { key: 'momentum', min: 0, max: 0.9, n: 2 },
  });
  const s = p.ok ? (p.value as SurfaceMapSpec) : null!;

  it('draws the surface in bands and the run from its start in the same drawing', () => {
    const cells = [0, 1, 2, 3].flatMap((i) => [0, 1].map((j) => scalarCell(s, i, j)));
    const cell = cells.find((c) => c.outcome.reachedAt >= 0)!;
    const scene = cellBands(cell.config, 300);
    expect(scene.width).toBe(300);
    expect(scene.bands.length).toBeGreaterThan(5);
    const path = cellPath(cell.config, cell.result, scene.width, scene.height);
    expect(path.xy.length).toBe(2 * (cell.result.steps + 1));
    // The minimum is at the origin of the quadratic: the converging run ends near its mark.
    const [mx, my] = scene.minima[0];
    const end = path.xy.length - 2;
    expect(Math.hypot(path.xy[end] - mx, path.xy[end + 1] - my)).toBeLessThan(10);
  });

  it('reads a cell as its axis values, the batch size as an integer', () => {
    expect(cellValuesText(s, { i: 0, j: 1 })).toBe('lr = 0.00237, μ = 0.675');
    const b = parseMapSpec({
      surface: 'quadratic',
      optimizer: 'sgd',
      batch: { samples: 64, noise: 1, seed: 1 },
      x: { key: 'lr', min: 1e-3, max: 1, log: true, n: 4 },
      y: { key: 'batch', min: 1, max: 64, log: true, n: 3 },
    });
    if (!b.ok) throw new Error(b.errors.join('; '));
    expect(cellValuesText(b.value, { i: 3, j: 1 })).toBe('lr = 0.422, B = 8');
  });

  it('says the run in words', () => {
    const cell = scalarCell(s, 2, 1);
    expect(runSettingsText(cell.config)).toMatch(
      /^SGD\(lr 0\.075, momentum 0\.675, .*\); start \(-4, 1\); 300 steps; exact gradient$/,
    );
    expect(outcomeSentence({ finalLoss: 1e-5, reachedAt: 37, divergedAt: -1 }, 1e-3, 200)).toBe(
      'Converged to within 0.001 at step 37; final loss 1e−5.',
    );
    expect(outcomeSentence({ finalLoss: NaN, reachedAt: -1, divergedAt: 12 }, 1e-3, 200)).toBe(
      'Diverged at step 12.',
    );
    expect(outcomeSentence({ finalLoss: 0.4, reachedAt: -1, divergedAt: -1 }, 1e-3, 200)).toBe(
      'Neither: not within 0.001 in 200 steps, and no divergence; final loss 0.4.',
    );
  });
});
