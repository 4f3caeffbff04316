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
  return batchNormTrain(x, gamma, beta, runMean, runVar);
}

/**
 * Train-mode BatchNorm2d as one differentiable op with a hand-written gradient, on x as an
 * [n, C] matrix (n = N·H·W). Autodiff of the textbook formula recorded ~60 small kernels per
 * layer (on wasm every kernel costs tens of µs of dispatch whatever its size), and tfjs-wasm
 * reduces over (N, H, W) of NHWC through a transpose; here the per-channel sums are matMuls
 * with a row of ones and the backward is the closed form. With xc = x − μ, σ⁻¹ = 1/√(var + ε):
 *   forward:  μ = 1ᵀx/n,  var = 1ᵀxc²/n,  y = xc ⊙ γσ⁻¹ + β
 *   backward: dβ = 1ᵀdy,  dγ = σ⁻¹ · 1ᵀ(dy ⊙ xc),
 *             dx = γσ⁻¹ ⊙ (dy − dβ/n − xc ⊙ σ⁻¹dγ/n)
 * The batch mean and variance leave the op by a side door (they need no gradient) for the
 * running statistics.
 */
function batchNormTrain(
  x: tf.Tensor4D,
  gamma: tf.Tensor,
  beta: tf.Tensor,
  runMean: tf.Tensor,
  runVar: tf.Tensor,
): BnResult {
  const [nb, h, w, c] = x.shape;
  const n = nb * h * w;
  let stats: [tf.Tensor, tf.Tensor] | null = null;
  const op = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x4, g, b, save] = args as [tf.Tensor4D, tf.Tensor, tf.Tensor, tf.GradSaveFunc];
    const ones = tf.ones([1, n]) as tf.Tensor2D;
    const x2 = tf.reshape(x4, [n, c]) as tf.Tensor2D;
    const mean = tf.mul(channelSum(ones, x2), 1 / n);
    const xc: tf.Tensor2D = tf.sub(x2, mean);
    const variance = tf.mul(channelSum(ones, tf.square(xc)), 1 / n);
    const inv = tf.rsqrt(tf.add(variance, BN_EPS));
    const y = tf.add(tf.mul(xc, tf.mul(inv, g)), b);
    stats = [tf.keep(mean), tf.keep(variance)];
    save([xc, inv, g, ones]);
    return {
      value: tf.reshape(y, x4.shape),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [xcS, invS, gS, onesS] = saved as tf.Tensor2D[];
        const dy2 = tf.reshape(dy as tf.Tensor, [n, c]) as tf.Tensor2D;
        const dbeta = channelSum(onesS, dy2);
        const dgamma = tf.mul(channelSum(onesS, tf.mul(dy2, xcS)), invS);
        const k = tf.mul(tf.mul(dgamma, invS), 1 / n);
        const dx = tf.mul(
          tf.sub(tf.sub(dy2, tf.mul(dbeta, 1 / n)), tf.mul(xcS, k)),
          tf.mul(gS, invS),
        );
        return [tf.reshape(dx, x4.shape), dgamma, dbeta];
      },
    };
  });
  const y = op(x, gamma, beta) as tf.Tensor4D;
  const [mean, variance] = stats!;
  const unbiased = tf.mul(variance, n / Math.max(n - 1, 1));
  const ema = (r: tf.Tensor, v: tf.Tensor) =>
    tf.add(tf.mul(r, 1 - BN_MOMENTUM), tf.mul(v, BN_MOMENTUM));
  const running: [tf.Tensor, tf.Tensor] = [ema(runMean, mean), ema(runVar, unbiased)];
  tf.dispose([mean, variance, unbiased]);
  return { y, running };
}

/** Σ over the rows of x [n, C] as a [C] vector: one matMul with a [1, n] row of ones. */
function channelSum(ones: tf.Tensor2D, x: tf.Tensor2D): tf.Tensor1D {
  return tf.reshape(tf.matMul(ones, x), [x.shape[1]]);
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
