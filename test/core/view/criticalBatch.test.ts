import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../../src/core/config';
import { runNoiseScale } from '../../../src/core/sampling/noiseScale';
import { run } from '../../../src/core/trajectory';
import {
  batchVersusNoise,
  formatNoiseScale,
  noiseScaleAt,
  pointAtStep,
} from '../../../src/core/view/criticalBatch';

describe('the critical batch size beside the batch slider', () => {
  it('is the core’s exact B_noise at the start and at a racer’s point at the shown step', () => {
    const parsed = parseRunConfig({
      surface: 'quadratic',
      start: [2, 1],
      steps: 20,
      optimizer: { type: 'SGD', lr: 0.05 },
      batch: { size: 8, samples: 64, noise: 0.5, seed: 3 },
    });
    if (!parsed.ok) throw new Error(parsed.errors.join());
    const c = parsed.value;
    const r = run(c);
    const exact = runNoiseScale(c, r)!;
    const at = noiseScaleAt({ surface: c.surface, surfaceParams: c.surfaceParams, ...c.batch! });
    for (const k of [0, 1, 7, 19])
      expect(at(...pointAtStep(c.start, r.params, k))).toBeCloseTo(exact[k], 10);
    // Closer to the minimum the gradient shrinks and B_noise grows.
    expect(exact[19]).toBeGreaterThan(exact[0]);
    expect(pointAtStep(c.start, r.params, 999)).toEqual([r.params[38], r.params[39]]);
  });

  it('reads as a number, ∞ at a stationary point, and says where B sits', () => {
    expect(formatNoiseScale(12345)).toBe('12,000');
    expect(formatNoiseScale(37.4)).toBe('37');
    expect(formatNoiseScale(0.0123)).toBe('0.01');
    expect(formatNoiseScale(Infinity)).toBe('∞');
    expect(formatNoiseScale(NaN)).toBe('—');
    expect(batchVersusNoise(8, 100)).toMatch(/below/);
    expect(batchVersusNoise(800, 100)).toMatch(/above/);
    expect(batchVersusNoise(100, 100)).toMatch(/near/);
    expect(batchVersusNoise(100, Infinity)).toMatch(/stationary/);
  });
});
