/**
 * Loss-surface `.h5` files in the layout of tomgoldstein/loss-landscape (`plot_surface.py`):
 *
 *   dir_file      scalar string  path of the direction file (optional here)
 *   xcoordinates  float64[nx]
 *   ycoordinates  float64[ny]    absent for a 1-D slice
 *   train_loss    float64, shape (nx, ny) (2-D) or (nx,) (1-D)   required
 *   train_acc, test_loss, test_acc                               optional, same shape
 *   shard_indices int32[k]       our extension: flat indices a shard computed (docs/DATA.md)
 *   …             extras         our extension: further 1-D datasets or strings passed to
 *                                writeSurfaceH5 (e.g. hessian_eigenvalues), ignored when read
 *
 * Orientation: the data are stored in np.meshgrid(x, y) flat order whatever the declared shape,
 * so flat index `ind` <-> (x[ind % nx], y[floor(ind / nx)]). For square grids that means
 * train_loss[i][j] is the value at (x[j], y[i]): rows are y. `SurfaceGrid.values` keeps that flat
 * order; use `surfaceIndex(grid, ix, iy)`.
 */
import {
  getDataset,
  H5T_INTEGER,
  H5T_STRING,
  numericShape,
  readNumeric,
  readString,
  shapeText,
} from './h5Datasets';
import { H5FormatError, h5ToBytes, withH5Bytes, type H5File } from './h5wasmLoader';

export const SURFACE_QUANTITIES = ['train_loss', 'train_acc', 'test_loss', 'test_acc'] as const;
export type SurfaceQuantity = (typeof SURFACE_QUANTITIES)[number];

/** Flat (meshgrid-order) value arrays, each of length nx·ny. Upstream marks "not computed" with -1. */
export type SurfaceValues = { train_loss: Float64Array } & Partial<
  Record<Exclude<SurfaceQuantity, 'train_loss'>, Float64Array>
>;

export interface SurfaceMeta {
  /** Contents of `dir_file` (the direction file's path), or null when the file has none. */
  dirFile: string | null;
  /** Flat indices that this shard computed (`shard_indices`); null = the whole grid. */
  shardIndices: Int32Array | null;
}

export interface SurfaceGrid {
  xcoordinates: Float64Array;
  /** null for a 1-D slice. */
  ycoordinates: Float64Array | null;
  values: SurfaceValues;
  meta: SurfaceMeta;
}

export const SHARD_INDICES = 'shard_indices';
/** Value upstream writes into points that have not been computed yet. */
export const NOT_COMPUTED = -1;

const WHAT = 'surface file';

/**
 * Limits on what a surface file may declare, checked on the datasets' shapes before their data
 * are read: upstream's and our grids are at most a few hundred points a side (the CLI's --grid
 * stops at 201), so these leave room while refusing a file that would need gigabytes.
 */
export const SURFACE_MAX_AXIS = 10_000;
export const SURFACE_MAX_POINTS = 1_048_576;
/**
 * The largest file worth reading at all: a grid at SURFACE_MAX_POINTS holds 8 MB per float64
 * quantity, so even a dozen quantities stay far below this. The page checks it before reading a
 * picked file into memory (a multi-gigabyte file would fail there, outside any message).
 */
export const SURFACE_MAX_FILE_BYTES = 256 * 2 ** 20;

/** Why a file of `bytes` bytes is refused before it is read, or null. */
export function surfaceFileSizeError(bytes: number): string | null {
  if (bytes <= SURFACE_MAX_FILE_BYTES) return null;
  const mb = (n: number) => `${Math.round(n / 2 ** 20).toLocaleString('en-US')} MB`;
  return `the file is ${mb(bytes)}, over the limit of ${mb(SURFACE_MAX_FILE_BYTES)} for a surface file (at most ${SURFACE_MAX_POINTS.toLocaleString('en-US')} grid points)`;
}

/** nx, ny (1 for a 1-D slice) and the number of grid points. */
export function surfaceSize(grid: Pick<SurfaceGrid, 'xcoordinates' | 'ycoordinates'>): {
  nx: number;
  ny: number;
  n: number;
} {
  const nx = grid.xcoordinates.length;
  const ny = grid.ycoordinates?.length ?? 1;
  return { nx, ny, n: nx * ny };
}

