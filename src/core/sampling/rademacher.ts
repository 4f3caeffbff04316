import { createRng } from './rng';

/** murmur3's 32-bit finaliser: every input bit flips about half of the output bits. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * n Rademacher signs (±1, each with probability ½) as a pure function of (seed, draw): the
 * stream of `createRng` seeded with a hash of both, so draw d of seed s is the same vector in
 * every run, and neighbouring (s, d) pairs give unrelated vectors. Hutchinson's estimator
 * (Sophia) draws one vector per Hessian update, `draw` = the step.
 */
export function rademacherSigns(n: number, seed: number, draw: number, out = new Float64Array(n)) {
  const rng = createRng(fmix32(fmix32(Math.trunc(seed) >>> 0) ^ (Math.trunc(draw) >>> 0)));
  for (let i = 0; i < n; i++) out[i] = rng.next() < 0.5 ? -1 : 1;
  return out;
}
