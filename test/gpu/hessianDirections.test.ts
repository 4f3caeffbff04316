import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { makeToy2d } from '../../src/data/toy2d';
import { gradient, makeHvp } from '../../src/gpu/hessian/hvp';
import { topEigenLanczos } from '../../src/gpu/hessian/lanczos';
import { netLoss } from '../../src/gpu/hessian/netLoss';
import { dot } from '../../src/gpu/landscape/directions';
import {
  type HessianDirections,
  hessianDirections,
  hessianParamIndices,
} from '../../src/gpu/landscape/hessianDirections';
import { computeSlice } from '../../src/gpu/landscape/slice';
import { mlp } from '../../src/gpu/nets/mlp';
import { initBuffers, initParams } from '../../src/gpu/nets/params';
import { symmetricEigen } from '../../src/gpu/projection/symmetricEigen';
import { toyTensorData } from '../../src/gpu/train/tensorData';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

/**
 * A smooth tiny net: tanh MLP 2-8-8-2 (96 weights, 18 biases) on 64 circle points. tanh makes
 * the loss C∞, so finite-difference Hessian-vector products are accurate (O(ε²) with ε = 1e-2)
 * and the checks below can be tight; ReLU nets are covered (loosely) by the CLI test.
 */
function tiny() {
  const net = mlp({ hidden: [8, 8], activation: 'tanh' });
  const d = toyTensorData(makeToy2d({ kind: 'circle', n: 64, noise: 0, seed: 1 }));
  const params = initParams(net, { seed: 5, scheme: 'xavier' });
  const buffers = initBuffers(net);
  const dispose = () => tf.dispose([...params, ...buffers, d.x, d.y]);
  return { net, params, buffers, x: d.x, y: d.y as tf.Tensor1D, dispose };
}

const release = (h: HessianDirections) => tf.dispose([...h.x, ...h.y]);

/** The Hessian over the weights (rank > 1 parameters) by central differences of gradients, column by column; all eigenvalues, largest first. */
function denseWeightSpectrum(t: ReturnType<typeof tiny>): Float64Array {
  const idx = hessianParamIndices(t.params, 'weights');
  const loss = netLoss(t.net, t.buffers, t.x, t.y);
  const sizes = idx.map((i) => t.params[i].size);
  const n = sizes.reduce((a, b) => a + b, 0);
  const H = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    const col = tf.tidy(() => {
      const e = tf
        .split(tf.oneHot(j, n).asType('float32'), sizes)
        .map((v, k) => v.reshape(t.params[idx[k]].shape));
      const at = (s: number) => {
        const shifted = t.params.map((p, i) =>
          idx.includes(i) ? tf.add(p, tf.mul(e[idx.indexOf(i)], s)) : p,
        );
        return tf.concat(idx.map((i) => gradient(loss, shifted)[i].reshape([-1])));
      };
      return tf.div(tf.sub(at(1e-2), at(-1e-2)), 2e-2).dataSync();
    });
    for (let i = 0; i < n; i++) H[i * n + j] = col[i];
  }
  const sym = H.map((v, ij) => 0.5 * (v + H[(ij % n) * n + Math.floor(ij / n)]));
  return symmetricEigen(sym, n).values;
}

describe('Lanczos (hessian/lanczos.ts)', () => {
  test('on a diagonal quadratic with a larger negative eigenvalue, finds the two largest λ (by value) and their eigenvectors', () => {
    // H = diag(λ) over two parameters of 60 and 40 entries: 30, 29.5, −50 (dominant in |λ|) and a bulk in [−1, 1].
    const lam = Array.from({ length: 100 }, (_, i) =>
      i === 7 ? 30 : i === 63 ? 29.5 : i === 20 ? -50 : Math.sin(i),
    );
    const D = [tf.tensor1d(lam.slice(0, 60)), tf.tensor1d(lam.slice(60))];
    const loss = (ps: readonly tf.Tensor[]) =>
      tf.mul(0.5, tf.addN(ps.map((p, i) => tf.sum(tf.mul(D[i], tf.square(p)))))) as tf.Scalar;
    const params = [tf.ones([60]), tf.ones([40])];
    const before = numTensors();
    const pairs = topEigenLanczos(makeHvp(loss, params, { method: 'exact' }), params, {
      k: 2,
      maxIter: 60,
      tol: 1e-6,
      seed: 2,
    });
    expect(pairs[0].value).toBeCloseTo(30, 4);
    expect(pairs[1].value).toBeCloseTo(29.5, 4);
    expect(pairs.every((p) => p.converged && p.iterations < 60)).toBe(true);
    expect(Math.abs(pairs[0].vector[0].dataSync()[7])).toBeCloseTo(1, 4);
    expect(Math.abs(pairs[1].vector[1].dataSync()[3])).toBeCloseTo(1, 4);
    expect(pairs[0].vector.map((t) => t.shape)).toEqual([[60], [40]]);
    pairs.forEach((p) => tf.dispose(p.vector));
    expect(numTensors()).toBe(before);
    tf.dispose([...D, ...params]);
  });
});

