/**
 * One minibatch step: forward in train mode (batch statistics; BN running stats updated as
 * torch does), mean cross-entropy, gradients by reverse mode (tf.variableGrads), one
 * optimizer update. Everything but the results below is freed before it returns.
 */
import * as tf from '@tensorflow/tfjs';
import type { Hyperparams } from '../../core/optimizers/optimizerSpec';
import { correctCount, crossEntropy } from '../nets/loss';
import type { Net } from '../nets/net';
import type { TensorOptimizer } from '../tensorOptimizer';
import { gatherBatch, type TensorData } from './tensorData';

export interface StepOutput {
  /** [batch loss before the update, #correct in the batch] (caller disposes). */
  stats: tf.Tensor1D;
  /** The BN running statistics after this batch, in `net.buffers` order (caller owns the new ones). */
  buffers: tf.Tensor[];
}

export function trainStep(
  net: Net,
  opt: TensorOptimizer,
  buffers: readonly tf.Tensor[],
  data: TensorData,
  indices: Int32Array,
  override: Hyperparams,
): StepOutput {
  let newBuffers: tf.Tensor[] = [...buffers];
  let correct: tf.Scalar | null = null;
  const stats = tf.tidy(() => {
    const batch = gatherBatch(data, indices);
    const vars = opt.vars as tf.Variable[];
    const { value, grads } = tf.variableGrads(() => {
      const r = net.forward(vars, buffers, batch.x, 'train');
      // variableGrads tidies its function: keep what must outlive it (new running stats, the count).
      if (r.buffers) newBuffers = r.buffers.map((b) => tf.keep(b));
      correct = tf.keep(tf.cast(correctCount(r.logits, batch.y), 'float32'));
      return crossEntropy(r.logits, batch.y);
    }, vars);
    opt.step(
      vars.map((v) => grads[v.name]),
      override,
    );
    return tf.stack([value, correct!]) as tf.Tensor1D;
  });
  (correct as tf.Scalar | null)?.dispose();
  return { stats, buffers: newBuffers };
}
