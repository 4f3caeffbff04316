import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { H5FormatError, h5ToBytes } from '../../src/io/h5wasmLoader';
import { readSurfaceH5 } from '../../src/io/surfaceFile';
import { readDirectionsH5 } from '../../src/io/h5Directions';
import { referencePath } from '../referencePath';

type Ds = { name: string; data: Float64Array | Int32Array | string; shape?: number[] };
function h5(datasets: Ds[]): Promise<Uint8Array> {
  return h5ToBytes('test', (f) => {
    for (const d of datasets) {
      if (typeof d.data === 'string') f.create_dataset({ name: d.name, data: d.data });
      else
        f.create_dataset({
          name: d.name,
          data: d.data,
          shape: d.shape ?? [d.data.length],
          dtype: d.data instanceof Int32Array ? '<i' : '<d',
        });
    }
  });
}
const f64 = (...v: number[]) => Float64Array.from(v);

describe('bad surface files give errors that name the problem', () => {
  it('rejects bytes that are not HDF5', async () => {
    await expect(readSurfaceH5(new TextEncoder().encode('{"json": true}'))).rejects.toThrow(
      /not an HDF5 file/,
    );
    await expect(readSurfaceH5(new Uint8Array(0))).rejects.toThrow(/empty/);
  });

  it('rejects a truncated HDF5 file without crashing', async () => {
    const bytes = new Uint8Array(readFileSync(referencePath('sample_surface.h5')));
    for (const cut of [64, 800, 2000, bytes.length - 100]) {
      await expect(readSurfaceH5(bytes.slice(0, cut))).rejects.toThrow(/surface file/);
    }
  });

  it('never crashes on corrupted bytes: it reads or throws an H5FormatError', async () => {
    const bytes = new Uint8Array(readFileSync(referencePath('sample_surface.h5')));
    let state = 12345;
    const rand = (n: number) => (state = (Math.imul(state, 1103515245) + 12345) >>> 0) % n;
    for (let trial = 0; trial < 40; trial++) {
      const bad = bytes.slice();
      const start = rand(bytes.length - 64);
      for (let i = 0; i < 1 + rand(64); i++) bad[start + i] ^= 1 + rand(255);
      try {
        await readSurfaceH5(bad);
      } catch (err) {
        expect(err).toBeInstanceOf(H5FormatError);
        expect((err as Error).message).toMatch(/^surface file: /);
      }
    }
  });

  it('rejects a direction file given as a surface file, and the reverse', async () => {
    const dirs = new Uint8Array(readFileSync(referencePath('sample_directions.h5')));
    await expect(readSurfaceH5(dirs)).rejects.toThrow(
      /no 'xcoordinates' dataset \(found: xdirection, ydirection\)/,
    );
    const surf = new Uint8Array(readFileSync(referencePath('sample_surface.h5')));
    await expect(readDirectionsH5(surf)).rejects.toThrow(/no 'xdirection' group/);
  });

  it('names missing datasets', async () => {
    const bytes = await h5([{ name: 'xcoordinates', data: f64(0, 1) }]);
    await expect(readSurfaceH5(bytes)).rejects.toThrow(
      /no 'train_loss' dataset \(found: xcoordinates\)/,
    );
  });

  it('names wrong shapes', async () => {
    const bytes = await h5([
      { name: 'xcoordinates', data: f64(0, 1, 2) },
      { name: 'ycoordinates', data: f64(0, 1) },
      { name: 'train_loss', data: new Float64Array(6), shape: [6] },
    ]);
    await expect(readSurfaceH5(bytes)).rejects.toThrow(
      /train_loss has shape \[6\], expected \[3, 2\] \(or \[2, 3\]\)/,
    );
    const oneD = await h5([
      { name: 'xcoordinates', data: f64(0, 1, 2) },
      { name: 'train_loss', data: new Float64Array(4) },
    ]);
    await expect(readSurfaceH5(oneD)).rejects.toThrow(/train_loss has shape \[4\], expected \[3\]/);
    const coords2d = await h5([
      { name: 'xcoordinates', data: new Float64Array(4), shape: [2, 2] },
      { name: 'train_loss', data: new Float64Array(4) },
    ]);
    await expect(readSurfaceH5(coords2d)).rejects.toThrow(
      /xcoordinates has shape \[2, 2\], expected 1-D/,
    );
  });

  it('rejects NaN or unordered coordinates', async () => {
    const nan = await h5([
      { name: 'xcoordinates', data: f64(0, NaN) },
      { name: 'train_loss', data: f64(1, 2) },
    ]);
    await expect(readSurfaceH5(nan)).rejects.toThrow(/xcoordinates\[1\] is NaN/);
    const dup = await h5([
      { name: 'xcoordinates', data: f64(0, 1, 1) },
      { name: 'train_loss', data: f64(1, 2, 3) },
    ]);
    await expect(readSurfaceH5(dup)).rejects.toThrow(/strictly increasing or decreasing/);
  });

  it('rejects a string where numbers belong, and bad shard indices', async () => {
    const str = await h5([
      { name: 'xcoordinates', data: 'zero to one' },
      { name: 'train_loss', data: f64(1) },
    ]);
    await expect(readSurfaceH5(str)).rejects.toThrow(/xcoordinates' has HDF5 type class 3/);
    const idx = await h5([
      { name: 'xcoordinates', data: f64(0, 1) },
      { name: 'train_loss', data: f64(1, 2) },
      { name: 'shard_indices', data: Int32Array.of(0, 2) },
    ]);
    await expect(readSurfaceH5(idx)).rejects.toThrow(
      /shard_indices\[1\] = 2 is outside the grid \[0, 2\)/,
    );
  });
});
