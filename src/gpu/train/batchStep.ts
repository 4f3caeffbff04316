/**
 * One step of a minibatch loop on a network: the next batch of the epoch shuffler, `trainStep`
 * with this step's hyperparameters, the BN running statistics handed over (the replaced ones
 * freed) and the batch's loss and correct count read back. `train()` and the LR range test
 * (train/lrRangeTest.ts) both step with it.
 */
import * as tf from '@tensorflow/tfjs';
import type { Hyperparams } from '../../core/optimizers/optimizerSpec';
import type { EpochBatches } from '../../core/sampling/epochBatches';
import { macrotask } from '../macrotask';
import type { Net } from '../nets/net';
import type { TensorOptimizer } from '../tensorOptimizer';
import type { TensorData } from './tensorData';
import { trainStep } from './trainStep';

export interface BatchStepResult {
  /** The batch's mean loss before the update. */
  loss: number;
  /** Correct predictions in the batch. */
  correct: number;
  /** The batch's size (the last of an epoch may be short). */
  size: number;
  /** The BN running statistics after this batch; the caller's old ones are disposed. */
  buffers: tf.Tensor[];
}

export async function batchStep(
  net: Net,
  opt: TensorOptimizer,
  buffers: tf.Tensor[],
  data: TensorData,
  batches: EpochBatches,
  override: Hyperparams,
): Promise<BatchStepResult> {
  const size = batches.advance();
  const indices = batches.order.subarray(batches.start, batches.start + size);
  const out = trainStep(net, opt, buffers, data, indices, override);
  const old = new Set(buffers);
  let stats: ArrayLike<number>;
  try {
    stats = await out.stats.data();
  } catch (err) {
    // The caller still owns `buffers`; the new statistics would be lost.
    tf.dispose(out.buffers.filter((b) => !old.has(b)));
    throw err;
  } finally {
    out.stats.dispose();
  }
  const kept = new Set(out.buffers);
  tf.dispose(buffers.filter((b) => !kept.has(b)));
  return { loss: stats[0], correct: stats[1], size, buffers: out.buffers };
}

/**
 * An abort check for a step loop: throws the signal's reason once aborted, and every ~30 ms
 * lets the task queue run, since on WASM `data()` resolves as a microtask and a worker would
 * otherwise never read the abort (see macrotask.ts).
 */
export function abortPoint(signal: AbortSignal | undefined): () => Promise<void> {
  let yieldedAt = performance.now();
  return async () => {
    if (!signal) return;
    if (performance.now() - yieldedAt > 30) {
      await macrotask();
      yieldedAt = performance.now();
    }
    signal.throwIfAborted();
  };
}
