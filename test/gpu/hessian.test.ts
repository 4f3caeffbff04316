import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '../../src/core/sampling/rng';
import { makeToy2d } from '../../src/data/toy2d';
import { gradient, makeHvp } from '../../src/gpu/hessian/hvp';
import { netLoss } from '../../src/gpu/hessian/netLoss';
import { lambdaMax, topEigen } from '../../src/gpu/hessian/topEigen';
import { mlp } from '../../src/gpu/nets/mlp';
import { resnet } from '../../src/gpu/nets/resnet';
import { initBuffers, initParams } from '../../src/gpu/nets/params';
import { symmetricEigen } from '../../src/gpu/projection/symmetricEigen';
import { toyTensorData } from '../../src/gpu/train/tensorData';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const flat = (ts: readonly tf.Tensor[]) =>
  Float64Array.from(ts.flatMap((t) => Array.from(t.dataSync())));
const dotv = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
};

/**
 * L(w) = ½ wᵀAw over two parameters w = (w₁ ∈ R², w₂ ∈ R³), A = Q·diag(5, 3, 1, 0.5, −0.2)·Qᵀ
 * with Q a seeded orthogonal matrix (Gram–Schmidt), so H = A everywhere.
 */
function quadratic() {
  const lambdas = [5, 3, 1, 0.5, -0.2];
  const rng = createRng(3);
  const q: number[][] = [];
  for (let k = 0; k < 5; k++) {
    let v = Array.from({ length: 5 }, () => rng.normal());
    for (const u of q) {
      const s = dotv(v, u);
      v = v.map((x, i) => x - s * u[i]);
    }
    const n = Math.sqrt(dotv(v, v));
    q.push(v.map((x) => x / n));
  }
  const a = Array.from({ length: 25 }, (_, ij) =>
    lambdas.reduce((s, l, k) => s + l * q[k][Math.floor(ij / 5)] * q[k][ij % 5], 0),
  );
  const A = tf.tensor2d(a, [5, 5]);
  const loss = (ps: readonly tf.Tensor[]) => {
    const w = tf.reshape(tf.concat([...ps]), [5, 1]);
    return tf.mul(0.5, tf.sum(tf.mul(w, tf.matMul(A, w)))) as tf.Scalar;
  };
  const params = [tf.tensor1d([0.3, -1]), tf.tensor1d([2, 0.5, -0.7])];
  return { a, q, A, loss, params };
}

