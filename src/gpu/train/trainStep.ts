/**
 * One minibatch step: forward in train mode (batch statistics; BN running stats updated as
 * torch does), mean cross-entropy, gradients by reverse mode (tf.variableGrads), one
 * optimizer update. Everything but the results below is freed before it returns.
 *
 * The update is given the network's curvature at θ on this batch (`../curvature.ts`): the same
 * train-mode loss as a function of the parameters, and the logits of this forward for sampled
 * labels. Nothing of it is computed unless the optimizer asks (Sophia, every k steps).
 */
import * as tf from '@tensorflow/tfjs';
import type { Hyperparams } from '../../core/optimizers/optimizerSpec';
import { NetworkCurvature } from '../curvature';
import { netLoss } from '../hessian/netLoss';
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
  // Kept past variableGrads' tidy, freed at the end.
  const held: tf.Tensor[] = [];
  const hold = <T extends tf.Tensor>(x: T): T => (held.push(tf.keep(x)), x);
  let stats: tf.Tensor1D;
  try {
    stats = tf.tidy(() => {
      const batch = gatherBatch(data, indices);
      const vars = opt.vars as tf.Variable[];
      let correct!: tf.Scalar, logits!: tf.Tensor2D;
      const { value, grads } = tf.variableGrads(() => {
        const r = net.forward(vars, buffers, batch.x, 'train');
        // variableGrads tidies its function: keep what must outlive it (new running stats, the
        // count, the logits for sampled labels).
        if (r.buffers) newBuffers = r.buffers.map((b) => tf.keep(b));
        correct = hold(tf.cast(correctCount(r.logits, batch.y), 'float32'));
        logits = hold(r.logits);
        return crossEntropy(r.logits, batch.y);
      }, vars);
      // 'fd': cross-entropy's logSoftmax has no second derivative in tfjs (hessian/hvp.ts).
      const lossWith = (labels: tf.Tensor1D) => netLoss(net, buffers, batch.x, labels, 'train');
      const curvature = new NetworkCurvature({
        params: vars,
        loss: lossWith(batch.y),
        sampled: { logits, lossWith },
        hvp: { method: 'fd' },
      });
      try {
        opt.step(
          vars.map((v) => grads[v.name]),
          override,
          (i) => curvature.context(i),
        );
      } finally {
        curvature.dispose();
      }
      return tf.stack([value, correct]) as tf.Tensor1D;
    });
  } catch (err) {
    // A step that throws (an optimizer refusing) leaves the running statistics unchanged.
    tf.dispose(newBuffers.filter((b) => !buffers.includes(b)));
    throw err;
  } finally {
    tf.dispose(held);
  }
  return { stats, buffers: newBuffers };
}
