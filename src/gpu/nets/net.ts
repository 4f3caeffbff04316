/**
 * A network is a pure function of an explicit, ordered parameter list, so a landscape can
 * evaluate it at w + α·dx + β·dy without touching any model state.
 *
 * Conventions (torch's, so .h5 direction files and checkpoints line up entry for entry):
 * - `params` are in `net.parameters()` order with `state_dict` names (`conv1.weight`,
 *   `layer1.0.bn1.weight`, `linear.bias`) and torch shapes: convs [out, in, kh, kw] (OIHW),
 *   linear [out, in]. Layers convert to tfjs layouts (HWIO filters, NHWC activations) inside
 *   the forward, which costs a few small transposes per call.
 * - `buffers` are the BatchNorm running statistics (`bn1.running_mean`, `bn1.running_var`);
 *   torch's `num_batches_tracked` is left out (it changes no arithmetic with momentum 0.1).
 * - Images enter as NHWC float32 (tfjs' native layout); convert NCHW data once with
 *   `nchwToNhwc` rather than on every forward.
 */
import type * as tf from '@tensorflow/tfjs';

/** What a parameter is, which decides its initialisation and its direction treatment. */
export type ParamRole = 'conv' | 'linear' | 'bias' | 'bn-weight' | 'bn-bias';

export interface ParamInfo {
  readonly name: string;
  readonly shape: readonly number[];
  readonly role: ParamRole;
}

export interface BufferInfo {
  readonly name: string;
  readonly shape: readonly number[];
  /** Initial value: running_mean 0, running_var 1 (torch's reset_running_stats). */
  readonly init: number;
}

/** BatchNorm mode: `train` normalises with batch statistics, `eval` with running ones. */
export type BnMode = 'train' | 'eval';

export interface ForwardResult {
  /** [N, classes] unnormalised scores. */
  logits: tf.Tensor2D;
  /**
   * Train mode only: the updated running statistics, in `buffers` order
   * (r ← (1−m)·r + m·batch, m = 0.1, unbiased batch variance, as torch). Null in eval mode.
   */
  buffers: tf.Tensor[] | null;
}

export interface Net {
  /** e.g. `resnet20-ns-w4`, `small-cnn`, `mlp-2-16-16-2`. */
  readonly id: string;
  readonly params: readonly ParamInfo[];
  readonly buffers: readonly BufferInfo[];
  /** One sample's shape: [H, W, C] for images, [features] for the MLP. */
  readonly inputShape: readonly number[];
  readonly numClasses: number;
  /** Pure forward pass: allocates tensors, so call it inside `tf.tidy`. */
  forward(
    params: readonly tf.Tensor[],
    buffers: readonly tf.Tensor[],
    x: tf.Tensor,
    mode: BnMode,
  ): ForwardResult;
}

/** Number of scalars in the parameter list. */
export function paramCount(net: Net): number {
  return net.params.reduce((n, p) => n + p.shape.reduce((a, b) => a * b, 1), 0);
}
