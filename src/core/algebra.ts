/**
 * The small algebra every optimizer is written against (DESIGN §3).
 *
 * An update rule is written once as `step(A, ...)`; the same code runs on plain `number`s
 * (exact float64: live 2D races and the PyTorch reference tests, one call per coordinate),
 * on Float64Arrays (vectorAlgebra: the whole point (x, y) at once, for optimizers that read
 * the whole parameter) and on tfjs tensors (GPU: networks, one call per parameter tensor, see
 * src/gpu). Every operation is pure: it returns a new value and never mutates its arguments,
 * which is what tfjs needs and costs nothing for numbers.
 *
 * Everything is elementwise (numbers broadcast) except `sum`, the one reduction: over the
 * value the step was given, which is a whole parameter tensor on networks, the point (x, y)
 * in vectorAlgebra, and one coordinate in numberAlgebra. The one exception is a matrix's row
 * and column means (`rowMean`, `colMean`, with `rank` to ask first), which only tensors of
 * rank ≥ 2 have: Adafactor's factored second moment on networks.
 */
export interface Algebra<T> {
  add(a: T | number, b: T | number): T;
  sub(a: T | number, b: T | number): T;
  mul(a: T | number, b: T | number): T;
  div(a: T | number, b: T | number): T;
  sqrt(a: T): T;
  /** aᵖ elementwise, for a fixed exponent (a per-run β's bias correction 1 − βᵗ in a map). */
  pow(a: T, p: number): T;
  abs(a: T): T;
  sign(a: T): T;
  maximum(a: T | number, b: T | number): T;
  minimum(a: T | number, b: T | number): T;
  /** Elementwise `cond > 0 ? a : b`. */
  where(cond: T, a: T | number, b: T | number): T;
  /** A constant shaped like `like` (zeros for state initialisation). */
  fill(like: T, value: number): T;
  /** The sum of every element, as a value that broadcasts against `a` (a scalar tensor). */
  sum(a: T): T;
  /**
   * The number of axes: 0 for numberAlgebra's coordinate, 1 for vectorAlgebra's point, the
   * tensor's rank on networks. An optimizer that treats matrices apart (Adafactor's factored
   * second moment) asks this before it calls `rowMean` or `colMean`.
   */
  rank(a: T): number;
  /**
   * The mean over the last axis, kept as an axis of length 1 ([..., m, n] → [..., m, 1]), and
   * over the second-to-last ([..., m, n] → [..., 1, n]): a matrix's row and column means
   * (Adafactor's factors), which broadcast back against it. Only for rank ≥ 2; numbers and
   * vectors never have a second axis, so numberAlgebra and vectorAlgebra throw.
   */
  rowMean(a: T): T;
  colMean(a: T): T;
}

/** ‖x‖₂ over the whole value, in A (a broadcasting scalar). */
export const norm = <T>(A: Algebra<T>, x: T): T => A.sqrt(A.sum(A.mul(x, x)));

/** The exact float64 algebra: T = number, one coordinate at a time. */
export const numberAlgebra: Algebra<number> = {
  add: (a, b) => a + b,
  sub: (a, b) => a - b,
  mul: (a, b) => a * b,
  div: (a, b) => a / b,
  sqrt: Math.sqrt,
  pow: Math.pow,
  abs: Math.abs,
  // torch.sign(0) is 0 and sign(NaN) is NaN; Math.sign agrees (it also keeps -0, harmless).
  sign: Math.sign,
  maximum: (a, b) => (a !== a || b !== b ? NaN : a > b ? a : b),
  minimum: (a, b) => (a !== a || b !== b ? NaN : a < b ? a : b),
  where: (cond, a, b) => (cond > 0 ? a : b),
  fill: (_like, value) => value,
  // One coordinate is the whole value here: optimizers that need the whole parameter
  // (scope 'whole') run on vectorAlgebra instead.
  sum: (a) => a,
  rank: () => 0,
  rowMean: () => noMatrix('numberAlgebra'),
  colMean: () => noMatrix('numberAlgebra'),
};

/** The row/column means of an algebra whose values are never matrices (see `rank`). */
export function noMatrix(algebra: string): never {
  throw new Error(`${algebra}: rowMean and colMean need a value of rank ≥ 2`);
}
