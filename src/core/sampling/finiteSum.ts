import { EpochBatches } from './epochBatches';
import { createRng } from './rng';

/**
 * Minibatch noise that means something (DESIGN §2). An analytic surface f is read as a finite
 * sum over N samples,
 *
 *   f(θ) = (1/N) Σᵢ fᵢ(θ),   fᵢ(θ) = f(θ) + ξᵢ·θ,   Σᵢ ξᵢ = 0,
 *
 * with ξᵢ ∈ R² drawn once, i.i.d. N(0, noise²·I) from the seeded RNG, then centred (the sample
 * mean subtracted). The full batch is therefore the exact surface, and a batch S of B samples
 * has gradient ∇f(θ) + ξ̄_S with ξ̄_S = (1/B) Σ_{i∈S} ξᵢ: the surface's own gradient plus a
 * noise whose variance, for sampling without replacement, is
 *
 *   Var ξ̄_S = (σ̂²/B) · (N − B)/(N − 1)   per coordinate,
 *
 * σ̂² the population variance of the ξ's. It falls like 1/B and vanishes at B = N.
 *
 * Batches come from `EpochBatches` (shuffle each epoch, drop_last=False: a smaller last batch
 * when B does not divide N). A size above N behaves as N, as a DataLoader would.
 */
export interface BatchConfig {
  /** B, samples per step. */
  size: number;
  /** N, samples in the finite sum. */
  samples: number;
  /** Standard deviation of each coordinate of ξᵢ before centring. */
  noise: number;
  /** Seeds both the ξ's and the batch order. */
  seed: number;
}

export interface MinibatchSampler {
  readonly config: Readonly<BatchConfig>;
  /** ξ of every sample, interleaved [ξ₀ₓ, ξ₀ᵧ, ξ₁ₓ, …], centred. Read-only by contract. */
  readonly xi: Float64Array;
  /** Epochs begun so far. */
  readonly epoch: number;
  /**
   * Draws the next batch and adds its mean ξ to `grad` (length 2) in place, turning ∇f into
   * the batch gradient; returns the batch's size. Allocation-free.
   */
  addBatchNoise(grad: Float64Array): number;
  /** mean ξ · θ over the current batch: the batch loss is f(θ) + this. */
  batchLossOffset(x: number, y: number): number;
  /** Copies the current batch's sample indices into `out`; returns how many. */
  batchIndices(out: Int32Array): number;
  /**
   * Sets B for the batches from the next one on (capped at N), as a batch-size schedule does:
   * the current epoch's permutation goes on, so no sample is seen twice in an epoch.
   */
  setBatchSize(size: number): void;
}

/** Throws an error naming the field when a config cannot describe a finite sum. */
export function validateBatchConfig(cfg: BatchConfig): void {
  const int = (v: number) => Number.isInteger(v);
  if (!int(cfg.samples) || cfg.samples < 1)
    throw new Error(`batch.samples must be an integer ≥ 1, got ${cfg.samples}`);
  if (!int(cfg.size) || cfg.size < 1)
    throw new Error(`batch.size must be an integer ≥ 1, got ${cfg.size}`);
  if (!Number.isFinite(cfg.noise) || cfg.noise < 0)
    throw new Error(`batch.noise must be a finite number ≥ 0, got ${cfg.noise}`);
  if (!int(cfg.seed)) throw new Error(`batch.seed must be an integer, got ${cfg.seed}`);
}

/**
 * The centred ξ's. They depend on (samples, noise, seed) only, not on the batch size, so runs
 * that compare batch sizes see the same finite sum; noise only scales them.
 */
export function drawNoiseVectors(samples: number, noise: number, seed: number): Float64Array {
  const rng = createRng(seed);
  const xi = new Float64Array(2 * samples);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < samples; i++) {
    xi[2 * i] = noise * rng.normal();
    xi[2 * i + 1] = noise * rng.normal();
    mx += xi[2 * i];
    my += xi[2 * i + 1];
  }
  mx /= samples;
  my /= samples;
  for (let i = 0; i < samples; i++) {
    xi[2 * i] -= mx;
    xi[2 * i + 1] -= my;
  }
  return xi;
}

/**
 * The batch order gets its own stream (a hashed seed), so it is independent of the ξ draws
 * and does not change with the noise scale.
 */
function shuffleSeed(seed: number): number {
  // murmur3's 32-bit finaliser: neighbouring seeds land far apart.
  let h = (Math.trunc(seed) ^ 0x9e3779b9) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

export function createMinibatchSampler(cfg: BatchConfig): MinibatchSampler {
  validateBatchConfig(cfg);
  const n = cfg.samples;
  const xi = drawNoiseVectors(n, cfg.noise, cfg.seed);
  const batches = new EpochBatches(n, Math.min(cfg.size, n), createRng(shuffleSeed(cfg.seed)));
  let meanX = 0;
  let meanY = 0;

  return {
    config: { ...cfg },
    xi,
    get epoch() {
      return batches.epoch;
    },
    addBatchNoise(grad) {
      const size = batches.advance();
      if (size === n) {
        // The full batch is the exact surface. The centred ξ's sum to round-off (~1e-17), not
        // to 0; skipping them makes B = N bit-identical to plain gradient descent.
        meanX = 0;
        meanY = 0;
        return size;
      }
      const order = batches.order;
      let sx = 0;
      let sy = 0;
      for (let k = batches.start, end = batches.start + size; k < end; k++) {
        const i = order[k];
        sx += xi[2 * i];
        sy += xi[2 * i + 1];
      }
      meanX = sx / size;
      meanY = sy / size;
      grad[0] += meanX;
      grad[1] += meanY;
      return size;
    },
    batchLossOffset: (x, y) => meanX * x + meanY * y,
    batchIndices(out) {
      out.set(batches.order.subarray(batches.start, batches.start + batches.size));
      return batches.size;
    },
    setBatchSize(size) {
      batches.batchSize = Math.max(1, Math.min(Math.trunc(size), n));
    },
  };
}

/**
 * Theoretical per-coordinate variance of the batch-mean noise ξ̄_S for a full-size batch:
 * σ̂²/B · (N − B)/(N − 1), with σ̂² = (1/2N) Σᵢ ‖ξᵢ‖² the population variance of the centred
 * ξ's averaged over the two coordinates (each coordinate alone obeys the same formula with its
 * own σ̂²). Zero at B ≥ N; the short last batch of an epoch is not covered.
 */
export function gradientNoiseVariance(cfg: BatchConfig): number {
  validateBatchConfig(cfg);
  const n = cfg.samples;
  const b = Math.min(cfg.size, n);
  if (b === n) return 0;
  const xi = drawNoiseVectors(n, cfg.noise, cfg.seed);
  let ss = 0;
  for (let k = 0; k < xi.length; k++) ss += xi[k] * xi[k];
  const sigma2 = ss / (2 * n);
  return (sigma2 / b) * ((n - b) / (n - 1));
}
