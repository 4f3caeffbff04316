/**
 * The order in which to evaluate `num` points of a line so that a coarse curve over the whole
 * range comes first and is refined in place: arithmetic progressions of point indices, each of
 * which is itself a linspace (so one slice call evaluates it).
 *
 * Strides s₀ > s₁ > … > 1 each divide the one before, s₀ divides num − 1 and leaves ≥ `first`
 * points: pass 0 is every s₀-th point (both ends included), pass k the multiples of s_k that
 * pass k − 1 skipped. With num = 41: 0, 10, 20, 30, 40; then 5, 15, 25, 35; then the rest.
 * Runs longer than `chunk` are split, so progress arrives at least every `chunk` points.
 */
export interface Progression {
  /** First point index. */
  start: number;
  /** Index step between its points. */
  stride: number;
  count: number;
}

/** Largest divisor of n that is < n (1 for primes and 1). */
function largestProperDivisor(n: number): number {
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return n / d;
  return 1;
}

export function refineOrder(num: number, first = 5, chunk = 8): Progression[] {
  if (!Number.isInteger(num) || num < 1)
    throw new Error(`refineOrder: num must be a positive integer, got ${num}`);
  if (!Number.isInteger(chunk) || chunk < 1)
    throw new Error(`refineOrder: chunk must be a positive integer, got ${chunk}`);
  const span = num - 1;
  if (span === 0) return [{ start: 0, stride: 1, count: 1 }];
  // s₀: the largest divisor of span whose progression still has `first` points.
  let s0 = 1;
  for (let d = span; d >= 1; d--)
    if (span % d === 0 && span / d + 1 >= first) {
      s0 = d;
      break;
    }
  const runs: Progression[] = [];
  const push = (start: number, stride: number) => {
    const count = Math.floor((span - start) / stride) + 1;
    for (let k = 0; k < count; k += chunk)
      runs.push({ start: start + k * stride, stride, count: Math.min(chunk, count - k) });
  };
  push(0, s0);
  for (let prev = s0; prev > 1;) {
    const s = largestProperDivisor(prev);
    for (let r = s; r < prev; r += s) push(r, prev);
    prev = s;
  }
  return runs;
}
