import { shardBounds } from '../../core/shardBounds';
/**
 * Grid coordinates, the flat evaluation order and shards, as plot_surface.py lays them out.
 *
 * Flat index `ind` enumerates np.meshgrid(x, y) raveled: ind ↔ (x[ind % nx], y[⌊ind / nx⌋]),
 * so a "row" (constant ⌊ind / nx⌋) is one y value. A 1D slice is the case ny = 1.
 */

export interface Axis {
  min: number;
  max: number;
  /** Number of points (the resolution knob), ≥ 1. */
  num: number;
}

/** np.linspace(min, max, num): min + i·(max − min)/(num − 1), with the last point exactly max. */
export function linspace({ min, max, num }: Axis): number[] {
  if (!Number.isInteger(num) || num < 1)
    throw new Error(`axis: num must be a positive integer, got ${num}`);
  if (num === 1) return [min];
  const step = (max - min) / (num - 1);
  return Array.from({ length: num }, (_, i) => (i === num - 1 ? max : min + i * step));
}

export interface Shard {
  /** 0-based shard number, < count. */
  index: number;
  count: number;
}

/**
 * The contiguous part [start, end) of the flat order that shard `index` of `count` computes
 * (np.array_split: the first total % count shards get one extra point), so concatenating
 * the shards' results in index order gives the whole grid.
 */
export function shardRange(total: number, shard: Shard = { index: 0, count: 1 }): [number, number] {
  const { index, count } = shard;
  if (
    !Number.isInteger(count) ||
    count < 1 ||
    !Number.isInteger(index) ||
    index < 0 ||
    index >= count
  ) {
    throw new Error(`shard: need 0 <= index < count, got ${index}/${count}`);
  }
  return shardBounds(total, index, count);
}

/**
 * Flat meshgrid-order values as upstream stores them: reshaped to (nx, ny). For square grids
 * this is grid[i][j] = value at (x[j], y[i]) (rows are y), the orientation plot_2D.py expects.
 */
export function toUpstreamGrid(flat: ArrayLike<number>, nx: number, ny: number): number[][] {
  return Array.from({ length: nx }, (_, r) =>
    Array.from({ length: ny }, (_, c) => flat[r * ny + c]),
  );
}
