/**
 * A 2-D convolution whose gradients run as forward convolutions, for backends that lack a
 * `Conv2DBackpropFilter` kernel (tfjs-backend-wasm 4.22) — so conv nets train there instead of
 * falling back to cpu — and whose `Conv2DBackpropInput` is a naive loop ~5–10× slower than its
 * XNNPACK `Conv2D` (measured on the zoo's shapes: 5.7 ms vs 1.2 ms at 7×7×8, batch 128).
 *
 *   forward: y = conv2d(x, W)                        (NHWC x, HWIO W, dilation 1)
 *   dW = conv2d(x_padᵀ, dyᵀ, dilation s)[:KH, :KW]   x_padᵀ = [Ci, Hp, Wp, N] (batch ↔ channels),
 *        dyᵀ = [Ho, Wo, N, Co] as the filter: out[ci, a, b, co] = Σ_{n,i,j} x_pad[n, a + s·i,
 *        b + s·j, ci] · dy[n, i, j, co], which is dL/dW[a, b, ci, co]; then → HWIO.
 *        (The im2col + matMul this replaced spent 10–30 ms per conv in Slice/Concat and a
 *        transposed-A matMul; this is ~1 ms.)
 *   dx = conv2d(dy, flip(W)ᵀ)  for stride 1 (flip the taps, swap in/out channels; pad K−1−before
 *        on top/left, K−1−after on bottom/right), else the backend's Conv2DBackpropInput.
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

/** dL/dW of y = conv2d(x, W) given dy, as one dilated forward conv (see the module comment). */
export function conv2dFilterGrad(
  x: tf.Tensor4D,
  dy: tf.Tensor4D,
  filterShape: readonly number[],
  strides: [number, number],
  pad: ConvPad,
): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, w, ci] = x.shape;
    const [kh, kw, , co] = filterShape;
    const [sh, sw] = strides;
    const ph = convPadding(h, kh, sh, pad);
    const pw = convPadding(w, kw, sw, pad);
    // Padded explicitly: tfjs-wasm 4.22's conv with a numeric pad reads out of bounds when the
    // filter (here dyᵀ) is as large as the unpadded input.
    const xT = tf.transpose(padHW(x, ph, pw), [3, 1, 2, 0]) as tf.Tensor4D;
    const dyT = tf.transpose(dy, [1, 2, 0, 3]) as tf.Tensor4D;
    // Rows past (Ho−1)·s + K (a 'valid' conv whose stride does not divide) give extra taps: cut.
    const full = tf.conv2d(xT, dyT, 1, 'valid', 'NHWC', [sh, sw]);
    const taps =
      full.shape[1] === kh && full.shape[2] === kw ? full : tf.slice(full, 0, [ci, kh, kw, co]);
    return tf.transpose(taps, [1, 2, 0, 3]) as tf.Tensor4D;
  });
}

/** dL/dx of y = conv2d(x, W) given dy (see the module comment). */
export function conv2dInputGrad(
  dy: tf.Tensor4D,
  filter: tf.Tensor4D,
  xShape: [number, number, number, number],
  strides: [number, number],
  pad: ConvPad,
): tf.Tensor4D {
  const [, h, w] = xShape;
  const [kh, kw] = filter.shape;
  const [sh, sw] = strides;
  if (sh !== 1 || sw !== 1) return tf.conv2dTranspose(dy, filter, xShape, strides, pad);
  return tf.tidy(() => {
    const ph = convPadding(h, kh, 1, pad);
    const pw = convPadding(w, kw, 1, pad);
    const flipped = tf.transpose(tf.reverse(filter, [0, 1]), [0, 1, 3, 2]) as tf.Tensor4D;
    const before = { h: kh - 1 - ph.before, w: kw - 1 - pw.before };
    const after = { h: kh - 1 - ph.after, w: kw - 1 - pw.after };
    // The same pad all round goes inside the conv (XNNPACK pads implicitly, no copy of dy).
    if (before.h === after.h && before.w === after.w && before.h === before.w)
      return tf.conv2d(dy, flipped, 1, before.h);
    const dyp = padHW(
      dy,
      { before: before.h, after: after.h },
      { before: before.w, after: after.w },
    );
    return tf.conv2d(dyp, flipped, 1, 'valid');
  });
}

/** Zero-pads H and W (no copy when there is nothing to pad). */
function padHW(
  x: tf.Tensor4D,
  ph: { before: number; after: number },
  pw: { before: number; after: number },
): tf.Tensor4D {
  if (ph.before + ph.after + pw.before + pw.after === 0) return x;
  return tf.pad(x, [
    [0, 0],
    [ph.before, ph.after],
    [pw.before, pw.after],
    [0, 0],
  ]);
}

/**
 * tf.conv2d(x, filter, strides, pad) (NHWC, HWIO, dilation 1) with a custom gradient made of
 * forward convolutions (and Conv2DBackpropInput for strided ones). Values are tf.conv2d's.
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
        const dx = conv2dInputGrad(g, ws, xs.shape, s, pad);
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
