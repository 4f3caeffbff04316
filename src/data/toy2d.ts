/**
 * Seeded 2-D classification sets, generated the way TensorFlow Playground's `dataset.ts` does
 * (same shapes, ranges and noise model), but from a seeded mulberry32 instead of Math.random,
 * so a seed reproduces the set exactly. Points lie roughly in [-6, 6]².
 *
 * Labels are 0/1 (Playground's −1 → 0, +1 → 1). `noise` is Playground's slider / 100, in [0, 1]
 * (the slider goes to 50 %, i.e. 0.5). Where Playground labels a point by a rule (circle, xor)
 * the rule is applied to the point plus noise while the stored point is noise-free, as upstream.
 */
import { mulberry32, shuffleInPlace } from './seededRandom';

export interface Toy2dSet {
  kind: Toy2dKind;
  n: number;
  /** n × 2, row-major: [x₀, y₀, x₁, y₁, …]. */
  points: Float64Array;
  /** 0 or 1 per point. */
  labels: Uint8Array;
}

export interface Toy2dOptions {
  kind: Toy2dKind;
  /** Number of points (≥ 2). Two-class sets give class 1 the extra point when n is odd. */
  n: number;
  /** In [0, 1]; Playground's default slider value 0 → 0, its maximum 50 → 0.5. */
  noise: number;
  seed: number;
}

type Emit = (x: number, y: number, label: 0 | 1) => void;
type Generator = (n: number, noise: number, uniform: () => number, emit: Emit) => void;

interface Toy2dSpec {
  id: string;
  label: string;
  generate: Generator;
}

const between = (u: () => number, a: number, b: number) => a + (b - a) * u();

/** Marsaglia's polar method, as Playground's normalRandom (mean, variance). */
function normal(u: () => number, mean: number, variance: number): number {
  let v1: number;
  let v2: number;
  let s: number;
  do {
    v1 = 2 * u() - 1;
    v2 = 2 * u() - 1;
    s = v1 * v1 + v2 * v2;
  } while (s > 1 || s === 0);
  return mean + Math.sqrt(variance) * Math.sqrt((-2 * Math.log(s)) / s) * v1;
}

/** Per-class counts: class 1 first (Playground generates positives first), then class 0. */
const halves = (n: number): [number, number] => [Math.ceil(n / 2), Math.floor(n / 2)];

/** Two interleaved spirals (1.75 turns, radius 0 → 5), jittered by ±noise in x and y. */
const spiral: Generator = (n, noise, u, emit) => {
  for (const [count, delta, label] of [
    [halves(n)[0], 0, 1],
    [halves(n)[1], Math.PI, 0],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const r = (i / count) * 5;
      const t = ((1.75 * i) / count) * 2 * Math.PI + delta;
      emit(
        r * Math.sin(t) + between(u, -1, 1) * noise,
        r * Math.cos(t) + between(u, -1, 1) * noise,
        label,
      );
    }
  }
};

/** A disc of radius 2.5 (class 1) inside a ring 3.5–5 (class 0); label = |p + noise| < 2.5. */
const circle: Generator = (n, noise, u, emit) => {
  const radius = 5;
  for (const [count, rMin, rMax] of [
    [halves(n)[0], 0, radius * 0.5],
    [halves(n)[1], radius * 0.7, radius],
  ] as const) {
    for (let i = 0; i < count; i++) {
      const r = between(u, rMin, rMax);
      const angle = between(u, 0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const nx = between(u, -radius, radius) * noise;
      const ny = between(u, -radius, radius) * noise;
      emit(x, y, Math.hypot(x + nx, y + ny) < radius * 0.5 ? 1 : 0);
    }
  }
};

/** Uniform in [-5, 5]² pushed 0.3 away from the axes; label 1 where x·y ≥ 0 (after noise). */
const xor: Generator = (n, noise, u, emit) => {
  const pad = 0.3;
  for (let i = 0; i < n; i++) {
    let x = between(u, -5, 5);
    x += x > 0 ? pad : -pad;
    let y = between(u, -5, 5);
    y += y > 0 ? pad : -pad;
    const nx = between(u, -5, 5) * noise;
    const ny = between(u, -5, 5) * noise;
    emit(x, y, (x + nx) * (y + ny) >= 0 ? 1 : 0);
  }
};

/** Two Gaussians at (2, 2) (class 1) and (−2, −2) (class 0), variance 0.5 + 7·noise (0.5 → 4 at 0.5). */
const gauss: Generator = (n, noise, u, emit) => {
  const variance = 0.5 + (noise / 0.5) * 3.5;
  for (const [count, c, label] of [
    [halves(n)[0], 2, 1],
    [halves(n)[1], -2, 0],
  ] as const) {
    for (let i = 0; i < count; i++) emit(normal(u, c, variance), normal(u, c, variance), label);
  }
};

/** The registry: a record's `id` is also its URL/CLI value. */
export const TOY2D_SETS = [
  { id: 'spiral', label: 'Spiral', generate: spiral },
  { id: 'circle', label: 'Circle', generate: circle },
  { id: 'xor', label: 'Exclusive or', generate: xor },
  { id: 'gauss', label: 'Gaussian', generate: gauss },
] as const satisfies readonly Toy2dSpec[];

export type Toy2dKind = (typeof TOY2D_SETS)[number]['id'];

/** Generates a set; throws a RangeError naming the bad option. */
export function makeToy2d(options: Toy2dOptions): Toy2dSet {
  const { kind, n, noise, seed } = options;
  const spec = TOY2D_SETS.find((s) => s.id === kind);
  if (!spec)
    throw new RangeError(
      `toy2d: unknown kind ${JSON.stringify(kind)} (known: ${TOY2D_SETS.map((s) => s.id).join(', ')})`,
    );
  if (!Number.isInteger(n) || n < 2 || n > 1_000_000)
    throw new RangeError(`toy2d: n must be an integer in [2, 1e6], got ${n}`);
  if (!(noise >= 0 && noise <= 1))
    throw new RangeError(`toy2d: noise must be in [0, 1], got ${noise}`);
  if (!Number.isInteger(seed)) throw new RangeError(`toy2d: seed must be an integer, got ${seed}`);
  const points = new Float64Array(2 * n);
  const labels = new Uint8Array(n);
  let k = 0;
  spec.generate(n, noise, mulberry32(seed), (x, y, label) => {
    points[2 * k] = x;
    points[2 * k + 1] = y;
    labels[k] = label;
    k++;
  });
  return { kind, n, points, labels };
}

/**
 * Shuffles a set (seeded) and splits it into train and test, as Playground does with its
 * "ratio of training to test data": the first round(trainFraction·n) shuffled points train.
 */
export function splitToy2d(
  set: Toy2dSet,
  trainFraction: number,
  seed: number,
): { train: Toy2dSet; test: Toy2dSet } {
  if (!(trainFraction > 0 && trainFraction < 1))
    throw new RangeError(`toy2d: trainFraction must be in (0, 1), got ${trainFraction}`);
  const order = shuffleInPlace(
    Int32Array.from({ length: set.n }, (_, i) => i),
    mulberry32(seed),
  );
  const nTrain = Math.round(trainFraction * set.n);
  const take = (idx: Int32Array): Toy2dSet => ({
    kind: set.kind,
    n: idx.length,
    points: Float64Array.from(
      { length: 2 * idx.length },
      (_, j) => set.points[2 * idx[j >> 1] + (j & 1)],
    ),
    labels: Uint8Array.from(idx, (i) => set.labels[i]),
  });
  return { train: take(order.subarray(0, nTrain)), test: take(order.subarray(nTrain)) };
}