/** Flat index of the point (x[ix], y[iy]). */
export function surfaceIndex(
  grid: Pick<SurfaceGrid, 'xcoordinates'>,
  ix: number,
  iy: number,
): number {
  return iy * grid.xcoordinates.length + ix;
}

/** The quantities present in `grid`, in canonical order. */
export function surfaceQuantities(grid: Pick<SurfaceGrid, 'values'>): SurfaceQuantity[] {
  return SURFACE_QUANTITIES.filter((q) => grid.values[q] !== undefined);
}

/** A grid over `x` × `y` with every listed quantity filled with -1 (upstream's "not computed"). */
export function emptySurfaceGrid(
  xcoordinates: Float64Array,
  ycoordinates: Float64Array | null,
  quantities: readonly SurfaceQuantity[] = ['train_loss', 'train_acc'],
  dirFile: string | null = null,
): SurfaceGrid {
  const { n } = surfaceSize({ xcoordinates, ycoordinates });
  const values = { train_loss: new Float64Array(n).fill(NOT_COMPUTED) } as SurfaceValues;
  for (const q of quantities) values[q] = new Float64Array(n).fill(NOT_COMPUTED);
  return { xcoordinates, ycoordinates, values, meta: { dirFile, shardIndices: null } };
}

/** Every problem with `grid` as a sentence; empty when it is valid. */
export function surfaceGridProblems(grid: SurfaceGrid): string[] {
  const problems: string[] = [];
  problems.push(...coordinateProblems('xcoordinates', grid.xcoordinates));
  if (grid.ycoordinates !== null)
    problems.push(...coordinateProblems('ycoordinates', grid.ycoordinates));
  if (problems.length > 0) return problems;
  const { n } = surfaceSize(grid);
  if (!(grid.values?.train_loss instanceof Float64Array)) problems.push('train_loss is missing');
  for (const key of Object.keys(grid.values ?? {})) {
    if (!(SURFACE_QUANTITIES as readonly string[]).includes(key)) {
      problems.push(`unknown quantity '${key}' (known: ${SURFACE_QUANTITIES.join(', ')})`);
    }
  }
  for (const q of surfaceQuantities(grid)) {
    const v = grid.values[q]!;
    if (!(v instanceof Float64Array)) problems.push(`${q} must be a Float64Array`);
    else if (v.length !== n) problems.push(`${q} has ${v.length} values, expected nx·ny = ${n}`);
  }
  const idx = grid.meta?.shardIndices;
  if (idx) problems.push(...indexProblems(idx, n));
  return problems;
}

function coordinateProblems(name: string, c: Float64Array): string[] {
  if (!(c instanceof Float64Array)) return [`${name} must be a Float64Array`];
  if (c.length === 0) return [`${name} is empty`];
  const bad = c.findIndex((v) => !Number.isFinite(v));
  if (bad >= 0) return [`${name}[${bad}] is ${c[bad]}; coordinates must be finite numbers`];
  if (c.length > 1) {
    const sign = Math.sign(c[1] - c[0]);
    for (let i = 1; i < c.length; i++) {
      if (sign === 0 || Math.sign(c[i] - c[i - 1]) !== sign) {
        return [
          `${name} must be strictly increasing or decreasing (${name}[${i - 1}] = ${c[i - 1]}, ${name}[${i}] = ${c[i]})`,
        ];
      }
    }
  }
  return [];
}

function indexProblems(idx: Int32Array, n: number): string[] {
  const seen = new Uint8Array(n);
  for (let k = 0; k < idx.length; k++) {
    const i = idx[k];
    if (!Number.isInteger(i) || i < 0 || i >= n)
      return [`${SHARD_INDICES}[${k}] = ${i} is outside the grid [0, ${n})`];
    if (seen[i]) return [`${SHARD_INDICES} lists flat index ${i} twice`];
    seen[i] = 1;
  }
  return [];
}

