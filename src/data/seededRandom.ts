/**
 * mulberry32 (Tommy Ettinger): a 32-bit seeded generator, bit-identical in every JS engine.
 * The data modules keep their own frozen copy so that a committed subset or a toy set stays
 * reproducible from its seed even if the core RNG changes. Never Math.random.
 */
export function mulberry32(seed: number): () => number {
  let state = Math.trunc(seed) >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with a uniform source in [0, 1). */
export function shuffleInPlace<T extends { length: number; [i: number]: unknown }>(
  a: T,
  uniform: () => number,
): T {
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(uniform() * (i + 1));
    const tmp = a[i];
    a[i] = a[j];
    a[j] = tmp;
  }
  return a;
}
