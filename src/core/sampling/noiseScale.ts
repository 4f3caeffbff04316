/**
 * The gradient noise scale of McCandlish et al. 2018 ("An empirical model of large-batch
 * training"), their B_simple = tr(Σ)/|G|²: Σ the covariance of one sample's gradient, G the full
 * gradient. Batches much smaller than B_noise are noise-dominated (doubling B nearly halves the
 * steps needed), much larger ones waste samples; it estimates the critical batch size.
 *
 * On a finite-sum surface (finiteSum.ts) it is known exactly: sample i's gradient is ∇f(θ) + ξᵢ
 * and Σᵢ ξᵢ = 0, so the mean is ∇f and Σ = (1/N) Σᵢ ξᵢξᵢᵀ, the same at every θ:
 * tr(Σ) = (1/N) Σᵢ |ξᵢ|², and B_noise(θ) = tr(Σ)/|∇f(θ)|², which grows without bound near a
 * minimum.
 *
 * On a network only batch gradients are at hand; the paper's estimator (their appendix A.1)
 * takes two batch sizes, since E|G_B|² = |G|² + tr(Σ)·c(B). With replacement c(B) = 1/B; drawn
 * without replacement from N samples c(B) = (N − B)/(B(N − 1)), which is what `twoBatchNoiseScale`
 * uses when N is given (it tends to 1/B for N ≫ B, and gives exact answers at B = N).
 */
import type { RunConfig } from '../config';
import type { Surface } from '../surfaces/surface';
import { getSurface } from '../surfaces/registry';
import type { RunResult } from '../trajectory';
import { drawNoiseVectors } from './finiteSum';

/** tr(Σ) of the finite sum with these centred ξ's (interleaved [ξ₀ₓ, ξ₀ᵧ, …]). */
export function finiteSumTraceSigma(xi: Float64Array): number {
  let ss = 0;
  for (let k = 0; k < xi.length; k++) ss += xi[k] * xi[k];
  return ss / (xi.length / 2);
}

/** B_noise = tr(Σ)/|∇f(θ)|² at (x, y); Infinity where the gradient vanishes. */
export function surfaceNoiseScale(
  surface: Pick<Surface, 'gradient'>,
  traceSigma: number,
  x: number,
  y: number,
): number {
  const g = new Float64Array(2);
  surface.gradient(x, y, g);
  const g2 = g[0] * g[0] + g[1] * g[1];
  return g2 > 0 ? traceSigma / g2 : traceSigma > 0 ? Infinity : 0;
}

/** c(B) in E|G_B|² = |G|² + tr(Σ)·c(B): 1/B with replacement, or without it from N samples. */
export function batchVarianceFactor(b: number, n?: number): number {
  return n === undefined ? 1 / b : (n - b) / (b * (n - 1));
}

export interface NoiseScaleEstimate {
  /** Estimate of |G|² (unbiased). */
  gradSq: number;
  /** Estimate of tr(Σ) (unbiased). */
  traceSigma: number;
  /** traceSigma / gradSq (the paper's B_simple; NaN when |G|² is not estimated positive). */
  bNoise: number;
}

/**
 * The two-batch-size estimator: from mean squared norms of batch gradients at two sizes
 * bSmall < bBig (each an average over draws, at the same θ), solve the two equations
 * E|G_B|² = |G|² + tr(Σ)·c(B) for |G|² and tr(Σ). With c = 1/B this is the paper's
 * |G|² ≈ (B_big|G_big|² − B_small|G_small|²)/(B_big − B_small),
 * tr(Σ) ≈ (|G_small|² − |G_big|²)/(1/B_small − 1/B_big).
 */
export function twoBatchNoiseScale(
  small: { size: number; normSq: number },
  big: { size: number; normSq: number },
  samples?: number,
): NoiseScaleEstimate {
  const cs = batchVarianceFactor(small.size, samples);
  const cb = batchVarianceFactor(big.size, samples);
  if (!(cs > cb))
    throw new Error(
      `twoBatchNoiseScale: the small batch (${small.size}) must be smaller than the big one (${big.size})`,
    );
  const traceSigma = (small.normSq - big.normSq) / (cs - cb);
  const gradSq = (cs * big.normSq - cb * small.normSq) / (cs - cb);
  return { gradSq, traceSigma, bNoise: gradSq > 0 ? traceSigma / gradSq : NaN };
}

/**
 * B_noise at the point before each step of a surface run with minibatches (where `loss[k]` was
 * taken: the start, then params[k − 1]); null for a run without a batch config.
 */
export function runNoiseScale(
  config: Pick<RunConfig, 'surface' | 'surfaceParams' | 'start' | 'batch'>,
  r: Pick<RunResult, 'params' | 'steps'>,
): Float64Array | null {
  if (!config.batch) return null;
  const surface = getSurface(config.surface, config.surfaceParams);
  const { samples, noise, seed } = config.batch;
  const tr = finiteSumTraceSigma(drawNoiseVectors(samples, noise, seed));
  const out = new Float64Array(r.steps);
  for (let k = 0; k < r.steps; k++) {
    const [x, y] = k === 0 ? config.start : [r.params[2 * (k - 1)], r.params[2 * (k - 1) + 1]];
    out[k] = surfaceNoiseScale(surface, tr, x, y);
  }
  return out;
}
