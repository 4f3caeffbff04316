/**
 * The critical batch size beside the race's batch slider (issue #14): the gradient noise scale
 * B_noise = tr(Σ)/|∇f(θ)|² of the race's finite sum, exact (noiseScale.ts), at the start and at
 * each racer's point at the shown step.
 */
import { drawNoiseVectors } from '../sampling/finiteSum';
import { finiteSumTraceSigma, surfaceNoiseScale } from '../sampling/noiseScale';
import { getSurface } from '../surfaces/registry';

export interface NoiseScaleSetup {
  surface: string;
  surfaceParams: Record<string, number>;
  samples: number;
  noise: number;
  seed: number;
}

/** tr(Σ) of the race's finite sum and its surface, for many B_noise lookups. */
export function noiseScaleAt(setup: NoiseScaleSetup): (x: number, y: number) => number {
  const surface = getSurface(setup.surface, setup.surfaceParams);
  const tr = finiteSumTraceSigma(drawNoiseVectors(setup.samples, setup.noise, setup.seed));
  return (x, y) => surfaceNoiseScale(surface, tr, x, y);
}

/** A racer's point after `step` steps of its run (the start at 0; its last point past the end). */
export function pointAtStep(
  start: readonly [number, number],
  params: ArrayLike<number>,
  step: number,
): [number, number] {
  const k = Math.min(step, params.length / 2);
  return k <= 0 ? [start[0], start[1]] : [params[2 * k - 2], params[2 * k - 1]];
}

/** B_noise as read beside a slider: "∞" at a stationary point, else 2 significant digits. */
export function formatNoiseScale(b: number): string {
  if (!Number.isFinite(b)) return Number.isNaN(b) ? '—' : '∞';
  if (b < 1) return b.toPrecision(1);
  const p = 10 ** Math.max(0, Math.floor(Math.log10(b)) - 1);
  return (Math.round(b / p) * p).toLocaleString('en-US');
}

/** Where the batch size sits against B_noise, in words. */
export function batchVersusNoise(b: number, bNoise: number): string {
  if (!Number.isFinite(bNoise)) return 'at a stationary point every batch is noise-dominated';
  if (b < bNoise / 2) return 'B is well below it: noise-dominated, a larger B helps';
  if (b > bNoise * 2) return 'B is well above it: extra samples are mostly wasted';
  return 'B is near it';
}
