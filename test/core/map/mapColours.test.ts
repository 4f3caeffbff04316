/** A map's colours: the paper's two colours with speed as intensity, image rows top = largest y. */
import { describe, expect, it } from 'vitest';
import {
  cellRgb,
  lossRange,
  mapLegend,
  mapPixels,
  STATUS_RGB,
} from '../../../src/core/map/mapColours';
import type { MapGrid } from '../../../src/core/map/mapResult';

// 2 × 2: (0,0) converged at step 1; (1,0) diverged at step 2; (0,1) neither; (1,1) converged at 10.
const g: MapGrid = {
  finalLoss: Float32Array.of(1e-8, NaN, 0.5, 1e-4),
  reachedAt: Int32Array.of(1, -1, -1, 10),
  divergedAt: Int32Array.of(-1, 2, -1, -1),
};

describe('map colours', () => {
  it('status: fast convergence is deeper blue than slow; divergence red; neither sand', () => {
    const fast = cellRgb(g, 0, 'status', 10, null),
      slow = cellRgb(g, 3, 'status', 10, null);
    expect(fast[2]).toBeGreaterThan(fast[0]);
    expect(fast[0] + fast[1] + fast[2]).toBeLessThan(slow[0] + slow[1] + slow[2]);
    const red = cellRgb(g, 1, 'status', 10, null);
    expect(red[0]).toBeGreaterThan(red[2] + 50);
    expect(cellRgb(g, 2, 'status', 10, null)).toEqual(STATUS_RGB.bounded);
  });

  it('no mode hides a divergence', () => {
    for (const mode of ['loss', 'steps'] as const)
      expect(cellRgb(g, 1, mode, 10, lossRange(g))).toEqual(cellRgb(g, 1, 'status', 10, null));
  });

  it('loss spans the finite final losses in log10', () => {
    expect(lossRange(g)).toEqual({
      lo: expect.closeTo(-8, 5),
      hi: expect.closeTo(Math.log10(0.5), 5),
    });
  });

  it('pixels put the largest y on the top row', () => {
    const px = mapPixels(g, 2, 2, 'status', 10);
    // Top-left pixel is cell (0, 1) (neither), bottom-left is cell (0, 0).
    expect(Array.from(px.slice(0, 3))).toEqual([...STATUS_RGB.bounded]);
    expect(Array.from(px.slice(8, 11))).toEqual(cellRgb(g, 0, 'status', 10, null).map(Math.round));
    expect(px[3]).toBe(255);
  });

  it('every legend names diverged runs', () => {
    for (const mode of ['status', 'loss', 'steps'] as const)
      expect(mapLegend(mode, lossRange(g)).map((l) => l.label)).toContain('diverged early');
  });
});
