/**
 * Checkpoints as flat float32 vectors: every parameter, in `net.params` order, each flattened
 * row-major (torch layout) and concatenated — the vector w whose differences wᵢ − w_final the
 * trajectory projection (src/gpu/projection) works on.
 */
import * as tf from '@tensorflow/tfjs';

export interface Checkpoint {
  /** Optimizer steps taken when it was saved (0 = the initial weights). */
  step: number;
  params: Float32Array;
}

/** One host copy of all parameters (a single device read). */
export async function flattenParams(params: readonly tf.Tensor[]): Promise<Float32Array> {
  const flat = tf.tidy(() => tf.concat(params.map((p) => tf.reshape(p, [-1]))));
  const data = (await flat.data()) as Float32Array;
  flat.dispose();
  return data;
}

/** The inverse: tensors of the given shapes from a flat vector (caller owns them). */
export function unflattenParams(
  flat: Float32Array,
  shapes: readonly (readonly number[])[],
): tf.Tensor[] {
  const total = shapes.reduce((n, s) => n + s.reduce((a, b) => a * b, 1), 0);
  if (flat.length !== total)
    throw new Error(`unflattenParams: ${flat.length} values for ${total} parameters`);
  let offset = 0;
  return shapes.map((s) => {
    const size = s.reduce((a, b) => a * b, 1);
    const t = tf.tensor(flat.subarray(offset, offset + size), [...s]);
    offset += size;
    return t;
  });
}
