/**
 * Loss and accuracy of a network on a whole data set, BatchNorm in eval mode (running
 * statistics) unless told otherwise:  loss = (1/N) Σᵢ ℓᵢ,  accuracy = #correct / N ∈ [0, 1].
 * Batched so a large set fits in device memory; built on the landscape's evaluation.
 */
import * as tf from '@tensorflow/tfjs';
import { evaluate, toBatches } from '../landscape/evaluate';
import type { BnMode, Net } from '../nets/net';
import type { TensorData } from './tensorData';

export interface LossAccuracy {
  loss: number;
  /** Fraction correct, in [0, 1]. */
  accuracy: number;
}

export async function evaluateModel(
  net: Net,
  params: readonly tf.Tensor[],
  buffers: readonly tf.Tensor[],
  data: TensorData,
  opts: { batchSize?: number; mode?: BnMode } = {},
): Promise<LossAccuracy> {
  const batches = toBatches(data.x, data.y, opts.batchSize ?? 512);
  try {
    const r = await evaluate(net, params, buffers, batches, opts.mode ?? 'eval');
    return { loss: r.loss, accuracy: r.acc / 100 };
  } finally {
    tf.dispose(batches.flatMap((b) => [b.x, b.y]));
  }
}
