/** Classification loss and accuracy, as torch.nn.CrossEntropyLoss and argmax. */
import * as tf from '@tensorflow/tfjs';

/** Per-sample cross-entropy ℓᵢ = logΣⱼ exp zᵢⱼ − z_{i,yᵢ}; labels are int32 class ids. */
export function crossEntropyPerSample(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Tensor1D {
  const logp = tf.logSoftmax(logits);
  const oneHot = tf.oneHot(tf.cast(labels, 'int32'), logits.shape[1]);
  return tf.neg(tf.sum(tf.mul(logp, oneHot), 1));
}

/** Mean cross-entropy over the batch (a scalar). */
export function crossEntropy(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.mean(crossEntropyPerSample(logits, labels));
}

/** Number of samples whose argmax (first index on ties, as torch.max) equals the label. */
export function correctCount(logits: tf.Tensor2D, labels: tf.Tensor1D): tf.Scalar {
  return tf.sum(tf.cast(tf.equal(tf.argMax(logits, 1), tf.cast(labels, 'int32')), 'int32'));
}
