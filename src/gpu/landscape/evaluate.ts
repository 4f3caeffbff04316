/**
 * Loss and accuracy of a network on a data set, in batches (upstream `evaluation.eval_loss`):
 *   loss = (1/N) Σᵢ ℓᵢ (mean cross-entropy),  acc = 100 · #correct / N  (percent).
 * Sums stay on the device; one read per call. Nets with a folded eval path (foldedEval.ts) fold
 * their weights once per call.
 */
import * as tf from '@tensorflow/tfjs';
import { correctCount, crossEntropyPerSample } from '../nets/loss';
import type { BnMode, Net } from '../nets/net';
import { foldedEvalOf } from './foldedEval';

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
  net: Net,
  params: readonly tf.Tensor[],
  buffers: readonly tf.Tensor[],
  batches: readonly Batch[],
  mode: BnMode = 'eval',
): tf.Tensor1D {
  const fe = mode === 'eval' ? foldedEvalOf(net) : null;
  if (fe) {
    // Fold the weights once for all batches, not once per batch.
    const folded = fe.fold(params, buffers);
    return lossAccSumsOf((x) => fe.forwardFolded(folded, x), batches);
  }
  return lossAccSumsOf((x) => net.forward(params, buffers, x, mode).logits, batches);
}

/**
 * [Σ loss, #correct] of the logits `forward` gives on every batch (inside the caller's tidy).
 * The logits of all batches are concatenated and scored at once: the loss and accuracy ops then
 * run once per call instead of once per batch (logits are only N × classes).
 */
export function lossAccSumsOf(
  forward: (x: tf.Tensor) => tf.Tensor2D,
  batches: readonly Batch[],
): tf.Tensor1D {
  // Each batch's forward in its own tidy: only its logits outlive it, so the peak memory is one
  // batch's activations, not every batch's (a wide net's train split once overran the 4 GB heap).
  const logits = batches.map((b) => tf.tidy(() => forward(b.x)));
  const all = logits.length === 1 ? logits[0] : tf.concat(logits, 0);
  const labels =
    batches.length === 1
      ? batches[0].y
      : tf.concat(
          batches.map((b) => b.y),
          0,
        );
  return tf.stack([
    tf.sum(crossEntropyPerSample(all, labels)),
    tf.cast(correctCount(all, labels), 'float32'),
  ]) as tf.Tensor1D;
}

export function sampleCount(batches: readonly Batch[]): number {
  return batches.reduce((n, b) => n + b.y.shape[0], 0);
}

/** Mean loss and percent accuracy, BN in eval mode by default. */
export async function evaluate(
  net: Net,
  params: readonly tf.Tensor[],
  buffers: readonly tf.Tensor[],
  batches: readonly Batch[],
  mode: BnMode = 'eval',
): Promise<LossAcc> {
  const sums = tf.tidy(() => lossAccSums(net, params, buffers, batches, mode));
  const [loss, correct] = await sums.data();
  sums.dispose();
  const n = sampleCount(batches);
  return { loss: loss / n, acc: (100 * correct) / n };
}
