import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  readSurfaceH5,
  surfaceIndex,
  surfaceQuantities,
  writeSurfaceH5,
  type SurfaceGrid,
} from '../../src/io/surfaceFile';
import { referencePath } from '../referencePath';

const ref = JSON.parse(readFileSync(referencePath('filter_norm.json'), 'utf8')).cases[0].grid as {
  xcoordinates: number[];
  ycoordinates: number[];
  train_loss: number[][];
  train_acc: number[][];
  points: [number, number, number, number][];
};
const sampleBytes = () => new Uint8Array(readFileSync(referencePath('sample_surface.h5')));

function expectRel(actual: number, expected: number, rel = 1e-10) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
}

describe('readSurfaceH5 on the reference sample_surface.h5', () => {
  it('finds the upstream datasets with their shapes', async () => {
    const grid = await readSurfaceH5(sampleBytes());
    expect(Array.from(grid.xcoordinates)).toEqual(ref.xcoordinates);
    expect(Array.from(grid.ycoordinates!)).toEqual(ref.ycoordinates);
    expect(surfaceQuantities(grid)).toEqual(['train_loss', 'train_acc']);
    expect(grid.values.train_loss.length).toBe(25);
    expect(grid.meta).toEqual({ dirFile: 'sample_directions.h5', shardIndices: null });
  });

  it('matches the grid of filter_norm.json: train_loss[i][j] is the value at (x[j], y[i])', async () => {
    const grid = await readSurfaceH5(sampleBytes());
    for (let iy = 0; iy < 5; iy++) {
      for (let ix = 0; ix < 5; ix++) {
        const k = surfaceIndex(grid, ix, iy);
        expectRel(grid.values.train_loss[k], ref.train_loss[iy][ix]);
        expectRel(grid.values.train_acc![k], ref.train_acc[iy][ix]);
      }
    }
  });

  it('agrees with the evaluation-order points (alpha, beta, loss, acc)', async () => {
    const grid = await readSurfaceH5(sampleBytes());
    for (const [alpha, beta, loss, acc] of ref.points) {
      const ix = grid.xcoordinates.indexOf(alpha);
      const iy = grid.ycoordinates!.indexOf(beta);
      expect(ix).toBeGreaterThanOrEqual(0);
      expect(iy).toBeGreaterThanOrEqual(0);
      expectRel(grid.values.train_loss[surfaceIndex(grid, ix, iy)], loss);
      expectRel(grid.values.train_acc![surfaceIndex(grid, ix, iy)], acc);
    }
  });
});

describe('writeSurfaceH5', () => {
  it('round-trips the reference file exactly', async () => {
    const grid = await readSurfaceH5(sampleBytes());
    const again = await readSurfaceH5(await writeSurfaceH5(grid));
    expect(again).toEqual(grid);
  });

  it('keeps the orientation of a non-square grid (meshgrid flat order, stored as (nx, ny))', async () => {
    const x = Float64Array.from([-1, 0, 1, 2]);
    const y = Float64Array.from([10, 20, 30]);
    const f = (a: number, b: number) => 100 * a + b; // distinct at every point
    const n = x.length * y.length;
    const loss = new Float64Array(n);
    for (let ind = 0; ind < n; ind++) loss[ind] = f(x[ind % 4], y[Math.floor(ind / 4)]);
    const grid: SurfaceGrid = {
      xcoordinates: x,
      ycoordinates: y,
      values: { train_loss: loss, test_loss: loss.map((v) => -v) },
      meta: { dirFile: 'dirs.h5', shardIndices: null },
    };
    const back = await readSurfaceH5(await writeSurfaceH5(grid));
    expect(back).toEqual(grid);
    for (let iy = 0; iy < 3; iy++) {
      for (let ix = 0; ix < 4; ix++)
        expect(back.values.train_loss[surfaceIndex(back, ix, iy)]).toBe(f(x[ix], y[iy]));
    }
  });

  it('writes and reads a 1-D slice (no ycoordinates)', async () => {
    const grid: SurfaceGrid = {
      xcoordinates: Float64Array.from([0, 0.5, 1]),
      ycoordinates: null,
      values: {
        train_loss: Float64Array.from([3, 2, NaN]),
        train_acc: Float64Array.from([10, 20, 30]),
      },
      meta: { dirFile: null, shardIndices: null },
    };
    expect(await readSurfaceH5(await writeSurfaceH5(grid))).toEqual(grid);
  });

  it('refuses to write an invalid grid and names the problem', async () => {
    const grid: SurfaceGrid = {
      xcoordinates: Float64Array.from([0, NaN]),
      ycoordinates: null,
      values: { train_loss: new Float64Array(2) },
      meta: { dirFile: null, shardIndices: null },
    };
    await expect(writeSurfaceH5(grid)).rejects.toThrow(/xcoordinates\[1\] is NaN/);
    const short = { ...grid, xcoordinates: Float64Array.from([0, 1, 2]) };
    await expect(writeSurfaceH5(short)).rejects.toThrow(
      /train_loss has 2 values, expected nx·ny = 3/,
    );
  });
});
