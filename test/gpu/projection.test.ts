import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../src/core/sampling/rng';
import { symmetricEigen } from '../../src/gpu/projection/symmetricEigen';
import { trajectoryPca } from '../../src/gpu/projection/trajectoryPca';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const shapes = [[3, 5], [5], [2, 5]]; // 30 parameters, as a net's list would be
const P = 30;
const rng = createRng(7);
const randVec = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
const dotv = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};
const unit = (a: Float64Array) => a.map((x) => x / Math.sqrt(dotv(a, a)));
const flat = (ts: tf.Tensor[]) => Float64Array.from(ts.flatMap((t) => Array.from(t.dataSync())));

describe('symmetricEigen', () => {
  test('diagonalises a symmetric matrix: A·v = λ·v, eigenvalues sorted, vectors orthonormal', () => {
    const a = [4, 1, 2, 1, 3, 0, 2, 0, 5];
    const { values, vectors } = symmetricEigen(a, 3);
    expect(values[0]).toBeGreaterThanOrEqual(values[1]);
    expect(values[1]).toBeGreaterThanOrEqual(values[2]);
    expect(values.reduce((s, x) => s + x, 0)).toBeCloseTo(12, 12); // trace
    vectors.forEach((v, k) => {
      for (let i = 0; i < 3; i++)
        expect(dotv(a.slice(3 * i, 3 * i + 3), v)).toBeCloseTo(values[k] * v[i], 12);
      vectors.forEach((w, j) => expect(dotv(v, w)).toBeCloseTo(k === j ? 1 : 0, 12));
    });
  });
});

