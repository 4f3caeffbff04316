/**
 * Hessian-vector products H·v of a scalar loss L(w) over a parameter list, without forming H.
 *
 *   exact: H·v = ∇_w (∇_w L(w) · v)                       (Pearlmutter 1994; double backprop)
 *   fd:    H·v ≈ (∇L(w + εv) − ∇L(w − εv)) / 2ε,  ε = fdStep/‖v‖   (central differences:
 *          error O(ε²·∂³L) from truncation plus ~1e-7·‖∇L‖/ε from float32 round-off; the
 *          default fdStep 1e-2 balances the two for losses of order 1)
 *
 * Double backprop in tfjs 4.22 only works through ops whose gradient reads their *inputs*
 * (add, mul, square, matMul, …): ops that save their *output* for the backward pass (tanh,
 * exp, sigmoid) and custom-gradient ops (logSoftmax, hence cross-entropy) keep a detached
 * clone, so the second derivative "cannot be computed"; conv filter gradients are missing
 * on wasm altogether. `auto` therefore tries `exact` once and, if tfjs throws, uses `fd` from
 * then on — for today's networks that means `fd`; `method` says which one ran.
 * When that one exact attempt fails deep inside a ResNet's backward pass, tfjs would leave the
 * tape's saved tensors behind (~1,400 on ResNet-20): it frees them only once a backward pass
 * completes. `releaseAbandonedTape` frees them as tfjs itself would have, so `auto` leaks nothing.
 * Code that knows its net needs `fd` (landscape/hessianDirections) still says so, to skip the
 * doomed attempt's cost.
 */
import * as tf from '@tensorflow/tfjs';

export type HvpMethod = 'exact' | 'fd';

/** A loss as a pure function of the parameters (build it with `netLoss`). */
export type LossFn = (params: readonly tf.Tensor[]) => tf.Scalar;

export interface HvpOptions {
  method?: HvpMethod | 'auto';
  /** ‖εv‖ for finite differences (default 1e-2). */
  fdStep?: number;
}

export interface Hvp {
  /** H·v, one tensor per parameter (caller disposes). */
  (v: readonly tf.Tensor[]): tf.Tensor[];
  /** The method in use ('auto' settles on its first call). */
  readonly method: HvpMethod | 'auto';
}

const dot = (a: readonly tf.Tensor[], b: readonly tf.Tensor[]): tf.Scalar =>
  tf.addN(a.map((t, i) => tf.sum(tf.mul(t, b[i])))) as tf.Scalar;

/** ∇L(w), one tensor per parameter (call inside a tidy). */
export function gradient(loss: LossFn, params: readonly tf.Tensor[]): tf.Tensor[] {
  return tf.grads((...ps: tf.Tensor[]) => loss(ps))([...params]);
}

function exactHvp(
  loss: LossFn,
  params: readonly tf.Tensor[],
  v: readonly tf.Tensor[],
): tf.Tensor[] {
  return tf.tidy(() => tf.grads((...ps: tf.Tensor[]) => dot(gradient(loss, ps), v))([...params]));
}

function fdHvp(
  loss: LossFn,
  params: readonly tf.Tensor[],
  v: readonly tf.Tensor[],
  step: number,
): tf.Tensor[] {
  return tf.tidy(() => {
    const norm = Math.sqrt(dot(v, v).dataSync()[0]);
    if (norm === 0) return params.map((p) => tf.zerosLike(p));
    const eps = step / norm;
    const at = (s: number) =>
      gradient(
        loss,
        params.map((p, i) => tf.add(p, tf.mul(v[i], s))),
      );
    const plus = at(eps);
    const minus = at(-eps);
    return plus.map((g, i) => tf.div(tf.sub(g, minus[i]), 2 * eps));
  });
}

/** tfjs's private engine state that a failed double backprop leaves behind. */
interface TapeState {
  gradientDepth: number;
  activeTape: { saved?: tf.Tensor[] }[] | null;
}

/**
 * After a throw inside a backward pass, dispose the tensors the gradient tape saved for it. tfjs
 * keeps them (`kept`, out of every tidy) and frees them only at the end of a completed outermost
 * backward pass (engine.gradients), so a failed one would leak them all. Only at depth 0: inside
 * an enclosing tf.grads the tape is still someone else's.
 */
function releaseAbandonedTape(): void {
  const state = (tf.engine() as unknown as { state: TapeState }).state;
  if (state.gradientDepth !== 0 || !state.activeTape) return;
  for (const node of state.activeTape) for (const t of node.saved ?? []) t.dispose();
  state.activeTape = null;
}

/** H·v at fixed `params` (read at each call, so variables may move between calls). */
export function makeHvp(loss: LossFn, params: readonly tf.Tensor[], opts: HvpOptions = {}): Hvp {
  const step = opts.fdStep ?? 1e-2;
  let method: HvpMethod | 'auto' = opts.method ?? 'auto';
  const hvp = ((v: readonly tf.Tensor[]) => {
    if (v.length !== params.length)
      throw new Error(`hvp: ${v.length} direction tensors for ${params.length} parameters`);
    if (method === 'fd') return fdHvp(loss, params, v, step);
    if (method === 'exact') return exactHvp(loss, params, v);
    try {
      const out = exactHvp(loss, params, v);
      method = 'exact';
      return out;
    } catch {
      releaseAbandonedTape();
      method = 'fd';
      return fdHvp(loss, params, v, step);
    }
  }) as Hvp;
  Object.defineProperty(hvp, 'method', { get: () => method });
  return hvp;
}
