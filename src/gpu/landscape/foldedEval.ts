/**
 * An optional fast path for eval-mode evaluation: a net whose eval forward runs on weights
 * prepared ("folded") once per parameter point, e.g. every BatchNorm folded into its conv
 * (modelZoo's `buildFastEvalModel`). Evaluating one point over many batches then folds once,
 * not once per batch; and along a slice, where the folded weights are affine in (α, β)
 * whenever the directions leave the non-linear parameters (the BN scales γ) alone, the slice
 * folds w, dx and dy once and only forms F(w) + α·F'(dx) + β·F'(dy) per point.
 */
import type * as tf from '@tensorflow/tfjs';
import type { Net } from '../nets/net';

export interface FoldedEval {
  /** Eval-mode weights for `forwardFolded` (new tensors: call inside the caller's tidy). */
  fold(params: readonly tf.Tensor[], buffers: readonly tf.Tensor[]): tf.Tensor[];
  /**
   * The linear part of `fold` at the centre `params` along a direction `d` (same layout as
   * `fold`): fold(w + t·d) = fold(w) + t·foldDirection(w, buffers, d) for every t, provided d
   * is zero on every parameter listed in `nonlinearParams`.
   */
  foldDirection(
    params: readonly tf.Tensor[],
    buffers: readonly tf.Tensor[],
    d: readonly tf.Tensor[],
  ): tf.Tensor[];
  /** Indices into `net.params` on which `fold` is not affine (BN γ: it enters as γ/√(σ²+ε) times W). */
  readonly nonlinearParams: readonly number[];
  /** Logits [N, classes] from folded weights; equals `net.forward(params, buffers, x, 'eval').logits`. */
  forwardFolded(folded: readonly tf.Tensor[], x: tf.Tensor): tf.Tensor2D;
}

export type FoldedEvalNet = Net & { readonly foldedEval: FoldedEval };

export function foldedEvalOf(net: Net): FoldedEval | null {
  return (net as Partial<FoldedEvalNet>).foldedEval ?? null;
}