/** Throws an H5FormatError listing every problem with `grid`. */
export function assertValidSurfaceGrid(grid: SurfaceGrid, what = 'surface grid'): void {
  const problems = surfaceGridProblems(grid);
  if (problems.length > 0) throw new H5FormatError(`${what}: ${problems.join('; ')}`);
}

/** Parses the bytes of a loss-surface `.h5` file. */
export async function readSurfaceH5(bytes: Uint8Array): Promise<SurfaceGrid> {
  return withH5Bytes(bytes, WHAT, (file) => {
    const grid = readSurfaceFromFile(file);
    assertValidSurfaceGrid(grid, WHAT);
    return grid;
  });
}

function readCoordinates(file: H5File, name: string): Float64Array | null {
  const ds = getDataset(file, name, WHAT);
  if (ds === null) return null;
  const shape = numericShape(ds, WHAT);
  if (shape.length !== 1)
    throw new H5FormatError(`${WHAT}: ${name} has shape ${shapeText(shape)}, expected 1-D`);
  return readNumeric(ds, WHAT, SURFACE_MAX_AXIS).values;
}

function readSurfaceFromFile(file: H5File): SurfaceGrid {
  const keys = file.keys();
  const x = readCoordinates(file, 'xcoordinates');
  if (x === null) {
    throw new H5FormatError(
      `${WHAT}: no 'xcoordinates' dataset (found: ${keys.join(', ') || 'nothing'})`,
    );
  }
  const y = readCoordinates(file, 'ycoordinates');
  for (const [name, c] of [
    ['xcoordinates', x],
    ['ycoordinates', y],
  ] as const) {
    if (c === null) continue;
    const problems = coordinateProblems(name, c);
    if (problems.length > 0) throw new H5FormatError(`${WHAT}: ${problems[0]}`);
  }
  const { nx, ny, n } = surfaceSize({ xcoordinates: x, ycoordinates: y });
  if (n > SURFACE_MAX_POINTS)
    throw new H5FormatError(
      `${WHAT}: the grid of ${nx} x-coordinates × ${ny} y-coordinates has ${n.toLocaleString('en-US')} points, ` +
        `over the limit of ${SURFACE_MAX_POINTS.toLocaleString('en-US')}`,
    );
  const values: Partial<Record<SurfaceQuantity, Float64Array>> = {};
  for (const q of SURFACE_QUANTITIES) {
    const ds = getDataset(file, q, WHAT);
    if (ds === null) continue;
    // The shape first, from the header: a wrong one is named without reading (or allocating) data.
    const shape = numericShape(ds, WHAT);
    const ok =
      y === null
        ? shape.length === 1 && shape[0] === nx
        : shape.length === 2 &&
          ((shape[0] === nx && shape[1] === ny) || (shape[0] === ny && shape[1] === nx));
    if (!ok) {
      const expected =
        y === null ? `[${nx}]` : `[${nx}, ${ny}]` + (nx === ny ? '' : ` (or [${ny}, ${nx}])`);
      throw new H5FormatError(
        `${WHAT}: ${q} has shape ${shapeText(shape)}, expected ${expected} for ${nx} x-coordinates` +
          (y === null ? ' and no ycoordinates' : ` and ${ny} y-coordinates`),
      );
    }
    values[q] = readNumeric(ds, WHAT, n).values; // meshgrid flat order, whatever the declared shape
  }
  if (values.train_loss === undefined) {
    throw new H5FormatError(`${WHAT}: no 'train_loss' dataset (found: ${keys.join(', ')})`);
  }
  const dirDs = getDataset(file, 'dir_file', WHAT);
  const dirFile = dirDs === null ? null : readString(dirDs, WHAT);
  const idxDs = getDataset(file, SHARD_INDICES, WHAT);
  let shardIndices: Int32Array | null = null;
  if (idxDs !== null) {
    const { shape, values: idx } = readNumeric(idxDs, WHAT, n);
    if (shape.length !== 1)
      throw new H5FormatError(
        `${WHAT}: ${SHARD_INDICES} has shape ${shapeText(shape)}, expected 1-D`,
      );
    shardIndices = Int32Array.from(idx);
    const bad = idx.findIndex((v, k) => v !== shardIndices![k]);
    if (bad >= 0)
      throw new H5FormatError(
        `${WHAT}: ${SHARD_INDICES}[${bad}] = ${idx[bad]} is not a 32-bit integer`,
      );
  }
  return {
    xcoordinates: x,
    ycoordinates: y,
    values: values as SurfaceValues,
    meta: { dirFile, shardIndices },
  };
}

