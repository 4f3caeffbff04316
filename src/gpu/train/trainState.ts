/**
 * A training run's state between steps, on the host, and its file format — what `train()`
 * hands to `onSave` and takes back as `resume`, so that a long run can stop and go on later
 * (`landscape-lab train --save-state / --resume`) with the same result as one straight run.
 *
 * Not stored, because it is rebuilt exactly: the epoch shuffler (its permutations are a pure
 * function of the seed and the batch sizes drawn, so resuming replays `step` draws — a few
 * thousand RNG calls per epoch — and checks the position it reaches against `shuffler`) and
 * the scheduler (replayed with the recorded float64 losses, which ReduceLROnPlateau reads).
 *
 * File (`landscape-lab-train-state/1`), little-endian:
 *   bytes 0–7    "LLTRAIN1"
 *   bytes 8–11   u32 length H of the JSON header
 *   bytes 12–15  u32 FNV-1a checksum of everything after byte 15
 *   16 … 16+H    JSON header (UTF-8, space-padded to a multiple of 8): format, recipe, step,
 *                shuffler, optimizer step count and entries, tensor shapes, checkpoint steps,
 *                total byte count, and where each array lies in the body
 *   body         the arrays, each 8-byte aligned: float32 tensors, float64 records, int32 batches
 */
import type { SavedOptimizerState, SavedStateEntry } from '../tensorOptimizer';
import type { Checkpoint } from './checkpoint';

export const TRAIN_STATE_FORMAT = 'landscape-lab-train-state/1';
const MAGIC = 'LLTRAIN1';

export interface HostTensor {
  shape: number[];
  data: Float32Array;
}

export interface TrainSnapshot {
  /** Steps completed. */
  step: number;
  params: HostTensor[];
  buffers: HostTensor[];
  optimizer: SavedOptimizerState;
  /** Where the epoch shuffler stands after `step` batches (checked after the replay). */
  shuffler: { epoch: number; start: number; size: number };
  /** Per completed step (length `step`). */
  history: { loss: Float64Array; accuracy: Float64Array; lr: Float64Array; batch?: Int32Array };
  checkpoints: Checkpoint[];
}

/** A state file's fault, said in words (the CLI names its flag in front). */
export class TrainStateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TrainStateError';
  }
}

type Arr = Float32Array | Float64Array | Int32Array;
const DTYPES = { float32: Float32Array, float64: Float64Array, int32: Int32Array } as const;
type Dtype = keyof typeof DTYPES;
interface Block {
  dtype: Dtype;
  offset: number;
  length: number;
}

function dtypeOf(a: Arr): Dtype {
  return a instanceof Float32Array ? 'float32' : a instanceof Float64Array ? 'float64' : 'int32';
}

/** FNV-1a, 32 bits: catches a flipped or missing byte; not a defence against tampering. */
function fnv1a(bytes: Uint8Array): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < bytes.length; i++) h = Math.imul(h ^ bytes[i], 0x01000193);
  return h >>> 0;
}

const pad8 = (n: number) => (n + 7) & ~7;

/** The file's bytes for a snapshot and its recipe (any JSON value; compared on resume). */
export function encodeTrainState(recipe: unknown, s: TrainSnapshot): Uint8Array {
  const arrays: Arr[] = [];
  let bodyLength = 0;
  const put = (a: Arr): Block => {
    const b = { dtype: dtypeOf(a), offset: bodyLength, length: a.length };
    arrays.push(a);
    bodyLength = pad8(bodyLength + a.byteLength);
    return b;
  };
  const tensor = (t: HostTensor) => ({ shape: t.shape, block: put(t.data) });
  const entry = (e: SavedStateEntry) => (e === null || typeof e === 'number' ? e : tensor(e));
  const header = {
    format: TRAIN_STATE_FORMAT,
    recipe,
    step: s.step,
    shuffler: s.shuffler,
    params: s.params.map(tensor),
    buffers: s.buffers.map(tensor),
    optimizer: {
      t: s.optimizer.t,
      states: s.optimizer.states.map((r) =>
        Object.fromEntries(Object.entries(r).map(([k, e]) => [k, entry(e)])),
      ),
    },
    history: {
      loss: put(s.history.loss),
      accuracy: put(s.history.accuracy),
      lr: put(s.history.lr),
      ...(s.history.batch ? { batch: put(s.history.batch) } : {}),
    },
    checkpoints: s.checkpoints.map((c) => ({ step: c.step, block: put(c.params) })),
    bodyBytes: bodyLength,
  };
  let json = JSON.stringify(header);
  const jsonBytes = new TextEncoder().encode(json);
  json += ' '.repeat(pad8(jsonBytes.length) - jsonBytes.length);
  const head = new TextEncoder().encode(json);
  const out = new Uint8Array(16 + head.length + bodyLength);
  out.set(new TextEncoder().encode(MAGIC), 0);
  out.set(head, 16);
  const body = 16 + head.length;
  let off = 0;
  for (const a of arrays) {
    out.set(new Uint8Array(a.buffer, a.byteOffset, a.byteLength), body + off);
    off = pad8(off + a.byteLength);
  }
  const view = new DataView(out.buffer);
  view.setUint32(8, head.length, true);
  view.setUint32(12, fnv1a(out.subarray(16)), true);
  return out;
}

