/**
 * One step of a batched map loop: runs `fn` in a tidy scope, keeps the tensors of what it
 * returns, and disposes the tensors of `prev` that the new state no longer holds. So the loop's
 * live tensors are exactly its state's, whatever the update rule allocated (tf.memory() flat).
 */
import * as tf from '@tensorflow/tfjs';

/** Every tensor in a state object (its values, one level of arrays and records deep). */
export function tensorsIn(state: unknown): tf.Tensor[] {
  const out: tf.Tensor[] = [];
  const visit = (v: unknown, depth: number) => {
    if (v instanceof tf.Tensor) out.push(v);
    else if (depth < 3 && v && typeof v === 'object')
      for (const w of Object.values(v as Record<string, unknown>)) visit(w, depth + 1);
  };
  visit(state, 0);
  return out;
}

export function keepStep<S>(prev: S, fn: () => S): S {
  let next!: S;
  tf.tidy(() => {
    next = fn();
    for (const t of tensorsIn(next)) tf.keep(t);
  });
  const live = new Set(tensorsIn(next));
  for (const t of tensorsIn(prev)) if (!live.has(t) && !t.isDisposed) t.dispose();
  return next;
}
