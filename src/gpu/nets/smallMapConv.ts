/**
 * A 3×3, stride-1, pad-1 convolution on a tiny s×s map (s ≤ 2) as one dense matrix product.
 *
 * On a 2×2 map every output position sees every input position, 5 of each output's 9 taps fall
 * on padding, and the conv kernel (XNNPACK's indirect GEMM in the wasm backend) still walks all
 * 9. Written as a product, y[n, (oy,ox,o)] = Σ x[n, (iy,ix,c)] · D[(iy,ix,c), (oy,ox,o)] with
 * D = W[iy−oy+1, ix−ox+1, c, o] (zero where the tap falls outside the kernel), it does 16 of the
 * nominal 36 multiply-adds per output channel pair and runs as one large matmul: the last
 * ResNet stage on 7×7 inputs took about half the time (measured in bench/landscapeThroughput).
 * D is linear in W, so a folded slice can form it once for w, dx and dy.
 */
import * as tf from '@tensorflow/tfjs';

/** True when `denseConv*` applies: a 3×3 stride-1 pad-1 conv whose input is at most 2×2. */
export const denseConvFits = (kernel: number, stride: number, pad: number, size: number): boolean =>
  kernel === 3 && stride === 1 && pad === 1 && size >= 1 && size <= 2;

/** Tap index (ky·3 + kx, or 9 = a zero tap) for each (input position, output position) pair. */
function taps(size: number): Int32Array {
  const p = size * size;
  const t = new Int32Array(p * p);
  for (let i = 0; i < p; i++)
    for (let o = 0; o < p; o++) {
      const ky = Math.floor(i / size) - Math.floor(o / size) + 1,
        kx = (i % size) - (o % size) + 1;
      t[i * p + o] = ky >= 0 && ky < 3 && kx >= 0 && kx < 3 ? ky * 3 + kx : 9;
    }
  return t;
}

/** D [s²·C, s²·O] from an HWIO filter [3, 3, C, O] (inside the caller's tidy). */
export function denseConvWeights(hwio: tf.Tensor, size: number): tf.Tensor2D {
  const [, , c, o] = hwio.shape;
  const p = size * size;
  const padded = tf.concat([tf.reshape(hwio, [9, c, o]), tf.zeros([1, c, o])], 0);
  const g = tf.reshape(tf.gather(padded, tf.tensor1d(taps(size), 'int32')), [p, p, c, o]); // [i, o-pos, C, O]
  return tf.reshape(tf.transpose(g, [0, 2, 1, 3]), [p * c, p * o]) as tf.Tensor2D;
}

/** The bias [O] repeated for every output position, as the dense product's bias [s²·O]. */
export const denseConvBias = (bias: tf.Tensor, size: number): tf.Tensor =>
  tf.tile(bias, [size * size]);

/** conv(x) + bias (and ReLU) through the dense form; x is NHWC [N, s, s, C]. */
export function denseConv(
  x: tf.Tensor4D,
  dense: tf.Tensor2D,
  bias: tf.Tensor,
  relu: boolean,
): tf.Tensor4D {
  const [n, s, , c] = x.shape;
  const y = tf.fused.matMul({
    a: tf.reshape(x, [n, s * s * c]) as tf.Tensor2D,
    b: dense,
    bias,
    activation: relu ? 'relu' : 'linear',
  });
  return tf.reshape(y, [n, s, s, dense.shape[1] / (s * s)]) as tf.Tensor4D;
}
