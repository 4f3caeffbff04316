/**
 * A network's mean cross-entropy on a fixed batch as a pure function of its parameters, the
 * form hvp.ts differentiates. BatchNorm defaults to eval mode (fixed running statistics), so
 * L(w) is the same function that landscape slices plot; 'train' uses batch statistics.
 */
import type * as tf from '@tensorflow/tfjs';
import { crossEntropy } from '../nets/loss';
import type { BnMode, Net } from '../nets/net';
import type { LossFn } from './hvp';

export function netLoss(
  net: Net,
  buffers: readonly tf.Tensor[],
  x: tf.Tensor,
  y: tf.Tensor1D,
  mode: BnMode = 'eval',
): LossFn {
  return (params) => crossEntropy(net.forward(params, buffers, x, mode).logits, y);
}
