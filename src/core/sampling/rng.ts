/**
 * A small seeded pseudo-random generator: the only source of randomness in the core
 * (never Math.random), so a seed in a URL or config reproduces a run exactly.
 *
 * Uniforms come from mulberry32 (Tommy Ettinger's 32-bit generator: one add, a few
 * multiply-xorshift rounds; period 2³²). That is plenty for shuffling a few thousand indices
 * and drawing noise vectors, and every JavaScript engine gives bit-identical output.
 */
export interface Rng {
  /** Uniform in [0, 1), with 32 random bits. */
  next(): number;
  /** Standard normal N(0, 1) (Box–Muller; the second value of each pair is kept for the next call). */
  normal(): number;
  /** Uniform integer in [0, n) for 1 ≤ n ≤ 2³² (bias ≤ n/2³², negligible at our sizes). */
  int(n: number): number;
}

/**
 * A generator seeded with `seed` (its integer part modulo 2³²; seeds differing only there, e.g.
 * 1 and 1.5, give the same stream — configs validate seeds as integers).
 */
export function createRng(seed: number): Rng {
  let state = Math.trunc(seed) >>> 0;
  let spare = 0;
  let hasSpare = false;

  function next(): number {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  return {
    next,
    normal() {
      if (hasSpare) {
        hasSpare = false;
        return spare;
      }
      // Box–Muller: r = √(−2 ln u₁), φ = 2πu₂ gives two independent normals r·cos φ, r·sin φ.
      // 1 − next() lies in (0, 1], so the log never sees 0.
      const r = Math.sqrt(-2 * Math.log(1 - next()));
      const phi = 2 * Math.PI * next();
      spare = r * Math.sin(phi);
      hasSpare = true;
      return r * Math.cos(phi);
    },
    int: (n) => Math.floor(next() * n),
  };
}