/**
 * Extra top-level datasets written after the layout's own (e.g. `hessian_eigenvalues`): 1-D
 * float64 or int32 arrays, or a scalar string. Readers of upstream's layout (and readSurfaceH5)
 * ignore them; `readSurfaceExtras` reads them back (so `merge` can carry them over).
 */
export type SurfaceExtras = Record<string, Float64Array | Int32Array | string>;

const LAYOUT_NAMES: readonly string[] = [
  'dir_file',
  'xcoordinates',
  'ycoordinates',
  ...SURFACE_QUANTITIES,
  SHARD_INDICES,
];

/** Serialises `grid` to the bytes of a `.h5` file in upstream's layout (float64, shape (nx, ny)). */
export async function writeSurfaceH5(
  grid: SurfaceGrid,
  extras: SurfaceExtras = {},
): Promise<Uint8Array> {
  assertValidSurfaceGrid(grid);
  const clash = Object.keys(extras).filter(
    (k) => LAYOUT_NAMES.includes(k) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(k),
  );
  if (clash.length)
    throw new H5FormatError(
      `${WHAT}: extra dataset name(s) ${clash.join(', ')} clash with the layout or are not plain names`,
    );
  const { nx, ny } = surfaceSize(grid);
  const shape = grid.ycoordinates === null ? [nx] : [nx, ny];
  return h5ToBytes(WHAT, (file) => {
    if (grid.meta.dirFile !== null)
      file.create_dataset({ name: 'dir_file', data: grid.meta.dirFile });
    file.create_dataset({
      name: 'xcoordinates',
      data: grid.xcoordinates,
      shape: [nx],
      dtype: '<d',
    });
    if (grid.ycoordinates !== null) {
      file.create_dataset({
        name: 'ycoordinates',
        data: grid.ycoordinates,
        shape: [ny],
        dtype: '<d',
      });
    }
    for (const q of surfaceQuantities(grid)) {
      file.create_dataset({ name: q, data: grid.values[q]!, shape, dtype: '<d' });
    }
    const idx = grid.meta.shardIndices;
    if (idx !== null)
      file.create_dataset({ name: SHARD_INDICES, data: idx, shape: [idx.length], dtype: '<i' });
    for (const [name, data] of Object.entries(extras)) {
      if (typeof data === 'string') file.create_dataset({ name, data });
      else
        file.create_dataset({
          name,
          data,
          shape: [data.length],
          dtype: data instanceof Int32Array ? '<i' : '<d',
        });
    }
  });
}

/**
 * The extra top-level datasets of a surface file (everything outside the layout): strings and
 * 1-D numbers (int32 where HDF5 says integer, else float64). Anything else is refused.
 */
export async function readSurfaceExtras(bytes: Uint8Array): Promise<SurfaceExtras> {
  return withH5Bytes(bytes, WHAT, (file) => {
    const extras: SurfaceExtras = {};
    for (const name of file.keys()) {
      if (LAYOUT_NAMES.includes(name)) continue;
      const ds = getDataset(file, name, WHAT);
      if (ds === null) continue;
      if (ds.metadata.type === H5T_STRING) {
        extras[name] = readString(ds, WHAT);
        continue;
      }
      const { shape, values } = readNumeric(ds, WHAT, SURFACE_MAX_POINTS);
      if (shape.length !== 1)
        throw new H5FormatError(
          `${WHAT}: extra dataset ${name} has shape ${shapeText(shape)}, expected 1-D`,
        );
      extras[name] =
        ds.metadata.type === H5T_INTEGER ? Int32Array.from(values) : Float64Array.from(values);
    }
    return extras;
  });
}
