/**
 * Loss and accuracy of a network on a data set, in batches (upstream `evaluation.eval_loss`):
 *   loss = (1/N) Σᵢ ℓᵢ (mean cross-entropy),  acc = 100 · #correct / N  (percent).
 * Batch sums stay on the device; one read per call.
 */
import * as tf from '@tensorflow/tfjs';
import { correctCount, crossEntropyPerSample } from '../nets/loss';
import type { BnMode, Net } from '../nets/net';

export interface Batch {
  /** Inputs in the net's layout (NHWC images or [N, features]). */
  x: tf.Tensor;
  /** Integer class labels [N]. */
  y: tf.Tensor1D;
}

export interface LossAcc {
  loss: number;
  /** Accuracy in percent. */
  acc: number;
}

/** Split a data set into batches of at most `batchSize` samples (caller disposes them). */
export function toBatches(x: tf.Tensor, y: tf.Tensor1D, batchSize = Infinity): Batch[] {
  const n = x.shape[0];
  const size = Math.max(1, Math.min(batchSize, n));
  const out: Batch[] = [];
  for (let s = 0; s < n; s += size) {
    const m = Math.min(size, n - s);
    out.push({ x: tf.slice(x, s, m), y: tf.slice(y, s, m) });
  }
  return out;
}

/** [Σ loss, #correct] over all batches, as a [2] tensor (inside the caller's tidy). */
export function lossAccSums(
  net: Net, params: readonly tf.Tensor[], buffers: readonly tf.Tensor[], batches: readonly Batch[], mode: BnMode = 'eval',
): tf.Tensor1D {
  const sums = batches.map((b) => {
    const { logits } = net.forward(params, buffers, b.x, mode);
    return tf.stack([tf.sum(crossEntropyPerSample(logits, b.y)), tf.cast(correctCount(logits, b.y), 'float32')]);
  });
  return tf.addN(sums) as tf.Tensor1D;
}

export function sampleCount(batches: readonly Batch[]): number {
  return batches.reduce((n, b) => n + b.y.shape[0], 0);
}

/** Mean loss and percent accuracy, BN in eval mode by default. */
export async function evaluate(
  net: Net, params: readonly tf.Tensor[], buffers: readonly tf.Tensor[], batches: readonly Batch[], mode: BnMode = 'eval',
): Promise<LossAcc> {
  const sums = tf.tidy(() => lossAccSums(net, params, buffers, batches, mode));
  const [loss, correct] = await sums.data();
  sums.dispose();
  const n = sampleCount(batches);
  return { loss: loss / n, acc: (100 * correct) / n };
}