describe('Hessian eigenvectors as slice directions', () => {
  test('λ1 ≥ λ2 are the two largest eigenvalues of the dense weight Hessian; the directions are orthogonal, ‖w‖-scaled and zero on biases', () => {
    const t = tiny();
    const h = hessianDirections({ ...t, maxIter: 60, tol: 1e-5 });
    const ref = denseWeightSpectrum(t);
    // Lanczos (tol 1e-5 on the residual) against Jacobi on the FD Hessian: both see H to ~1e-4.
    expect(Math.abs(h.eigen[0].value - ref[0])).toBeLessThan(2e-3 * Math.abs(ref[0]));
    expect(Math.abs(h.eigen[1].value - ref[1])).toBeLessThan(2e-3 * Math.abs(ref[0]));
    expect(h.eigen[0].value).toBeGreaterThanOrEqual(h.eigen[1].value);
    expect(h.eigen.every((e) => e.converged && e.residual < 1e-2)).toBe(true);
    // Rayleigh quotients of the returned (sign-fixed, orthogonalised) vectors agree with λ.
    h.eigen.forEach((e) =>
      expect(Math.abs(e.rayleigh - e.value)).toBeLessThan(1e-3 * Math.abs(ref[0])),
    );
    expect(h.method).toBe('fd');
    expect(h.dimension).toBe(96);

    const wNorm = Math.sqrt(
      dot(
        t.params.filter((p) => p.rank > 1),
        t.params.filter((p) => p.rank > 1),
      ),
    );
    expect(h.scaleFactor).toBeCloseTo(wNorm, 5);
    for (const d of [h.x, h.y]) {
      expect(Math.sqrt(dot(d, d)) / wNorm).toBeCloseTo(1, 5);
      d.forEach((v, i) => {
        if (t.params[i].rank <= 1)
          expect(Array.from(v.dataSync()).every((z) => z === 0)).toBe(true);
      });
      expect(dot(d, t.params)).toBeGreaterThanOrEqual(0); // sign convention
    }
    expect(Math.abs(dot(h.x, h.y)) / wNorm ** 2).toBeLessThan(1e-6);
    expect(h.curvature[0]).toBeCloseTo(h.eigen[0].rayleigh * wNorm ** 2, 3);
    release(h);
    t.dispose();
  });

  test('the 2D slice along them curves by λ·s² at the centre (second differences of the computed slice)', async () => {
    const t = tiny();
    const h = hessianDirections({ ...t, maxIter: 60, tol: 1e-5 });
    const s2 = h.scaleFactor ** 2;
    // A 3×3 slice over [−a, a]² with a·s ≈ 0.01 in weight norm: the second difference
    // (L(a,0) − 2L(0,0) + L(−a,0))/a² = dᵀHd + O(a²s⁴·L'''') (truncation ~1e-4 relative here) plus
    // float32 round-off of the three losses, ~3·6e-8·L/a² ≈ 2e-3·λs² for these values. 1 % covers
    // both with room; the FD-HVP error in λ (O(ε²) ≈ 1e-4) is smaller still.
    const a = 0.01 / h.scaleFactor;
    const axis = { min: -a, max: a, num: 3 };
    const slice = await computeSlice({
      net: t.net,
      params: t.params,
      buffers: t.buffers,
      dx: h.x,
      dy: h.y,
      x: axis,
      y: axis,
      batches: [{ x: t.x, y: t.y }],
    });
    const L = (ix: number, iy: number) => slice.loss[iy * 3 + ix];
    const dxx = (L(2, 1) - 2 * L(1, 1) + L(0, 1)) / (a * a);
    const dyy = (L(1, 2) - 2 * L(1, 1) + L(1, 0)) / (a * a);
    expect(Math.abs(dxx - h.eigen[0].value * s2)).toBeLessThan(0.01 * h.eigen[0].value * s2);
    expect(Math.abs(dyy - h.eigen[1].value * s2)).toBeLessThan(0.01 * h.eigen[0].value * s2);
    // The centre is the net's own loss.
    const centre = tf.tidy(() => netLoss(t.net, t.buffers, t.x, t.y)(t.params).dataSync()[0]);
    expect(L(1, 1)).toBeCloseTo(centre, 6);
    release(h);
    t.dispose();
  });

  test("numTensors is flat over two calls, which agree; 'unit', 'filter' and the power solver", () => {
    const t = tiny();
    const before = numTensors();
    const a = hessianDirections({ ...t, maxIter: 20 });
    const b = hessianDirections({ ...t, maxIter: 20 });
    expect(b.eigen.map((e) => e.value)).toEqual(a.eigen.map((e) => e.value));
    expect(Array.from(b.x[0].dataSync())).toEqual(Array.from(a.x[0].dataSync()));
    release(a);
    release(b);
    expect(numTensors()).toBe(before);

    const unit = hessianDirections({ ...t, maxIter: 20, scale: 'unit' });
    expect(unit.scaleFactor).toBe(1);
    expect(Math.sqrt(dot(unit.x, unit.x))).toBeCloseTo(1, 5);
    const filter = hessianDirections({ ...t, maxIter: 20, scale: 'filter' });
    const rowNorms = (v: tf.Tensor) =>
      tf.tidy(() => Array.from(tf.norm(v, 'euclidean', 1).dataSync()));
    const w0 = 0; // net.0.weight [8, 2]: every filter (row) has its weight row's norm
    rowNorms(filter.x[w0]).forEach((n, r) => expect(n).toBeCloseTo(rowNorms(t.params[w0])[r], 4));
    expect(Number.isNaN(filter.scaleFactor)).toBe(true);
    // The power solver (topEigen, ordered by |λ|) reaches the same dominant pair here.
    const power = hessianDirections({ ...t, solver: 'power', maxIter: 300, tol: 1e-6 });
    const dominant =
      Math.abs(unit.eigen[0].value) >= Math.abs(unit.eigen[1].value)
        ? unit.eigen[0].value
        : unit.eigen[1].value;
    expect(power.eigen[0].value).toBeCloseTo(dominant, 2);
    [unit, filter, power].forEach(release);
    expect(numTensors()).toBe(before);
    t.dispose();
  });
});