describe('trajectoryPca', () => {
  test('checkpoints exactly in a known plane: ratios sum to 1, distances 0, coordinates recovered up to sign', () => {
    const a = unit(randVec(P));
    const r = randVec(P);
    const b = unit(r.map((x, i) => x - dotv(r, a) * a[i])); // orthonormal to a
    const wf = randVec(P);
    // (α, β): centred, uncorrelated, var α ≫ var β, so the principal axes are a and b themselves.
    const ab = [
      [4, 0],
      [0, 1],
      [-4, 0],
      [0, -1],
      [0, 0],
    ];
    const cps = ab.map(([al, be]) => Float32Array.from(wf, (w, i) => w + al * a[i] + be * b[i]));
    const before = numTensors();
    const pca = trajectoryPca(cps, shapes);
    expect(pca.explainedVarianceRatio[0] + pca.explainedVarianceRatio[1]).toBeCloseTo(1, 5);
    expect(pca.explainedVarianceRatio[0]).toBeCloseTo(32 / 34, 5);
    pca.relativeResidual.forEach((rr) => expect(rr).toBeLessThan(1e-5));
    ab.forEach(([al, be], i) => {
      expect(Math.abs(pca.x[i])).toBeCloseTo(Math.abs(al), 4);
      expect(Math.abs(pca.y[i])).toBeCloseTo(Math.abs(be), 4);
    });
    expect(pca.x[0]).toBeGreaterThanOrEqual(0); // sign convention: the start is on the positive side
    expect(Math.abs(dotv(flat(pca.directions[0]), a))).toBeCloseTo(1, 5);
    expect(Math.abs(dotv(flat(pca.directions[1]), b))).toBeCloseTo(1, 5);
    expect(pca.directions[0].map((t) => t.shape)).toEqual(shapes);
    tf.dispose([...pca.directions[0], ...pca.directions[1]]);
    expect(numTensors()).toBe(before);
  });

  test('random checkpoints: 0 ≤ r₂ ≤ r₁, r₁ + r₂ ≤ 1, and ρ² + x² + y² = ‖w − w_final‖²', () => {
    for (const center of [true, false]) {
      const cps = Array.from({ length: 9 }, () => Float32Array.from(randVec(P)));
      const pca = trajectoryPca(cps, shapes, { center });
      const [r1, r2] = pca.explainedVarianceRatio;
      expect(r2).toBeGreaterThanOrEqual(0);
      expect(r1).toBeGreaterThanOrEqual(r2);
      expect(r1 + r2).toBeLessThanOrEqual(1 + 1e-6);
      cps.forEach((c, i) => {
        const d = Float64Array.from(c, (w, j) => w - cps[8][j]);
        expect(pca.residual[i] ** 2 + pca.x[i] ** 2 + pca.y[i] ** 2).toBeCloseTo(dotv(d, d), 3);
      });
      expect(pca.residual[8]).toBe(0);
      tf.dispose([...pca.directions[0], ...pca.directions[1]]);
    }
  });

  test('matches a plain float64 PCA (power iteration on the P×P covariance) on a small case', () => {
    const n = 6;
    const cps = Array.from({ length: n }, (_, i) =>
      Float32Array.from(randVec(P), (x) => x * (1 + i)),
    );
    const pca = trajectoryPca(cps, shapes);
    // Reference: C = rows (wᵢ − w_f) centred; S = CᵀC (30×30); top-2 eigenpairs by power
    // iteration with deflation, 2000 rounds (float64, independent of the Gram/Jacobi path).
    const d = cps.map((c) => Float64Array.from(c, (w, j) => w - cps[n - 1][j]));
    const mean = Float64Array.from({ length: P }, (_, j) => d.reduce((s, r) => s + r[j], 0) / n);
    const c = d.map((r) => r.map((x, j) => x - mean[j]));
    const S = (v: Float64Array) => {
      const out = new Float64Array(P);
      for (const r of c) {
        const s = dotv(r, v);
        r.forEach((x, j) => (out[j] += s * x));
      }
      return out;
    };
    const trace = c.reduce((s, r) => s + dotv(r, r), 0);
    const found: { lam: number; v: Float64Array }[] = [];
    for (let k = 0; k < 2; k++) {
      let v = unit(randVec(P));
      let lam = 0;
      for (let it = 0; it < 2000; it++) {
        let w = S(v);
        for (const f of found) {
          const s = f.lam * dotv(f.v, v);
          w = w.map((x, j) => x - s * f.v[j]);
        }
        lam = dotv(v, w);
        v = unit(w);
      }
      found.push({ lam, v });
    }
    found.forEach((f, k) => {
      expect(pca.explainedVarianceRatio[k]).toBeCloseTo(f.lam / trace, 5);
      const v = flat(pca.directions[k]);
      expect(Math.abs(dotv(v, f.v))).toBeCloseTo(1, 4);
      const coords = k === 0 ? pca.x : pca.y;
      const sign = Math.sign(dotv(v, f.v));
      d.forEach((r, i) => expect(coords[i]).toBeCloseTo(sign * dotv(r, f.v), 3));
    });
    tf.dispose([...pca.directions[0], ...pca.directions[1]]);
  });

  test('ignoreBiasBn zeroes rank-1 parameters in the directions; too few checkpoints is an error', () => {
    const cps = Array.from({ length: 4 }, () => Float32Array.from(randVec(P)));
    const pca = trajectoryPca(cps, shapes, { ignoreBiasBn: true });
    expect(Array.from(pca.directions[0][1].dataSync()).every((x) => x === 0)).toBe(true);
    tf.dispose([...pca.directions[0], ...pca.directions[1]]);
    expect(() => trajectoryPca(cps.slice(0, 2), shapes)).toThrow(/at least 3 checkpoints/);
    expect(() => trajectoryPca([...cps, new Float32Array(3)], shapes)).toThrow(
      /checkpoint 4 has 3 values/,
    );
  });
});

describe('trajectoryPca on a wide net', () => {
  test('holds D (n × P) on the device about once: the peak stays under 1.5 × its bytes', async () => {
    const n = 40,
      p = 200_000;
    const wide = [[p / 4, 4]];
    // A straight path along a plus a zig-zag along b: PC1 ≈ a.
    const cps = Array.from({ length: n }, (_, i) =>
      Float32Array.from(
        { length: p },
        (_, k) => i * Math.sin(k * 0.001) + (i % 2) * 0.1 * Math.cos(k * 0.003),
      ),
    );
    const before = numTensors();
    const base = tf.memory().numBytes;
    let pca: ReturnType<typeof trajectoryPca> | null = null;
    const prof = await tf.profile(() => {
      pca = trajectoryPca(cps, wide);
    });
    const dBytes = n * p * 4;
    // Stacking per-checkpoint tensors, subtracting, centring and forming D − coords·V kept
    // 3–4 copies at once; a WRN-56-4 trajectory (0.6 GB) then overran the 4 GB WASM heap.
    expect(prof.peakBytes - base).toBeGreaterThan(dBytes);
    expect(prof.peakBytes - base).toBeLessThan(1.5 * dBytes);
    expect(pca!.explainedVarianceRatio[0]).toBeGreaterThan(0.5);
    tf.dispose([...pca!.directions[0], ...pca!.directions[1]]);
    expect(numTensors()).toBe(before);
  });
});
