/**
 * The exact float64 algebra on whole vectors (T = Float64Array): what run() steps an optimizer
 * of scope 'whole' with on a 2-D surface, so that its reductions see the point (x, y) at once,
 * as they see a whole parameter tensor on networks. A length-1 array (what `sum` returns)
 * broadcasts against any length, like a scalar tensor; numbers broadcast too.
 *
 * Each op allocates its result: that is fine for the few optimizers that need it (the
 * elementwise ones keep the allocation-free per-coordinate path of numberAlgebra).
 */
import { noMatrix, numberAlgebra, type Algebra } from './algebra';

type V = Float64Array;

function zip(a: V | number, b: V | number, f: (x: number, y: number) => number): V {
  const av = typeof a === 'number' ? null : a;
  const bv = typeof b === 'number' ? null : b;
  const n = Math.max(av?.length ?? 1, bv?.length ?? 1);
  if ((av && av.length !== 1 && av.length !== n) || (bv && bv.length !== 1 && bv.length !== n))
    throw new Error(`vectorAlgebra: lengths ${av?.length} and ${bv?.length} do not broadcast`);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const x = av ? av[av.length === 1 ? 0 : i] : (a as number);
    const y = bv ? bv[bv.length === 1 ? 0 : i] : (b as number);
    out[i] = f(x, y);
  }
  return out;
}

const map = (a: V, f: (x: number) => number): V => a.map(f);
const N = numberAlgebra;

export const vectorAlgebra: Algebra<V> = {
  add: (a, b) => zip(a, b, N.add),
  sub: (a, b) => zip(a, b, N.sub),
  mul: (a, b) => zip(a, b, N.mul),
  div: (a, b) => zip(a, b, N.div),
  sqrt: (a) => map(a, Math.sqrt),
  pow: (a, p) => map(a, (v) => Math.pow(v, p)),
  abs: (a) => map(a, Math.abs),
  sign: (a) => map(a, Math.sign),
  maximum: (a, b) => zip(a, b, N.maximum),
  minimum: (a, b) => zip(a, b, N.minimum),
  where: (cond, a, b) => pick(cond, a, b),
  fill: (like, value) => new Float64Array(like.length).fill(value),
  // Left to right, as torch sums a 2-element tensor.
  sum: (a) => Float64Array.of(a.reduce((s, x) => s + x, 0)),
  rank: () => 1,
  rowMean: () => noMatrix('vectorAlgebra'),
  colMean: () => noMatrix('vectorAlgebra'),
};

/** `cond > 0 ? a : b` elementwise, broadcasting like `zip`. */
function pick(cond: V, a: V | number, b: V | number): V {
  const ab = zip(a, b, () => 0); // checks that a and b broadcast, and gives their length
  const c = zip(cond, ab, (x) => x);
  const at = (v: V | number, i: number) => (typeof v === 'number' ? v : v[v.length === 1 ? 0 : i]);
  return c.map((x, i) => (x > 0 ? at(a, i) : at(b, i)));
}
