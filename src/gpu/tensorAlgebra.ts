/**
 * The elementwise optimizer algebra (src/core/algebra.ts) on tfjs tensors.
 *
 * Every op returns a new tensor; numbers become scalars and broadcast. Nothing here calls
 * `tidy` itself: callers (TensorOptimizer) wrap a whole step in one `tf.tidy`, so the
 * intermediates of an update rule are freed together.
 *
 * NaN semantics follow torch, not the backends: `maximum(x, NaN)`, `minimum` and `sign(NaN)` are NaN
 * (tfjs-wasm returns the other operand and 0), so a diverged run stays visibly diverged.
 */
import * as tf from '@tensorflow/tfjs';
import type { Algebra } from '../core/algebra';

type T = tf.Tensor;

const t = (a: T | number): T => (typeof a === 'number' ? tf.scalar(a) : a);

/** NaN where `a` or `b` is NaN, else `value` (broadcast). */
function keepNaN(value: T, a: T, b: T): T {
  return tf.where(tf.logicalOr(tf.isNaN(a), tf.isNaN(b)), tf.fill(value.shape, NaN), value);
}

export const tensorAlgebra: Algebra<T> = {
  add: (a, b) => tf.add(t(a), t(b)),
  sub: (a, b) => tf.sub(t(a), t(b)),
  mul: (a, b) => tf.mul(t(a), t(b)),
  div: (a, b) => tf.div(t(a), t(b)),
  sqrt: (a) => tf.sqrt(a),
  pow: (a, p) => tf.pow(a, tf.scalar(p)),
  abs: (a) => tf.abs(a),
  sign: (a) => tf.where(tf.isNaN(a), a, tf.sign(a)),
  maximum(a, b) {
    const ta = t(a);
    const tb = t(b);
    return keepNaN(tf.maximum(ta, tb), ta, tb);
  },
  minimum(a, b) {
    const ta = t(a);
    const tb = t(b);
    return keepNaN(tf.minimum(ta, tb), ta, tb);
  },
  where(cond, a, b) {
    // Broadcast both branches to the common shape: tf.where wants them equal.
    const ta = t(a);
    const tb = t(b);
    const shape = tf.broadcast_util.assertAndGetBroadcastShape(
      cond.shape,
      tf.broadcast_util.assertAndGetBroadcastShape(ta.shape, tb.shape),
    );
    return tf.where(
      tf.broadcastTo(tf.greater(cond, 0), shape),
      tf.broadcastTo(ta, shape),
      tf.broadcastTo(tb, shape),
    );
  },
  fill: (like, value) => tf.fill(like.shape, value, 'float32'),
  sum: (a) => tf.sum(a),
  rank: (a) => a.rank,
  rowMean: (a) => tf.mean(a, -1, true),
  colMean: (a) => tf.mean(a, -2, true),
};
