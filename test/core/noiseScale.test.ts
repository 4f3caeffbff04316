import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../src/core/config';
import {
  createMinibatchSampler,
  drawNoiseVectors,
  gradientNoiseVariance,
} from '../../src/core/sampling/finiteSum';
import {
  finiteSumTraceSigma,
  runNoiseScale,
  surfaceNoiseScale,
  twoBatchNoiseScale,
} from '../../src/core/sampling/noiseScale';
import { getSurface } from '../../src/core/surfaces/registry';
import { run } from '../../src/core/trajectory';

/** Brute force: every sample's gradient of fᵢ(θ) = f(θ) + ξᵢ·θ by central differences. */
function bruteForce(id: string, xi: Float64Array, x: number, y: number) {
  const s = getSurface(id, {});
  const n = xi.length / 2;
  const h = 1e-5;
  const fi = (i: number, a: number, b: number) => s.value(a, b) + xi[2 * i] * a + xi[2 * i + 1] * b;
  const gs: [number, number][] = [];
  for (let i = 0; i < n; i++)
    gs.push([
      (fi(i, x + h, y) - fi(i, x - h, y)) / (2 * h),
      (fi(i, x, y + h) - fi(i, x, y - h)) / (2 * h),
    ]);
  const mean = [0, 1].map((c) => gs.reduce((t, g) => t + g[c], 0) / n);
  let tr = 0;
  for (const g of gs) tr += ((g[0] - mean[0]) ** 2 + (g[1] - mean[1]) ** 2) / n;
  return { tr, g2: mean[0] ** 2 + mean[1] ** 2 };
}

describe('gradient noise scale on the finite-sum surfaces', () => {
  it('B_noise = tr(Σ)/|∇f|² in closed form equals the brute-force sum over all N samples', () => {
    const xi = drawNoiseVectors(200, 1.5, 7);
    const tr = finiteSumTraceSigma(xi);
    for (const [id, x, y] of [
      ['quadratic', 1.3, -0.4],
      ['rosenbrock', -1, 1.5],
      ['sharp_flat', -3.5, 1],
      ['himmelblau', 0.5, 0.5],
    ] as const) {
      const b = bruteForce(id, xi, x, y);
      expect(b.tr).toBeCloseTo(tr, 6);
      const closed = surfaceNoiseScale(getSurface(id, {}), tr, x, y);
      expect(closed / (b.tr / b.g2) - 1).toBeLessThan(1e-6);
      expect(closed / (b.tr / b.g2) - 1).toBeGreaterThan(-1e-6);
    }
  });

  it('agrees with the sampler’s gradient variance: tr(Σ)/B·(N−B)/(N−1) = 2 × per-coordinate', () => {
    const cfg = { size: 8, samples: 100, noise: 0.7, seed: 2 };
    const tr = finiteSumTraceSigma(drawNoiseVectors(100, 0.7, 2));
    expect((tr / 8) * (92 / 99)).toBeCloseTo(2 * gradientNoiseVariance(cfg), 14);
  });

  it('the two-batch estimator recovers |G|² and tr(Σ) exactly from an epoch of B = 1 and B = N', () => {
    const n = 50;
    const cfg = { size: 1, samples: n, noise: 1, seed: 4 };
    const sampler = createMinibatchSampler(cfg);
    const s = getSurface('quadratic', {});
    const g = new Float64Array(2);
    s.gradient(1, 0.3, g);
    const g2 = g[0] ** 2 + g[1] ** 2;
    // One epoch of B = 1 visits every sample once: the mean of |G_1|² is exact.
    let small = 0;
    for (let i = 0; i < n; i++) {
      const gb = Float64Array.from(g);
      sampler.addBatchNoise(gb);
      small += (gb[0] ** 2 + gb[1] ** 2) / n;
    }
    const est = twoBatchNoiseScale({ size: 1, normSq: small }, { size: n, normSq: g2 }, n);
    const tr = finiteSumTraceSigma(sampler.xi);
    expect(est.gradSq).toBeCloseTo(g2, 10);
    expect(est.traceSigma).toBeCloseTo(tr, 10);
    expect(est.bNoise).toBeCloseTo(surfaceNoiseScale(s, tr, 1, 0.3), 10);
  });

  it('averaged over many draws, B = 4 and B = 32 estimate B_noise within 5 %', () => {
    const n = 256;
    const s = getSurface('quadratic', {});
    const g = new Float64Array(2);
    s.gradient(0.5, 0.1, g);
    const mean = (b: number) => {
      const sampler = createMinibatchSampler({ size: b, samples: n, noise: 1, seed: 9 });
      let t = 0;
      const draws = 20_000;
      for (let i = 0; i < draws; i++) {
        const gb = Float64Array.from(g);
        sampler.addBatchNoise(gb);
        t += (gb[0] ** 2 + gb[1] ** 2) / draws;
      }
      return t;
    };
    const est = twoBatchNoiseScale({ size: 4, normSq: mean(4) }, { size: 32, normSq: mean(32) }, n);
    const exact = surfaceNoiseScale(s, finiteSumTraceSigma(drawNoiseVectors(n, 1, 9)), 0.5, 0.1);
    expect(Math.abs(est.bNoise / exact - 1)).toBeLessThan(0.05);
    expect(() => twoBatchNoiseScale({ size: 8, normSq: 1 }, { size: 8, normSq: 1 })).toThrow(
      /small batch \(8\) must be smaller/,
    );
  });

  it('along a run: tr(Σ)/|∇f|² at each step’s point, growing as the run nears the minimum', () => {
    const p = parseRunConfig({
      surface: 'quadratic',
      steps: 100,
      optimizer: { type: 'SGD', lr: 0.02 },
      batch: { size: 16, samples: 128, noise: 0.5, seed: 1 },
    });
    if (!p.ok) throw new Error(p.errors.join());
    const r = run(p.value);
    const b = runNoiseScale(p.value, r)!;
    const tr = finiteSumTraceSigma(drawNoiseVectors(128, 0.5, 1));
    const s = getSurface('quadratic', {});
    expect(b[0]).toBeCloseTo(surfaceNoiseScale(s, tr, ...p.value.start), 12);
    expect(b[50]).toBeCloseTo(surfaceNoiseScale(s, tr, r.params[98], r.params[99]), 12);
    expect(b[99]).toBeGreaterThan(10 * b[0]);
    expect(runNoiseScale({ ...p.value, batch: null }, r)).toBeNull();
  });
});
