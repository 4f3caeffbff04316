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

/** The declared shape of a dataset, read from its header (no data is read). */
export function declaredShape(dataset: H5Dataset): number[] {
  return (dataset.shape ?? []).map(Number);
}

/**
 * Throws unless `dataset` declares at most `maxValues` values. A file of a few kilobytes can
 * declare 10⁹ chunked values that were never written; reading them would allocate gigabytes.
 */
export function assertDeclaredSize(dataset: H5Dataset, what: string, maxValues: number): void {
  const shape = declaredShape(dataset);
  const count = shape.reduce((a, b) => a * b, 1);
  if (count > maxValues) {
    throw new H5FormatError(
      `${what}: dataset '${dataset.path}' declares shape ${shapeText(shape)} = ${count.toLocaleString('en-US')} values, ` +
        `over the limit of ${maxValues.toLocaleString('en-US')} (not read)`,
    );
  }
}

/** The declared shape of an integer or float dataset; anything else (a string) is named. */
export function numericShape(dataset: H5Dataset, what: string): number[] {
  const meta = dataset.metadata;
  if (meta.type !== H5T_INTEGER && meta.type !== H5T_FLOAT) {
    throw new H5FormatError(
      `${what}: dataset '${dataset.path}' has HDF5 type class ${meta.type} (dtype ${dataset.dtype}), expected numbers`,
    );
  }
  return declaredShape(dataset);
}

/**
 * Reads an integer or float dataset as float64 values with its shape; a dataset declaring more
 * than `maxValues` values is refused before anything is read.
 */
export function readNumeric(dataset: H5Dataset, what: string, maxValues: number): NumericArray {
  const label = `${what}: dataset '${dataset.path}'`;
  const shape = numericShape(dataset, what);
  assertDeclaredSize(dataset, what, maxValues);
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
  // One string: refuse an array of them before reading it (see assertDeclaredSize).
  if (declaredShape(dataset).reduce((a, b) => a * b, 1) !== 1)
    throw new H5FormatError(
      `${label} has shape ${shapeText(declaredShape(dataset))}, expected a single string`,
    );
  const raw = dataset.value as unknown;
  if (typeof raw === 'string') return raw;
  if (Array.isArray(raw) && raw.length === 1 && typeof raw[0] === 'string') return raw[0];
  throw new H5FormatError(`${label} is not a single string`);
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}
