/**
 * A 2-D convolution whose gradients need no `Conv2DBackpropFilter` kernel, for backends that lack
 * it (tfjs-backend-wasm 4.22), so conv nets can train there instead of falling back to cpu.
 *
 *   forward: y = conv2d(x, W)                         (NHWC x, HWIO W, dilation 1)
 *   dx     = conv2dTranspose(dy, W)                   (the backend's Conv2DBackpropInput)
 *   dW     = im2col(pad(x))ᵀ · dy                     (one matMul):
 *     for every kernel tap (kh, kw) the strided view P_{kh,kw} = x_pad[:, kh + s·i, kw + s·j, :]
 *     ([N, Ho, Wo, Ci]); concatenating the taps along channels gives [N·Ho·Wo, KH·KW·Ci] whose
 *     column order (kh, kw, ci) is exactly HWIO's flattening, so
 *     dW = reshape(Pᵀ · reshape(dy, [N·Ho·Wo, Co]), [KH, KW, Ci, Co]).
 * Padding follows tfjs: 'valid' = 0; 'same' pads max((Ho−1)·s + K − H, 0) in total, the smaller
 * half (⌊total/2⌋) on top/left; a number p pads p on every side.
 */
import * as tf from '@tensorflow/tfjs';

export type ConvPad = 'same' | 'valid' | number;

/** Output size and leading pad of one spatial dimension (tfjs conventions). */
export function convPadding(
  size: number,
  k: number,
  stride: number,
  pad: ConvPad,
): { out: number; before: number; after: number } {
  if (pad === 'valid') return { out: Math.ceil((size - k + 1) / stride), before: 0, after: 0 };
  if (pad === 'same') {
    const out = Math.ceil(size / stride);
    const total = Math.max((out - 1) * stride + k - size, 0);
    const before = Math.floor(total / 2);
    return { out, before, after: total - before };
  }
  return { out: Math.floor((size + 2 * pad - k) / stride) + 1, before: pad, after: pad };
}

/** dL/dW of y = conv2d(x, W) given dy, from strided slices and one matMul (see the module comment). */
export function conv2dFilterGrad(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: readonly number[],
  strides: [number, number],
  pad: ConvPad,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [n, h, w, ci] = x.shape;
    const [kh, kw, , co] = filterShape;
    const [sh, sw] = strides;
    const ph = convPadding(h, kh, sh, pad);
    const pw = convPadding(w, kw, sw, pad);
    const ho = ph.out,
      wo = pw.out;
    const needsPad = ph.before + ph.after + pw.before + pw.after > 0;
    const xp = needsPad
      ? tf.pad(x, [
          [0, 0],
          [ph.before, ph.after],
          [pw.before, pw.after],
          [0, 0],
        ])
      : x;
    const taps: tf.Tensor4D[] = [];
    for (let a = 0; a < kh; a++) {
      for (let b = 0; b < kw; b++) {
        const view =
          sh === 1 && sw === 1
            ? tf.slice(xp, [0, a, b, 0], [n, ho, wo, ci])
            : tf.stridedSlice(
                xp,
                [0, a, b, 0],
                [n, a + (ho - 1) * sh + 1, b + (wo - 1) * sw + 1, ci],
                [1, sh, sw, 1],
              );
        taps.push(view as tf.Tensor4D);
      }
    }
    const cols = taps.length === 1 ? taps[0] : tf.concat(taps, 3);
    const patches = tf.reshape(cols, [n * ho * wo, kh * kw * ci]) as tf.Tensor2D;
    const dy2d = tf.reshape(dy, [n * ho * wo, co]) as tf.Tensor2D;
    return tf.reshape(tf.matMul(patches, dy2d, true, false), [kh, kw, ci, co]) as tf.Tensor4D;
  });
}

/**
 * tf.conv2d(x, filter, strides, pad) (NHWC, HWIO, dilation 1) with a custom gradient that uses
 * only Conv2DBackpropInput, slices and matMul. Values are identical to tf.conv2d's.
 */
export function conv2dTrainable(
  x: tf.Tensor4D,
  filter: tf.Tensor4D,
  strides: number | [number, number],
  pad: ConvPad,
): tf.Tensor4D {
  const s: [number, number] = typeof strides === 'number' ? [strides, strides] : strides;
  const f = tf.customGrad((...args: (tf.Tensor | tf.GradSaveFunc)[]) => {
    const [x4, w4, save] = args as [tf.Tensor4D, tf.Tensor4D, tf.GradSaveFunc];
    save([x4, w4]);
    return {
      value: tf.conv2d(x4, w4, s, pad),
      gradFunc: (dy: tf.Tensor | tf.Tensor[], saved: tf.Tensor[]) => {
        const [xs, ws] = saved as [tf.Tensor4D, tf.Tensor4D];
        const g = dy as tf.Tensor4D;
        const dx = tf.conv2dTranspose(g, ws, xs.shape, s, pad);
        const dw = conv2dFilterGrad(xs, g, ws.shape, s, pad);
        return [dx, dw];
      },
    };
  });
  return f(x, filter) as tf.Tensor4D;
}

const lacking = new Map<string, boolean>();

/** True when the active backend has no Conv2DBackpropFilter kernel (then use conv2dTrainable). */
export function backendLacksConvFilterGrad(): boolean {
  const backend = tf.getBackend();
  let v = lacking.get(backend);
  if (v === undefined) {
    v = tf.getKernel('Conv2DBackpropFilter', backend) === undefined;
    lacking.set(backend, v);
  }
  return v;
}
