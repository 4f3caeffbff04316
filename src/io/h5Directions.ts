/**
 * Direction files in the layout of tomgoldstein/loss-landscape (`h5_util.write_list`):
 * groups `xdirection` and (for 2-D plots) `ydirection`, each holding datasets "0", "1", … —
 * one per parameter in `net.parameters()` order, with that parameter's shape.
 * Upstream writes float32; we read any float/integer type into float64.
 */
import { getDataset, getGroup, readNumeric, shapeText } from './h5Datasets';
import { H5FormatError, h5ToBytes, withH5Bytes, type H5File } from './h5wasmLoader';

export interface DirectionTensor {
  shape: number[];
  /** Row-major values. */
  values: Float64Array;
}

export interface DirectionFile {
  xdirection: DirectionTensor[];
  /** null for a 1-D plot's direction file. */
  ydirection: DirectionTensor[] | null;
}

const WHAT = 'direction file';

/**
 * Values one direction (all its parameters) may hold: 2²⁶ ≈ 67 million, 512 MB as float64,
 * far above the shipped presets (≈ 440 thousand) yet under what the in-memory HDF5 library can
 * allocate; checked on each dataset's declared shape before its data are read.
 */
export const DIRECTION_MAX_VALUES = 2 ** 26;

/** Parses the bytes of a direction `.h5` file. */
export async function readDirectionsH5(bytes: Uint8Array): Promise<DirectionFile> {
  return withH5Bytes(bytes, WHAT, (file) => {
    const x = readList(file, 'xdirection');
    if (x === null) {
      throw new H5FormatError(
        `${WHAT}: no 'xdirection' group (found: ${file.keys().join(', ') || 'nothing'})`,
      );
    }
    const y = readList(file, 'ydirection');
    const result = { xdirection: x, ydirection: y };
    assertValidDirections(result);
    return result;
  });
}

function readList(file: H5File, name: string): DirectionTensor[] | null {
  const group = getGroup(file, name, WHAT);
  if (group === null) return null;
  const keys = group.keys();
  const count = keys.length;
  const expected = Array.from({ length: count }, (_, i) => String(i));
  const unexpected = keys.filter((k) => !expected.includes(k));
  if (unexpected.length > 0) {
    throw new H5FormatError(
      `${WHAT}: group '${name}' holds '${unexpected[0]}'; expected datasets named 0..${count - 1}`,
    );
  }
  let budget = DIRECTION_MAX_VALUES; // what is left of it for this direction's next datasets
  return expected.map((k) => {
    const ds = getDataset(group, k, WHAT)!;
    const t = readNumeric(ds, WHAT, budget);
    budget -= t.values.length;
    return t;
  });
}

/** Throws if the two lists differ in length or shapes, or hold a non-finite value. */
export function assertValidDirections(d: DirectionFile): void {
  if (d.xdirection.length === 0) throw new H5FormatError(`${WHAT}: xdirection holds no parameters`);
  for (const [name, list] of [
    ['xdirection', d.xdirection],
    ['ydirection', d.ydirection],
  ] as const) {
    list?.forEach((t, i) => {
      const size = t.shape.reduce((a, b) => a * b, 1);
      if (t.values.length !== size) {
        throw new H5FormatError(
          `${WHAT}: ${name}/${i} has ${t.values.length} values for shape ${shapeText(t.shape)}`,
        );
      }
      const bad = t.values.findIndex((v) => !Number.isFinite(v));
      if (bad >= 0)
        throw new H5FormatError(
          `${WHAT}: ${name}/${i} holds ${t.values[bad]} at flat index ${bad}`,
        );
    });
  }
  const y = d.ydirection;
  if (y === null) return;
  if (y.length !== d.xdirection.length) {
    throw new H5FormatError(
      `${WHAT}: xdirection has ${d.xdirection.length} parameters but ydirection has ${y.length}`,
    );
  }
  d.xdirection.forEach((t, i) => {
    if (shapeText(t.shape) !== shapeText(y[i].shape)) {
      throw new H5FormatError(
        `${WHAT}: parameter ${i} has shape ${shapeText(t.shape)} in xdirection but ${shapeText(y[i].shape)} in ydirection`,
      );
    }
  });
}

/** Serialises directions; `dtype` 'float32' matches what upstream writes, 'float64' (default) is exact. */
export async function writeDirectionsH5(
  d: DirectionFile,
  options: { dtype?: 'float32' | 'float64' } = {},
): Promise<Uint8Array> {
  assertValidDirections(d);
  const f32 = options.dtype === 'float32';
  return h5ToBytes(WHAT, (file) => {
    for (const [name, list] of [
      ['xdirection', d.xdirection],
      ['ydirection', d.ydirection],
    ] as const) {
      if (list === null) continue;
      file.create_group(name);
      const group = getGroup(file, name, WHAT)!;
      list.forEach((t, i) => {
        group.create_dataset({
          name: String(i),
          data: f32 ? Float32Array.from(t.values) : t.values,
          shape: t.shape,
          dtype: f32 ? '<f' : '<d',
        });
      });
    }
  });
}
