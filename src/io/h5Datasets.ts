/** Small typed readers over h5wasm entities, with error messages that name the dataset. */
import { H5FormatError, type H5Dataset, type H5File, type H5Group } from './h5wasmLoader';

export interface NumericArray {
  shape: number[];
  /** Row-major (C order) values, converted to float64. */
  values: Float64Array;
}

export const H5T_INTEGER = 0;
const H5T_FLOAT = 1;
export const H5T_STRING = 3;

/** The dataset at `path`, or null if nothing is there; throws if `path` is a group or a link. */
export function getDataset(parent: H5File | H5Group, path: string, what: string): H5Dataset | null {
  const entity = parent.get(path);
  if (entity === null || entity === undefined) return null;
  const type = (entity as { type?: string }).type ?? 'reference';
  if (type !== 'Dataset') {
    throw new H5FormatError(`${what}: '${path}' is a ${type}, expected a dataset`);
  }
  return entity as H5Dataset;
}

/** The group at `path`, or null if nothing is there; throws if `path` is something else. */
export function getGroup(parent: H5File | H5Group, path: string, what: string): H5Group | null {
  const entity = parent.get(path);
  if (entity === null || entity === undefined) return null;
  const type = (entity as { type?: string }).type ?? 'reference';
  if (type !== 'Group') {
    throw new H5FormatError(`${what}: '${path}' is a ${type}, expected a group`);
  }
  return entity as H5Group;
}

/** Reads an integer or float dataset as float64 values with its shape. */
export function readNumeric(dataset: H5Dataset, what: string): NumericArray {
  const meta = dataset.metadata;
  const label = `${what}: dataset '${dataset.path}'`;
  if (meta.type !== H5T_INTEGER && meta.type !== H5T_FLOAT) {
    throw new H5FormatError(
      `${label} has HDF5 type class ${meta.type} (dtype ${dataset.dtype}), expected numbers`,
    );
  }
  const shape = (dataset.shape ?? []).map(Number);
  const raw = dataset.value as unknown;
  const expected = shape.reduce((a, b) => a * b, 1);
  let values: Float64Array;
  if (raw instanceof Float64Array) values = raw;
  else if (ArrayBuffer.isView(raw) && !(raw instanceof DataView)) {
    const src = raw as unknown as ArrayLike<number | bigint>;
    values = new Float64Array(src.length);
    for (let i = 0; i < src.length; i++) values[i] = Number(src[i]);
  } else if (typeof raw === 'number' || typeof raw === 'bigint') {
    values = Float64Array.of(Number(raw));
  } else {
    throw new H5FormatError(`${label} could not be read as numbers (dtype ${dataset.dtype})`);
  }
  if (values.length !== expected) {
    throw new H5FormatError(
      `${label} holds ${values.length} values but its shape [${shape}] needs ${expected}`,
    );
  }
  return { shape, values };
}

/** Reads a scalar (or one-element) string dataset. */
export function readString(dataset: H5Dataset, what: string): string {
  const label = `${what}: dataset '${dataset.path}'`;
  if (dataset.metadata.type !== H5T_STRING) {
    throw new H5FormatError(`${label} has dtype ${dataset.dtype}, expected a string`);
  }
  const raw = dataset.value as unknown;
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && raw.length === 1 && typeof raw[0] === 'string') return raw[0];
  throw new H5FormatError(`${label} is not a single string`);
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
