import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  createMinibatchSampler,
  drawNoiseVectors,
  gradientNoiseVariance,
  type BatchConfig,
} from '../../src/core/sampling/finiteSum';
import { createRng } from '../../src/core/sampling/rng';

describe('createRng', () => {
  it('repeats its sequence for the same seed and changes it for another', () => {
    const draw = (seed: number) => {
      const r = createRng(seed);
      return Array.from({ length: 20 }, () => r.next());
    };
    expect(draw(7)).toEqual(draw(7));
    expect(draw(7)).not.toEqual(draw(8));
  });

  it('draws uniforms in [0, 1) with mean 1/2 and normals with mean 0 and variance 1', () => {
    const r = createRng(123);
    const n = 100_000;
    let su = 0;
    let sz = 0;
    let szz = 0;
    let outside = 0;
    for (let i = 0; i < n; i++) {
      const u = r.next();
      if (!(u >= 0 && u < 1)) outside++;
      su += u;
      const z = r.normal();
      sz += z;
      szz += z * z;
    }
    expect(outside).toBe(0);
    // Four standard errors: the uniform mean has sd 0.29/√n, the normal mean 1/√n, z² has sd √2/√n.
    expect(Math.abs(su / n - 0.5)).toBeLessThan((4 * 0.29) / Math.sqrt(n));
    expect(Math.abs(sz / n)).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(szz / n - 1)).toBeLessThan((4 * Math.SQRT2) / Math.sqrt(n));
  });

  it('draws integers uniformly over [0, n)', () => {
    const r = createRng(5);
    const counts = new Array(6).fill(0);
    for (let i = 0; i < 60_000; i++) counts[r.int(6)]++;
    for (const c of counts) expect(Math.abs(c - 10_000)).toBeLessThan(400);
  });
});

/** Batch-mean noise of the next `steps` batches, as [x, y] pairs (with the batch sizes). */
function noiseSeries(cfg: BatchConfig, steps: number) {
  const s = createMinibatchSampler(cfg);
  const g = new Float64Array(2);
  const out: { x: number; y: number; size: number }[] = [];
  for (let k = 0; k < steps; k++) {
    g[0] = 0;
    g[1] = 0;
    const size = s.addBatchNoise(g);
    out.push({ x: g[0], y: g[1], size });
  }
  return out;
}

