/**
 * Torch-semantics layers on tfjs, taking weights in torch layout (see net.ts).
 * Activations are NHWC throughout.
 */
import * as tf from '@tensorflow/tfjs';
import { backendLacksConvFilterGrad, conv2dTrainable } from './convGrad';

/** BatchNorm ε and running-stat momentum (torch defaults). */
export const BN_EPS = 1e-5;
export const BN_MOMENTUM = 0.1;

/** torch Conv2d (cross-correlation): weight [O, I, kh, kw] → HWIO, symmetric zero padding. */
export function conv2d(
  x: tf.Tensor4D,
  weightOIHW: tf.Tensor,
  stride: number,
  pad: number,
  bias?: tf.Tensor,
): tf.Tensor4D {
  const w = tf.transpose(weightOIHW, [2, 3, 1, 0]) as tf.Tensor4D;
  // wasm lacks Conv2DBackpropFilter: use a conv whose filter gradient is a matMul (convGrad.ts).
  const y = backendLacksConvFilterGrad()
    ? conv2dTrainable(x, w, stride, pad)
    : tf.conv2d(x, w, stride, pad);
  return bias ? (tf.add(y, bias) as typeof y) : y;
}

/** torch Linear: y = x·Wᵀ + b with W [out, in]. */
export function linear(x: tf.Tensor2D, weight: tf.Tensor, bias?: tf.Tensor): tf.Tensor2D {
  const y: tf.Tensor2D = tf.matMul(x, weight as tf.Tensor2D, false, true);
  return bias ? (tf.add(y, bias) as typeof y) : y;
}

export interface BnResult {
  y: tf.Tensor4D;
  /** Train mode: the new [running_mean, running_var]; eval mode: null. */
  running: [tf.Tensor, tf.Tensor] | null;
}

/**
 * BatchNorm2d over NHWC, per channel c:
 *   eval:  y = (x − r_mean[c]) / √(r_var[c] + ε) · γ[c] + β[c]
 *   train: the same with the batch mean and biased batch variance over (N, H, W), and
 *          r_mean ← (1−m)·r_mean + m·mean, r_var ← (1−m)·r_var + m·var·n/(n−1), n = N·H·W.
 */
export function batchNorm(
  x: tf.Tensor4D,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  runMean: tf.Tensor,
  runVar: tf.Tensor,
  mode: 'train' | 'eval',
): BnResult {
  if (mode === 'eval') {
    const scale = tf.div(gamma, tf.sqrt(tf.add(runVar, BN_EPS)));
    return { y: tf.add(tf.mul(tf.sub(x, runMean), scale), beta), running: null };
  }
  const { mean, variance } = tf.moments(x, [0, 1, 2]);
  const scale = tf.div(gamma, tf.sqrt(tf.add(variance, BN_EPS)));
  const y = tf.add(tf.mul(tf.sub(x, mean), scale), beta) as tf.Tensor4D;
  const n = x.shape[0] * x.shape[1] * x.shape[2];
  const unbiased = tf.mul(variance, n / Math.max(n - 1, 1));
  const ema = (r: tf.Tensor, b: tf.Tensor) =>
    tf.add(tf.mul(r, 1 - BN_MOMENTUM), tf.mul(b, BN_MOMENTUM));
  return { y, running: [ema(runMean, mean), ema(runVar, unbiased)] };
}

/** torch.flatten(x, 1) of an NCHW tensor, given NHWC: channel-major, then row, column. */
export function flattenCHW(x: tf.Tensor4D): tf.Tensor2D {
  const [n, h, w, c] = x.shape;
  return tf.reshape(tf.transpose(x, [0, 3, 1, 2]), [n, c * h * w]);
}

/** Global average pool over H and W: [N, H, W, C] → [N, C]. */
export function globalAvgPool(x: tf.Tensor4D): tf.Tensor2D {
  return tf.mean(x, [1, 2]) as tf.Tensor2D;
}

/** Images stored as torch NCHW → tfjs NHWC (do it once, at load time). */
export function nchwToNhwc(x: tf.Tensor4D): tf.Tensor4D {
  return tf.transpose(x, [0, 2, 3, 1]);
}
