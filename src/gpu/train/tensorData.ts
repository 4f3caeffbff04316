/**
 * A labelled data set as two device tensors, in the layout a Net's forward takes:
 * x [N, ...net.inputShape] float32, y [N] int32 class ids. The caller owns and disposes them.
 */
import * as tf from '@tensorflow/tfjs';
import type { FashionSplit } from '../../data/fashionMnist';
import type { Toy2dSet } from '../../data/toy2d';

export interface TensorData {
  x: tf.Tensor;
  y: tf.Tensor1D;
}

/** Number of samples. */
export const sampleCountOf = (d: TensorData): number => d.y.shape[0];

/** Toy 2-D points → x [n, 2], y [n] (for the MLP). */
export function toyTensorData(set: Toy2dSet): TensorData {
  return {
    x: tf.tensor2d(Float32Array.from(set.points), [set.n, 2]),
    y: tf.tensor1d(Int32Array.from(set.labels), 'int32'),
  };
}

/**
 * Fashion-MNIST images → x [n, H, W, 1] (NHWC, one channel), y [n]; the first `limit` images
 * (the committed subsets are class-balanced and shuffled, so a prefix stays roughly balanced).
 */
export function fashionTensorData(split: FashionSplit, limit = split.n): TensorData {
  const n = Math.min(limit, split.n);
  const px = split.height * split.width;
  return {
    x: tf.tensor4d(split.images.subarray(0, n * px), [n, split.height, split.width, 1]),
    y: tf.tensor1d(Int32Array.from(split.labels.subarray(0, n)), 'int32'),
  };
}

/** The samples at `indices` (a minibatch), as new tensors (call inside a tidy). */
export function gatherBatch(data: TensorData, indices: Int32Array): TensorData {
  const idx = tf.tensor1d(indices, 'int32');
  return { x: tf.gather(data.x, idx), y: tf.gather(data.y, idx) as tf.Tensor1D };
}
