/**
 * Sharded surfaces: one job per Slurm array task computes a subset of the grid's flat indices
 * and writes a full-size surface file (uncomputed points = -1) plus `shard_indices`.
 * `mergeSurfaceGrids` puts the shards back together and refuses anything ambiguous.
 */
import { H5FormatError } from './h5wasmLoader';
import { shardBounds } from '../core/shardBounds';
import {
  NOT_COMPUTED,
  assertValidSurfaceGrid,
  surfaceQuantities,
  surfaceSize,
  type SurfaceExtras,
  type SurfaceGrid,
  type SurfaceValues,
} from './surfaceFile';

/**
 * The flat indices shard `shard` of `count` computes: a contiguous block, sizes differing by at
 * most one (the first `total % count` shards get one extra). `shard` is 0-based.
 */
export function shardFlatIndices(total: number, shard: number, count: number): Int32Array {
  if (!Number.isInteger(total) || total < 0)
    throw new RangeError(`shard: total must be a non-negative integer, got ${total}`);
  if (!Number.isInteger(count) || count < 1)
    throw new RangeError(`shard: count must be a positive integer, got ${count}`);
  if (!Number.isInteger(shard) || shard < 0 || shard >= count) {
    throw new RangeError(`shard: index must be an integer in [0, ${count}), got ${shard}`);
  }
  const [start, end] = shardBounds(total, shard, count);
  return Int32Array.from({ length: end - start }, (_, k) => start + k);
}

/** A copy of `grid` that keeps only `indices` (others set to -1) and records them as a shard. */
export function takeShard(grid: SurfaceGrid, indices: Int32Array): SurfaceGrid {
  const { n } = surfaceSize(grid);
  const values = {} as SurfaceValues;
  for (const q of surfaceQuantities(grid)) {
    const src = grid.values[q]!;
    const dst = new Float64Array(n).fill(NOT_COMPUTED);
    for (const i of indices) dst[i] = src[i];
    values[q] = dst;
  }
  const shard: SurfaceGrid = {
    xcoordinates: grid.xcoordinates.slice(),
    ycoordinates: grid.ycoordinates?.slice() ?? null,
    values,
    meta: { dirFile: grid.meta.dirFile, shardIndices: Int32Array.from(indices) },
  };
  assertValidSurfaceGrid(shard, 'shard');
  return shard;
}

export interface MergeOptions {
  /** Names for the parts in error messages (e.g. file names); default "shard 0", "shard 1", … */
  labels?: readonly string[];
}

/**
 * Merges shards into one whole grid. A part without `shard_indices` counts as covering the whole
 * grid. Errors (H5FormatError) on: no parts, different coordinates, different quantities or
 * dir_file, a flat index computed by two shards, or flat indices that no shard computed.
 */
export function mergeSurfaceGrids(
  parts: readonly SurfaceGrid[],
  options: MergeOptions = {},
): SurfaceGrid {
  if (parts.length === 0) throw new H5FormatError('merge: no shards given');
  const label = (k: number) => options.labels?.[k] ?? `shard ${k}`;
  parts.forEach((p, k) => assertValidSurfaceGrid(p, `merge: ${label(k)}`));
  const first = parts[0];
  const quantities = surfaceQuantities(first);
  const { nx, n } = surfaceSize(first);
  const twoD = first.ycoordinates !== null;

  for (let k = 1; k < parts.length; k++) {
    const p = parts[k];
    const c =
      compareCoordinates('xcoordinates', first.xcoordinates, p.xcoordinates) ??
      compareCoordinates('ycoordinates', first.ycoordinates, p.ycoordinates);
    if (c) throw new H5FormatError(`merge: ${label(k)} and ${label(0)} have different ${c}`);
    const q = surfaceQuantities(p);
    if (q.join() !== quantities.join()) {
      throw new H5FormatError(
        `merge: ${label(k)} has quantities [${q}] but ${label(0)} has [${quantities}]`,
      );
    }
    if (p.meta.dirFile !== first.meta.dirFile) {
      throw new H5FormatError(
        `merge: ${label(k)} was computed with dir_file ${JSON.stringify(p.meta.dirFile)} but ${label(0)} with ` +
          `${JSON.stringify(first.meta.dirFile)}; shards of one surface must share their directions`,
      );
    }
  }

  const owner = new Int32Array(n).fill(-1);
  const overlaps: string[] = [];
  let overlapCount = 0;
  parts.forEach((p, k) => {
    const idx = p.meta.shardIndices ?? Int32Array.from({ length: n }, (_, i) => i);
    for (const i of idx) {
      if (owner[i] >= 0) {
        overlapCount += 1;
        if (overlaps.length < 5)
          overlaps.push(`${i} ${point(i, nx, twoD)} in ${label(owner[i])} and ${label(k)}`);
      } else owner[i] = k;
    }
  });
  if (overlapCount > 0) {
    throw new H5FormatError(
      `merge: ${overlapCount} grid point(s) were computed by more than one shard, e.g. flat index ${overlaps.join('; ')}`,
    );
  }
  const gaps: number[] = [];
  for (let i = 0; i < n; i++) if (owner[i] < 0) gaps.push(i);
  if (gaps.length > 0) {
    const shown = gaps.slice(0, 5).map((i) => `${i} ${point(i, nx, twoD)}`);
    throw new H5FormatError(
      `merge: ${gaps.length} of ${n} grid point(s) were computed by no shard (missing shard?), e.g. flat index ${shown.join(', ')}`,
    );
  }

  const values = {} as SurfaceValues;
  for (const q of quantities) {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = parts[owner[i]].values[q]![i];
    values[q] = out;
  }
  return {
    xcoordinates: first.xcoordinates.slice(),
    ycoordinates: first.ycoordinates?.slice() ?? null,
    values,
    meta: { dirFile: first.meta.dirFile, shardIndices: null },
  };
}

function point(i: number, nx: number, twoD: boolean): string {
  return twoD ? `(ix ${i % nx}, iy ${Math.floor(i / nx)})` : `(ix ${i})`;
}

function compareCoordinates(
  name: string,
  a: Float64Array | null,
  b: Float64Array | null,
): string | null {
  if (a === null || b === null)
    return a === b ? null : `${name} (present in one, absent in the other)`;
  if (a.length !== b.length) return `${name} lengths (${a.length} vs ${b.length})`;
  for (let i = 0; i < a.length; i++) {
    if (a[i] !== b[i]) return `${name} (${name}[${i}] = ${a[i]} vs ${b[i]})`;
  }
  return null;
}

/**
 * The extra datasets (e.g. a Hessian-direction run's `hessian_*`) of the merged file: every name
 * any shard has, with the first shard's value. Shards of one surface should agree; `differing`
 * names those that some shard lacks or holds with another value, for the caller to report.
 */
export function mergeSurfaceExtras(parts: readonly SurfaceExtras[]): {
  extras: SurfaceExtras;
  differing: string[];
} {
  const extras: SurfaceExtras = {};
  const differing = new Set<string>();
  for (const p of parts)
    for (const [name, v] of Object.entries(p)) if (!(name in extras)) extras[name] = v;
  for (const [name, v] of Object.entries(extras)) {
    if (parts.some((p) => !(name in p) || !sameExtra(p[name], v))) differing.add(name);
  }
  return { extras, differing: [...differing].sort() };
}

function sameExtra(a: SurfaceExtras[string], b: SurfaceExtras[string]): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b;
  return (
    a.constructor === b.constructor &&
    a.length === b.length &&
    a.every((v, i) => Object.is(v, b[i]))
  );
}