describe('Hessian-vector products and power iteration', () => {
  test('on a quadratic, exact and finite-difference H·v both equal A·v', () => {
    const { a, A, loss, params } = quadratic();
    const v = [tf.tensor1d([1, 0.5]), tf.tensor1d([-2, 0, 1])];
    const want = Array.from({ length: 5 }, (_, i) => dotv(a.slice(5 * i, 5 * i + 5), flat(v)));
    for (const method of ['exact', 'fd', 'auto'] as const) {
      const hvp = makeHvp(loss, params, { method });
      const hv = hvp(v);
      flat(hv).forEach((x, i) => expect(x).toBeCloseTo(want[i], 3));
      if (method === 'auto') expect(hvp.method).toBe('exact'); // matMul and mul have second derivatives
      tf.dispose(hv);
    }
    tf.dispose([A, ...params, ...v]);
  });

  test('on a quadratic, power iteration finds λ₁ = 5 and (deflated) λ₂ = 3 with their eigenvectors', () => {
    const { q, A, loss, params } = quadratic();
    const before = numTensors();
    const pairs = topEigen(makeHvp(loss, params), params, { k: 2, tol: 1e-7, maxIter: 300 });
    expect(pairs[0].value).toBeCloseTo(5, 4);
    expect(pairs[1].value).toBeCloseTo(3, 4);
    expect(pairs.every((p) => p.converged)).toBe(true);
    expect(Math.abs(dotv(flat(pairs[0].vector), q[0]))).toBeCloseTo(1, 4);
    expect(Math.abs(dotv(flat(pairs[1].vector), q[1]))).toBeCloseTo(1, 4);
    expect(pairs[0].vector.map((t) => t.shape)).toEqual([[2], [3]]);
    pairs.forEach((p) => tf.dispose(p.vector));
    expect(numTensors()).toBe(before);
    tf.dispose([A, ...params]);
  });

  test('on a small MLP, the dominant eigenvalue and λ_max by HVP power iteration match the dense finite-difference Hessian within 2 %', () => {
    // tanh MLP 2-4-2 (22 parameters) on 64 circle points; cross-entropy has no second
    // derivative in tfjs, so 'auto' falls back to finite differences.
    const net = mlp({ hidden: [4], activation: 'tanh' });
    const set = makeToy2d({ kind: 'circle', n: 64, noise: 0, seed: 1 });
    const d = toyTensorData(set);
    const params = initParams(net, { seed: 3, scheme: 'xavier' });
    const buffers = initBuffers(net);
    const loss = netLoss(net, buffers, d.x, d.y);
    const before = numTensors();
    const hvp = makeHvp(loss, params);
    const [top] = topEigen(hvp, params, { tol: 1e-5, maxIter: 500 });
    expect(hvp.method).toBe('fd');
    pairsAreFree(top.vector);
    tf.dispose(top.vector);
    expect(numTensors()).toBe(before); // including the failed exact attempt

    // Independent reference: every column H·eⱼ = (∇L(w + h·eⱼ) − ∇L(w − h·eⱼ))/2h, h = 1e-2,
    // symmetrised, then all eigenvalues by Jacobi (float64).
    const sizes = params.map((p) => p.size);
    const n = sizes.reduce((s, x) => s + x, 0);
    const H = new Float64Array(n * n);
    for (let j = 0; j < n; j++) {
      const col = tf.tidy(() => {
        const e = tf
          .split(tf.oneHot(j, n).asType('float32'), sizes)
          .map((t, i) => t.reshape(params[i].shape));
        const at = (s: number) =>
          tf.concat(
            gradient(
              loss,
              params.map((p, i) => tf.add(p, tf.mul(e[i], s))),
            ).map((g) => g.reshape([-1])),
          );
        return tf.div(tf.sub(at(1e-2), at(-1e-2)), 2e-2).dataSync();
      });
      for (let i = 0; i < n; i++) H[i * n + j] = col[i];
    }
    const sym = H.map((x, ij) => 0.5 * (x + H[(ij % n) * n + Math.floor(ij / n)]));
    const eig = symmetricEigen(sym, n);
    const dominant =
      Math.abs(eig.values[0]) >= Math.abs(eig.values[n - 1]) ? eig.values[0] : eig.values[n - 1];
    expect(Math.abs(top.value - dominant)).toBeLessThan(0.02 * Math.abs(dominant));
    // Here the dominant eigenvalue is negative (≈ −2.1 at this init); λ_max (≈ 1.2) needs the shift.
    expect(dominant).toBeLessThan(0);
    const sharp = lambdaMax(hvp, params, { tol: 1e-6, maxIter: 800 });
    expect(Math.abs(sharp.value - eig.values[0])).toBeLessThan(0.02 * Math.abs(eig.values[0]));
    tf.dispose(sharp.vector);
    tf.dispose([...params, d.x, d.y]);
  });

  test('repeated products and eigen-solves leave numTensors flat', () => {
    const { A, loss, params } = quadratic();
    const before = numTensors();
    for (const method of ['exact', 'fd'] as const) {
      const hvp = makeHvp(loss, params, { method });
      for (let i = 0; i < 3; i++) tf.dispose(hvp(params));
      topEigen(hvp, params, { k: 2, maxIter: 5 }).forEach((p) => tf.dispose(p.vector));
    }
    expect(numTensors()).toBe(before);
    tf.dispose([A, ...params]);
  });

  test("on a ResNet, 'auto' falls back to finite differences, gives fd's product, and leaks none of the failed attempt's tape", () => {
    // The exact attempt throws deep in the ResNet's backward pass, where tfjs has already
    // saved ~1,400 tensors for it; hvp.ts frees them.
    const net = resnet({ depth: 20, width: 2, inChannels: 1, inputSize: 8, numClasses: 3 });
    const params = initParams(net, { seed: 1 });
    const buffers = initBuffers(net);
    const x = tf.randomNormal([4, 8, 8, 1], 0, 1, 'float32', 7);
    const y = tf.tensor1d([0, 1, 2, 0], 'int32');
    const loss = netLoss(net, buffers, x, y);
    const before = numTensors();
    const auto = makeHvp(loss, params);
    const viaAuto = auto(params);
    expect(auto.method).toBe('fd');
    const viaFd = makeHvp(loss, params, { method: 'fd' })(params);
    expect(flat(viaAuto)).toEqual(flat(viaFd));
    tf.dispose([...viaAuto, ...viaFd]);
    expect(numTensors()).toBe(before);
    tf.dispose([...params, ...buffers, x, y]);
  });
});

/** The eigenvector is the caller's: it is still alive and unit-norm until disposed. */
function pairsAreFree(v: tf.Tensor[]): void {
  const x = flat(v);
  expect(Math.sqrt(dotv(x, x))).toBeCloseTo(1, 5);
}
