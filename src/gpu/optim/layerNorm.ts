/**
 * The one reduction the layer-wise optimizers (LARS, LAMB) need: ‖x‖₂ over a whole parameter
 * tensor ("layer"), returned as a value of the algebra's own type so it broadcasts in the
 * elementwise ops that follow.
 *
 * The shared Algebra (src/core/algebra.ts) is elementwise on purpose, and its owners keep it
 * that way; rather than widen it, each algebra instance is paired here with its norm:
 *   tensorAlgebra → tf.norm (a scalar tensor, stays on the device),
 *   numberAlgebra → |x| (the float64 path runs one coordinate at a time, so every coordinate
 *                   is its own "layer" — on a 2D surface LARS/LAMB then scale x and y apart).
 */
import * as tf from '@tensorflow/tfjs';
import { type Algebra, numberAlgebra } from '../../core/algebra';
import { tensorAlgebra } from '../tensorAlgebra';

type NormFn = (x: unknown) => unknown;

const NORMS = new Map<Algebra<unknown>, NormFn>([
  [tensorAlgebra, (x) => tf.norm(x as tf.Tensor)],
  [numberAlgebra, (x) => Math.abs(x as number)],
]);

/** ‖x‖₂ in algebra A; throws for an algebra without a registered norm. */
export function layerNorm<T>(A: Algebra<T>, x: T): T {
  const norm = NORMS.get(A);
  if (!norm)
    throw new Error(
      'layerNorm: this algebra has no registered norm (LARS/LAMB need tensorAlgebra or numberAlgebra)',
    );
  return norm(x) as T;
}

/**
 * `ifBoth ? a : 1` for two norms, elementwise in A: the trust ratio falls back to 1 when either
 * norm is 0 (a zero-initialised layer, or a layer the loss does not reach). sign(‖w‖)·sign(‖g‖)
 * is 1 exactly when both are positive; a product of the norms themselves could underflow.
 */
export function trustOrOne<T>(A: Algebra<T>, wNorm: T, gNorm: T, ratio: T): T {
  return A.where(A.mul(A.sign(wNorm), A.sign(gNorm)), ratio, 1);
}