describe('finite-sum minibatch sampler', () => {
  it('draws noise vectors that are centred, with the requested spread', () => {
    const xi = drawNoiseVectors(4096, 0.5, 3);
    let sx = 0;
    let sy = 0;
    let ss = 0;
    for (let i = 0; i < 4096; i++) {
      sx += xi[2 * i];
      sy += xi[2 * i + 1];
      ss += xi[2 * i] ** 2 + xi[2 * i + 1] ** 2;
    }
    expect(Math.abs(sx)).toBeLessThan(1e-12);
    expect(Math.abs(sy)).toBeLessThan(1e-12);
    expect(Math.sqrt(ss / (2 * 4096))).toBeCloseTo(0.5, 1);
  });

  it('adds exactly zero at B = N: the full batch is exact gradient descent', () => {
    const s = createMinibatchSampler({ size: 64, samples: 64, noise: 3, seed: 1 });
    const g = new Float64Array([1.25, -0.5]);
    for (let k = 0; k < 10; k++) {
      expect(s.addBatchNoise(g)).toBe(64);
      expect([...g]).toEqual([1.25, -0.5]);
      expect(s.batchLossOffset(2, 3)).toBe(0);
    }
    expect(gradientNoiseVariance({ size: 64, samples: 64, noise: 3, seed: 1 })).toBe(0);
    // A size above N behaves as N, like a DataLoader over a short dataset.
    const big = createMinibatchSampler({ size: 100, samples: 64, noise: 3, seed: 1 });
    expect(big.addBatchNoise(g)).toBe(64);
    expect([...g]).toEqual([1.25, -0.5]);
  });

  it.each([
    [256, 32],
    [100, 10],
    [50, 45],
    [1000, 1],
  ])('has batch-noise variance σ̂²/B·(N−B)/(N−1) for N = %i, B = %i', (samples, size) => {
    const cfg = { size, samples, noise: 0.7, seed: 11 };
    const s = createMinibatchSampler(cfg);
    // Per-coordinate population variances of the ξ's, each with its own prediction.
    const sig2 = [0, 0];
    for (let i = 0; i < samples; i++)
      for (const c of [0, 1]) sig2[c] += s.xi[2 * i + c] ** 2 / samples;
    const factor = (n: number, b: number) => (n - b) / (b * (n - 1));
    const series = noiseSeries(cfg, 40_000).filter((d) => d.size === size);
    for (const [c, key] of [
      [0, 'x'],
      [1, 'y'],
    ] as const) {
      const empirical = series.reduce((acc, d) => acc + d[key] ** 2, 0) / series.length;
      expect(Math.abs(empirical / (sig2[c] * factor(samples, size)) - 1)).toBeLessThan(0.03);
    }
    const pooled = series.reduce((acc, d) => acc + d.x ** 2 + d.y ** 2, 0) / (2 * series.length);
    expect(Math.abs(pooled / gradientNoiseVariance(cfg) - 1)).toBeLessThan(0.03);
  });

  it('visits every index exactly once per epoch, with a short last batch when B does not divide N', () => {
    const s = createMinibatchSampler({ size: 4, samples: 10, noise: 1, seed: 2 });
    const g = new Float64Array(2);
    const buf = new Int32Array(4);
    const epochs: number[][] = [];
    const sizes: number[] = [];
    for (let k = 0; k < 12; k++) {
      sizes.push(s.addBatchNoise(g));
      const n = s.batchIndices(buf);
      if (epochs.length < s.epoch) epochs.push([]);
      epochs[s.epoch - 1].push(...buf.subarray(0, n));
    }
    expect(sizes).toEqual([4, 4, 2, 4, 4, 2, 4, 4, 2, 4, 4, 2]);
    expect(epochs).toHaveLength(4);
    for (const e of epochs)
      expect([...e].sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    // A fresh permutation every epoch.
    expect(new Set(epochs.map((e) => e.join(','))).size).toBe(4);
  });

  it('makes every epoch a permutation, for any N and B', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer(),
        (samples, size, seed) => {
          const s = createMinibatchSampler({ size, samples, noise: 1, seed });
          const g = new Float64Array(2);
          const buf = new Int32Array(samples);
          const seen: number[] = [];
          let steps = 0;
          while (s.epoch <= 2) {
            s.addBatchNoise(g);
            if (s.epoch > 2) break;
            seen.push(...buf.subarray(0, s.batchIndices(buf)));
            steps++;
          }
          expect(steps).toBe(2 * Math.ceil(samples / Math.min(size, samples)));
          for (const part of [seen.slice(0, samples), seen.slice(samples)]) {
            expect(part.sort((a, b) => a - b)).toEqual(
              Array.from({ length: samples }, (_, i) => i),
            );
          }
        },
      ),
      { seed: 99, numRuns: 200 },
    );
  });

  it('repeats its batches for the same seed and changes them for another', () => {
    const cfg = { size: 8, samples: 64, noise: 1, seed: 42 };
    expect(noiseSeries(cfg, 50)).toEqual(noiseSeries(cfg, 50));
    expect(noiseSeries(cfg, 50)).not.toEqual(noiseSeries({ ...cfg, seed: 43 }, 50));
  });

  it('gives the batch loss offset mean ξ·θ of the batch whose noise it added', () => {
    const s = createMinibatchSampler({ size: 5, samples: 20, noise: 2, seed: 9 });
    const g = new Float64Array(2);
    const idx = new Int32Array(5);
    for (let k = 0; k < 7; k++) {
      g.fill(0);
      s.addBatchNoise(g);
      const n = s.batchIndices(idx);
      let mx = 0;
      let my = 0;
      for (let j = 0; j < n; j++) {
        mx += s.xi[2 * idx[j]] / n;
        my += s.xi[2 * idx[j] + 1] / n;
      }
      expect(g[0]).toBeCloseTo(mx, 14);
      expect(g[1]).toBeCloseTo(my, 14);
      expect(s.batchLossOffset(1.5, -2)).toBeCloseTo(1.5 * g[0] - 2 * g[1], 14);
    }
  });

  it('keeps the same finite sum when only the batch size changes', () => {
    const a = createMinibatchSampler({ size: 4, samples: 32, noise: 1, seed: 5 });
    const b = createMinibatchSampler({ size: 16, samples: 32, noise: 1, seed: 5 });
    expect([...a.xi]).toEqual([...b.xi]);
  });

  it('rejects configs that cannot describe a finite sum, naming the field', () => {
    const ok = { size: 4, samples: 16, noise: 1, seed: 0 };
    expect(() => createMinibatchSampler({ ...ok, size: 0 })).toThrow(/batch\.size/);
    expect(() => createMinibatchSampler({ ...ok, size: 2.5 })).toThrow(/batch\.size/);
    expect(() => createMinibatchSampler({ ...ok, samples: 0 })).toThrow(/batch\.samples/);
    expect(() => createMinibatchSampler({ ...ok, noise: -1 })).toThrow(/batch\.noise/);
    expect(() => createMinibatchSampler({ ...ok, noise: Infinity })).toThrow(/batch\.noise/);
    expect(() => createMinibatchSampler({ ...ok, seed: 0.5 })).toThrow(/batch\.seed/);
  });
});
