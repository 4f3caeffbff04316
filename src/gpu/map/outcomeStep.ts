/**
 * core/map/mapOutcome's rule on device, one step at a time: given the runs' losses L_k ([C]),
 * update when each first reached the tolerance and first diverged, and at the last step take
 * the final loss (NaN where diverged). Both batched paths (surfaces, MLP) call it inside their
 * step's tidy scope.
 */
import * as tf from '@tensorflow/tfjs';
import { DIVERGE_FACTOR } from '../../core/map/mapOutcome';

export interface OutcomeState {
  /** First step with L ≤ tol, −1 while never (float32: steps are exact up to 2²⁴). */
  reached: tf.Tensor;
  diverged: tf.Tensor;
  /** DIVERGE_FACTOR · max(L₀, 1), set at step 0. */
  bound: tf.Tensor | null;
  /** L_T where the run never diverged, else NaN; set at the last step. */
  final: tf.Tensor | null;
}

export const initialOutcome = (C: number): OutcomeState => ({
  reached: tf.fill([C], -1),
  diverged: tf.fill([C], -1),
  bound: null,
  final: null,
});

export function outcomeStep(
  L: tf.Tensor,
  k: number,
  o: OutcomeState,
  tol: number,
  last: boolean,
): OutcomeState {
  const bound = o.bound ?? tf.mul(tf.maximum(L, 1), DIVERGE_FACTOR);
  // NaN fails ≤, so a NaN loss counts as diverged, as in outcomeOf.
  const ok = tf.lessEqual(L, bound);
  const alive = tf.less(o.diverged, 0);
  // A [C] tensor, not a scalar: tf.where broadcasts a scalar by Tile, which tfjs-wasm runs in a
  // generic loop (~8 ms over 65,536 runs, half of a whole map's time); Fill is ~0.05 ms.
  const step = tf.fill(L.shape, k);
  const diverged = tf.where(tf.logicalAnd(alive, tf.logicalNot(ok)), step, o.diverged);
  const first = tf.logicalAnd(tf.less(o.reached, 0), tf.lessEqual(L, tol));
  const reached = tf.where(tf.logicalAnd(tf.logicalAnd(alive, ok), first), step, o.reached);
  const final = last ? tf.where(tf.less(diverged, 0), L, tf.fill(L.shape, NaN)) : null;
  return { reached, diverged, bound, final };
}

/** Copies a finished chunk's outcomes into the grid at cells [c0, c0 + C). */
export async function readOutcome(
  o: OutcomeState,
  c0: number,
  out: { finalLoss: Float32Array; reachedAt: Int32Array; divergedAt: Int32Array },
): Promise<void> {
  const [fl, ra, da] = await Promise.all([o.final!.data(), o.reached.data(), o.diverged.data()]);
  out.finalLoss.set(fl as Float32Array, c0);
  for (let c = 0; c < ra.length; c++) {
    out.reachedAt[c0 + c] = ra[c];
    out.divergedAt[c0 + c] = da[c];
  }
}
