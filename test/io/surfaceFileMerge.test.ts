import { describe, expect, it } from 'vitest';
import {
  readSurfaceExtras,
  readSurfaceH5,
  writeSurfaceH5,
  type SurfaceGrid,
} from '../../src/io/surfaceFile';
import {
  mergeSurfaceExtras,
  mergeSurfaceGrids,
  shardFlatIndices,
  takeShard,
} from '../../src/io/surfaceFileMerge';

function wholeGrid(): SurfaceGrid {
  const x = Float64Array.from({ length: 7 }, (_, i) => -1 + i / 3);
  const y = Float64Array.from({ length: 4 }, (_, i) => -0.5 + i / 3);
  const n = x.length * y.length;
  const loss = Float64Array.from({ length: n }, (_, i) => Math.sin(i) + 2);
  const acc = Float64Array.from({ length: n }, (_, i) => (i * 37) % 100);
  return {
    xcoordinates: x,
    ycoordinates: y,
    values: { train_loss: loss, train_acc: acc },
    meta: { dirFile: 'd.h5', shardIndices: null },
  };
}

describe('shardFlatIndices', () => {
  it('splits 0..n-1 into contiguous blocks whose sizes differ by at most one', () => {
    const blocks = [0, 1, 2, 3, 4].map((k) => Array.from(shardFlatIndices(28, k, 5)));
    expect(blocks.map((b) => b.length)).toEqual([6, 6, 6, 5, 5]);
    expect(blocks.flat()).toEqual(Array.from({ length: 28 }, (_, i) => i));
    expect(shardFlatIndices(2, 3, 4)).toHaveLength(0);
    expect(() => shardFlatIndices(10, 4, 4)).toThrow(/index must be an integer in \[0, 4\)/);
  });
});

describe('mergeSurfaceGrids', () => {
  it('puts shards written to .h5 and read back together into the whole grid', async () => {
    const whole = wholeGrid();
    const shards = await Promise.all(
      [0, 1, 2].map(async (k) =>
        readSurfaceH5(await writeSurfaceH5(takeShard(whole, shardFlatIndices(28, k, 3)))),
      ),
    );
    expect(Array.from(shards[1].meta.shardIndices!)).toEqual(
      Array.from(shardFlatIndices(28, 1, 3)),
    );
    expect(shards[1].values.train_loss[0]).toBe(-1); // not computed by shard 1
    expect(mergeSurfaceGrids(shards)).toEqual(whole);
    expect(mergeSurfaceGrids([shards[2], shards[0], shards[1]])).toEqual(whole);
  });

  it('handles more shards than grid points (empty shards are valid files)', async () => {
    const whole: SurfaceGrid = {
      ...wholeGrid(),
      xcoordinates: Float64Array.of(0, 1),
      ycoordinates: null,
    };
    whole.values = { train_loss: Float64Array.of(5, 6) };
    const shards = await Promise.all(
      [0, 1, 2].map(async (k) =>
        readSurfaceH5(await writeSurfaceH5(takeShard(whole, shardFlatIndices(2, k, 3)))),
      ),
    );
    expect(shards[2].meta.shardIndices).toEqual(new Int32Array(0));
    expect(mergeSurfaceGrids(shards)).toEqual(whole);
  });

  it('accepts interleaved (non-contiguous) shards', () => {
    const whole = wholeGrid();
    const even = Int32Array.from({ length: 14 }, (_, i) => 2 * i);
    const odd = even.map((i) => i + 1);
    expect(mergeSurfaceGrids([takeShard(whole, odd), takeShard(whole, even)])).toEqual(whole);
  });

  it('reports gaps with their grid position', () => {
    const whole = wholeGrid();
    const parts = [
      takeShard(whole, shardFlatIndices(28, 0, 3)),
      takeShard(whole, shardFlatIndices(28, 2, 3)),
    ];
    expect(() => mergeSurfaceGrids(parts)).toThrow(
      /9 of 28 grid point\(s\) were computed by no shard .* flat index 10 \(ix 3, iy 1\)/,
    );
  });

  it('reports overlaps, naming both shards', () => {
    const whole = wholeGrid();
    const a = takeShard(
      whole,
      Int32Array.from({ length: 15 }, (_, i) => i),
    );
    const b = takeShard(
      whole,
      Int32Array.from({ length: 14 }, (_, i) => 14 + i),
    );
    expect(() => mergeSurfaceGrids([a, b], { labels: ['a.h5', 'b.h5'] })).toThrow(
      /1 grid point\(s\) were computed by more than one shard, e.g. flat index 14 \(ix 0, iy 2\) in a.h5 and b.h5/,
    );
  });

  it('refuses shards of different grids, quantities or directions', () => {
    const whole = wholeGrid();
    const a = takeShard(whole, shardFlatIndices(28, 0, 2));
    const b = takeShard(whole, shardFlatIndices(28, 1, 2));
    const moved = { ...b, xcoordinates: b.xcoordinates.map((v, i) => (i === 3 ? v + 1e-9 : v)) };
    expect(() => mergeSurfaceGrids([a, moved])).toThrow(
      /different xcoordinates \(xcoordinates\[3\]/,
    );
    const fewer = { ...b, ycoordinates: b.ycoordinates!.slice(0, 3) };
    expect(() => mergeSurfaceGrids([a, fewer])).toThrow(
      /shard 1: train_loss has 28 values, expected nx·ny = 21/,
    );
    const noAcc = { ...b, values: { train_loss: b.values.train_loss } };
    expect(() => mergeSurfaceGrids([a, noAcc])).toThrow(
      /quantities \[train_loss\] but shard 0 has \[train_loss,train_acc\]/,
    );
    const otherDirs = { ...b, meta: { ...b.meta, dirFile: 'other.h5' } };
    expect(() => mergeSurfaceGrids([a, otherDirs])).toThrow(/must share their directions/);
    expect(() => mergeSurfaceGrids([])).toThrow(/no shards/);
  });
});

describe('extra datasets (e.g. hessian_*) across shards', () => {
  const extras = () => ({
    directions: 'hessian',
    hessian_eigenvalues: Float64Array.of(27.5, 20.25),
    hessian_iterations: Int32Array.of(30, 30),
  });

  it('are read back from a shard file with their types, the layout itself left out', async () => {
    const bytes = await writeSurfaceH5(
      takeShard(wholeGrid(), shardFlatIndices(28, 0, 2)),
      extras(),
    );
    expect(await readSurfaceExtras(bytes)).toEqual(extras());
  });

  it("merge keeps the first shard's values and names those the shards do not all share", () => {
    expect(mergeSurfaceExtras([extras(), extras()])).toEqual({ extras: extras(), differing: [] });
    const other = { ...extras(), hessian_eigenvalues: Float64Array.of(27.5, 20.5) };
    const { directions: _, ...lacking } = extras();
    const m = mergeSurfaceExtras([extras(), other, lacking]);
    expect(m.extras).toEqual(extras());
    expect(m.differing).toEqual(['directions', 'hessian_eigenvalues']);
    expect(mergeSurfaceExtras([{}, { note: 'x' }])).toEqual({
      extras: { note: 'x' },
      differing: ['note'],
    });
    // same numbers, different type: not the same dataset
    expect(
      mergeSurfaceExtras([{ a: Int32Array.of(1) }, { a: Float64Array.of(1) }]).differing,
    ).toEqual(['a']);
  });
});
