import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDirectionsH5, writeDirectionsH5, type DirectionFile } from '../../src/io/h5Directions';
import { referencePath } from '../referencePath';

interface RefParam {
  name: string;
  shape: number[];
  normalized: number[];
}
const refCase = JSON.parse(readFileSync(referencePath('filter_norm.json'), 'utf8')).cases[0];
const refDirs = refCase.directions as { x: RefParam[]; y: RefParam[] };
const bytes = () => new Uint8Array(readFileSync(referencePath('sample_directions.h5')));

describe('readDirectionsH5 on the reference sample_directions.h5', () => {
  it('holds one dataset per parameter, in parameter_order, with its shape', async () => {
    const d = await readDirectionsH5(bytes());
    expect(d.xdirection.map((t) => t.shape)).toEqual(refDirs.x.map((p) => p.shape));
    expect(d.ydirection!.map((t) => t.shape)).toEqual(refDirs.y.map((p) => p.shape));
    expect(d.xdirection).toHaveLength(refCase.model.parameter_order.length);
  });

  it('equals the filter-normalized directions of filter_norm.json (rel 1e-10)', async () => {
    const d = await readDirectionsH5(bytes());
    for (const [ours, theirs] of [
      [d.xdirection, refDirs.x],
      [d.ydirection!, refDirs.y],
    ] as const) {
      ours.forEach((t, i) => {
        expect(t.values.length).toBe(theirs[i].normalized.length);
        t.values.forEach((v, k) => {
          const r = theirs[i].normalized[k];
          expect(Math.abs(v - r)).toBeLessThanOrEqual(1e-10 * Math.max(1, Math.abs(r)));
        });
      });
    }
    // biases and BN parameters are zeroed (ignore='biasbn')
    expect(Array.from(d.xdirection[1].values)).toEqual([0, 0, 0, 0]);
  });
});

describe('writeDirectionsH5', () => {
  const dirs: DirectionFile = {
    xdirection: [
      { shape: [2, 3], values: Float64Array.from([1, 2, 3, 4, 5, 6]) },
      { shape: [2], values: Float64Array.from([0.1, 0]) },
    ],
    ydirection: [
      { shape: [2, 3], values: Float64Array.from([-1, -2, -3, -4, -5, -6]) },
      { shape: [2], values: Float64Array.from([0, 0.3]) },
    ],
  };

  it('round-trips float64 exactly, and reference files too', async () => {
    expect(await readDirectionsH5(await writeDirectionsH5(dirs))).toEqual(dirs);
    const ref = await readDirectionsH5(bytes());
    expect(await readDirectionsH5(await writeDirectionsH5(ref))).toEqual(ref);
  });

  it('writes float32 like upstream when asked', async () => {
    const back = await readDirectionsH5(await writeDirectionsH5(dirs, { dtype: 'float32' }));
    expect(back.xdirection[1].values[0]).toBe(Math.fround(0.1));
  });

  it('writes a 1-D direction file without ydirection', async () => {
    const oneD = { xdirection: dirs.xdirection, ydirection: null };
    expect(await readDirectionsH5(await writeDirectionsH5(oneD))).toEqual(oneD);
  });

  it('rejects mismatched x/y shapes and non-finite values', async () => {
    const bad = { ...dirs, ydirection: [dirs.ydirection![0]] };
    await expect(writeDirectionsH5(bad)).rejects.toThrow(
      /xdirection has 2 parameters but ydirection has 1/,
    );
    const nan = { xdirection: [{ shape: [1], values: Float64Array.of(NaN) }], ydirection: null };
    await expect(writeDirectionsH5(nan)).rejects.toThrow(/xdirection\/0 holds NaN/);
  });
});