/** Reads a state file's bytes; throws a TrainStateError saying what is wrong with them. */
export function decodeTrainState(bytes: Uint8Array): { recipe: unknown; snapshot: TrainSnapshot } {
  const bad = (why: string) => new TrainStateError(`not a usable training state file: ${why}`);
  if (bytes.length < 16 || new TextDecoder().decode(bytes.subarray(0, 8)) !== MAGIC)
    throw bad(`it does not start with "${MAGIC}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const headLength = view.getUint32(8, true);
  if (16 + headLength > bytes.length)
    throw bad(`truncated (${bytes.length} bytes, the header alone needs ${16 + headLength})`);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- checked field by field below
  let h: any;
  try {
    h = JSON.parse(new TextDecoder().decode(bytes.subarray(16, 16 + headLength)));
  } catch {
    throw bad('its header is not JSON (corrupt)');
  }
  if (h?.format !== TRAIN_STATE_FORMAT)
    throw bad(`format ${JSON.stringify(h?.format)}, expected "${TRAIN_STATE_FORMAT}"`);
  const body = 16 + headLength;
  if (bytes.length !== body + h.bodyBytes)
    throw bad(`truncated or padded: ${bytes.length} bytes, expected ${body + h.bodyBytes}`);
  if (fnv1a(bytes.subarray(16)) !== view.getUint32(12, true))
    throw bad('checksum mismatch (corrupt)');
  const read = <D extends Dtype>(b: Block, want: D): InstanceType<(typeof DTYPES)[D]> => {
    const C = DTYPES[want];
    if (b?.dtype !== want || !Number.isInteger(b.offset) || !Number.isInteger(b.length))
      throw bad(`a ${want} block is malformed`);
    const start = body + b.offset;
    const end = start + b.length * C.BYTES_PER_ELEMENT;
    if (b.offset < 0 || end > bytes.length) throw bad('a block lies outside the file');
    // A copy (not slice(): on a Node Buffer it is a view into a shared pool).
    return new C(new Uint8Array(bytes.subarray(start, end)).buffer) as InstanceType<
      (typeof DTYPES)[D]
    >;
  };
  const tensor = (t: { shape: number[]; block: Block }): HostTensor => {
    const data = read(t.block, 'float32');
    if (!Array.isArray(t.shape) || data.length !== t.shape.reduce((a, b) => a * b, 1))
      throw bad('a tensor has values that do not fill its shape');
    return { shape: t.shape, data };
  };
  let snapshot: TrainSnapshot;
  try {
    snapshot = snapshotOf(h, read, tensor);
  } catch (e) {
    if (e instanceof TrainStateError) throw e;
    throw bad(`its header is malformed (${(e as Error).message})`);
  }
  if (!Number.isInteger(snapshot.step) || snapshot.history.loss.length !== snapshot.step)
    throw bad(`step ${snapshot.step} does not match its ${snapshot.history.loss.length} records`);
  return { recipe: h.recipe, snapshot };
}

/** The snapshot a checked header describes (its arrays read through `read`). */
function snapshotOf(
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a parsed header
  h: any,
  read: <D extends Dtype>(b: Block, want: D) => InstanceType<(typeof DTYPES)[D]>,
  tensor: (t: { shape: number[]; block: Block }) => HostTensor,
): TrainSnapshot {
  return {
    step: h.step,
    params: h.params.map(tensor),
    buffers: h.buffers.map(tensor),
    optimizer: {
      t: h.optimizer.t,
      states: h.optimizer.states.map((r: Record<string, unknown>) =>
        Object.fromEntries(
          Object.entries(r).map(([k, e]) => [
            k,
            e === null || typeof e === 'number' ? e : tensor(e as never),
          ]),
        ),
      ),
    },
    shuffler: h.shuffler,
    history: {
      loss: read(h.history.loss, 'float64'),
      accuracy: read(h.history.accuracy, 'float64'),
      lr: read(h.history.lr, 'float64'),
      ...(h.history.batch ? { batch: read(h.history.batch, 'int32') } : {}),
    },
    checkpoints: h.checkpoints.map((c: { step: number; block: Block }) => ({
      step: c.step,
      params: read(c.block, 'float32'),
    })),
  };
}
