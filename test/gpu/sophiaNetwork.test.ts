/**
 * Sophia's estimators on networks (src/gpu/curvature.ts through TensorOptimizer and trainStep):
 * Hutchinson's u ⊙ Hu and Gauss–Newton–Bartlett's B·ĝ⊙ĝ checked against closed forms on models
 * whose Hessian or Gauss–Newton matrix is known, and a few Sophia steps on a tiny MLP checked
 * against a float64 reference written here (hand-written gradients, Hu by central differences
 * of them in float64).
 */
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { findOptimizer } from '../../src/core/optimizers/registry';
import { rademacherSigns } from '../../src/core/sampling/rademacher';
import { createRng } from '../../src/core/sampling/rng';
import {
  gnbFromLabels,
  NetworkCurvature,
  sampleLabels,
  type CurvatureSource,
} from '../../src/gpu/curvature';
import type { LossFn } from '../../src/gpu/hessian/hvp';
import { netLoss } from '../../src/gpu/hessian/netLoss';
import { mlp } from '../../src/gpu/nets/mlp';
import { TensorOptimizer } from '../../src/gpu/tensorOptimizer';
import type { TensorData } from '../../src/gpu/train/tensorData';
import { trainStep } from '../../src/gpu/train/trainStep';
import { maxRelErr, numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const flat = (ts: readonly tf.Tensor[]): Float64Array =>
  Float64Array.from(ts.flatMap((t) => Array.from(t.dataSync())));

/** f's value, every tensor it made freed. */
function tidied<R>(f: () => R): R {
  let r!: R;
  tf.tidy(() => {
    r = f();
  });
  return r;
}

/** One Hutchinson draw as Sophia takes it: u from each context, then u ⊙ Hu, flattened. */
function hutchinsonDraw(
  curv: NetworkCurvature,
  params: readonly tf.Tensor[],
  seed: number,
  draw: number,
): Float64Array {
  return tidied(() => {
    const e = params.map((p, i) => {
      const ctx = curv.context(i);
      const u = ctx.rademacher!(p, seed, draw);
      return tf.mul(u, ctx.hvp!(u));
    });
    return flat(e);
  });
}

describe("Hutchinson's u ⊙ Hu on least squares, H = XᵀX/n", () => {
  // L(w) = ‖Xw − y‖²/(2n), w the two parameter tensors [2] and [3] concatenated (so u and Hu
  // cross the boundary between tensors): ∇²L = XᵀX/n whatever w and y are.
  const n = 6,
    d = 5;
  function setup(X: Float64Array) {
    const Xt = tf.tensor2d(Float32Array.from(X), [n, d]);
    const y = tf.tensor1d([1, -2, 0.5, 3, -1, 2]);
    const params = [tf.tensor1d([0.3, -0.7]), tf.tensor1d([1.1, 0.2, -0.4])];
    const loss: LossFn = (ps) =>
      tf.tidy(() => {
        const w = tf.concat(ps as tf.Tensor1D[]).reshape([d, 1]);
        const r = tf.sub(tf.matMul(Xt, w).reshape([n]), y);
        return tf.div(tf.sum(tf.square(r)), 2 * n) as tf.Scalar;
      });
    const H = new Float64Array(d * d);
    for (let i = 0; i < d; i++)
      for (let j = 0; j < d; j++)
        for (let k = 0; k < n; k++) H[i * d + j] += (X[k * d + i] * X[k * d + j]) / n;
    const curv = new NetworkCurvature({ params, loss, hvp: { method: 'exact' } });
    const free = () => {
      curv.dispose();
      tf.dispose([Xt, y, ...params]);
    };
    return { params, H, curv, free };
  }

  test('H diagonal: every draw is diag(H) exactly; the contexts leak nothing', () => {
    const before = numTensors();
    // Orthogonal columns (one non-zero per row, the 6th row repeats column 0).
    const X = new Float64Array(n * d);
    [1.5, 0.5, 2, 1, 3].forEach((v, i) => (X[i * d + i] = v));
    X[5 * d] = 0.5;
    const { params, H, curv, free } = setup(X);
    const diag = Array.from({ length: d }, (_, i) => H[i * d + i]);
    for (let draw = 1; draw <= 5; draw++) {
      expect(maxRelErr(hutchinsonDraw(curv, params, 3, draw), diag)).toBeLessThan(1e-6);
    }
    free();
    expect(numTensors()).toBe(before);
  });

  test('H dense: each draw is u ⊙ Hu with the documented u; the mean over draws nears diag(H)', () => {
    const rng = createRng(11);
    const X = Float64Array.from({ length: n * d }, () => rng.normal());
    const { params, H, curv, free } = setup(X);
    // One draw against float64: u = rademacherSigns(P, seed, draw) in parameter order.
    const u = rademacherSigns(d, 5, 9);
    const want = Array.from({ length: d }, (_, i) => {
      let hu = 0;
      for (let j = 0; j < d; j++) hu += H[i * d + j] * u[j];
      return u[i] * hu;
    });
    expect(maxRelErr(hutchinsonDraw(curv, params, 5, 9), want, 1e-6)).toBeLessThan(1e-5);
    // E[u ⊙ Hu]ᵢ = Hᵢᵢ, with variance Σ_{j≠i} Hᵢⱼ² per draw: within 5 standard errors.
    const N = 800;
    const mean = new Float64Array(d);
    for (let draw = 1; draw <= N; draw++) {
      const e = hutchinsonDraw(curv, params, 5, draw);
      for (let i = 0; i < d; i++) mean[i] += e[i] / N;
    }
    for (let i = 0; i < d; i++) {
      let offDiag = 0;
      for (let j = 0; j < d; j++) if (j !== i) offDiag += H[i * d + j] ** 2;
      expect(offDiag).toBeGreaterThan(0.01);
      expect(Math.abs(mean[i] - H[i * d + i])).toBeLessThan(5 * Math.sqrt(offDiag / N));
    }
    free();
  });

  test('hvp refuses a vector that is not the u it handed out', () => {
    const X = Float64Array.from({ length: n * d }, (_, i) => i % 3);
    const { params, curv, free } = setup(X);
    tf.tidy(() => {
      const ctx = curv.context(1);
      const u = ctx.rademacher!(params[1], 0, 1);
      expect(() => ctx.hvp!(tf.mul(u, 2))).toThrow(/must be the vector rademacher\(\) gave/);
      expect(() => curv.context(0).hvp!(u)).toThrow(/must be the vector/);
      expect(() => ctx.rademacher!(params[0], 0, 1)).toThrow(/parameter 1 has shape \[3\]/);
    });
    free();
  });
});

describe('Gauss–Newton–Bartlett on softmax regression', () => {
  // z_n = W x_n + b (W [C, D], torch's [out, in]), ℓ = (1/B)Σ_n −log p_{n,ŷ_n}, p_n = softmax(z_n).
  // ∂ℓ_n/∂z_n = p_n − e_{ŷ_n}, so ĝ = (1/B)Σ_n J_nᵀ(p_n − e_{ŷ_n}) with J_n = ∂z_n/∂θ. With
  // ŷ_n ~ p_n independently, E[p_n − e_ŷ] = 0 and Cov(e_ŷ) = diag(p_n) − p_n p_nᵀ, so
  //   E[ĝĝᵀ] = (1/B²) Σ_n J_nᵀ(diag(p_n) − p_n p_nᵀ)J_n = G/B,
  // G = (1/B)Σ_n J_nᵀ(diag p_n − p_n p_nᵀ)J_n the Gauss–Newton matrix of the mean loss, and
  // B·E[ĝ⊙ĝ] = diag(G). Here (J_n)_{c', (c,d)} = δ_{cc'} x_{nd} and (J_n)_{c', c} = δ_{cc'} for b:
  //   diag(G)_{W_cd} = (1/B)Σ_n x_{nd}² p_{nc}(1 − p_{nc}),   diag(G)_{b_c} = (1/B)Σ_n p_{nc}(1 − p_{nc}).
  const B = 4,
    D = 3,
    C = 3;
  const xs = [0.5, -1, 2, 1.5, 0.3, -0.7, -1.2, 0.8, 0.1, 0.9, 1.1, -0.4];
  const Wv = [0.4, -0.3, 0.2, -0.5, 0.6, 0.1, 0.3, 0.2, -0.6];
  const bv = [0.1, -0.2, 0.05];

  function probs64(): Float64Array {
    const p = new Float64Array(B * C);
    for (let s = 0; s < B; s++) {
      const z = [0, 1, 2].map(
        (c) => bv[c] + [0, 1, 2].reduce((a, k) => a + Wv[c * D + k] * xs[s * D + k], 0),
      );
      const mx = Math.max(...z);
      const ez = z.map((v) => Math.exp(v - mx));
      const sum = ez.reduce((a, b) => a + b, 0);
      ez.forEach((v, c) => (p[s * C + c] = v / sum));
    }
    return p;
  }

  function diagG(): Float64Array {
    const p = probs64();
    const g = new Float64Array(C * D + C);
    for (let s = 0; s < B; s++)
      for (let c = 0; c < C; c++) {
        const v = p[s * C + c] * (1 - p[s * C + c]);
        for (let k = 0; k < D; k++) g[c * D + k] += (xs[s * D + k] ** 2 * v) / B;
        g[C * D + c] += v / B;
      }
    return g;
  }

  function setup() {
    const net = mlp({ inputs: D, hidden: [], numClasses: C });
    expect(net.params.map((p) => p.shape)).toEqual([[C, D], [C]]);
    const params = [tf.tensor2d(Wv, [C, D]), tf.tensor1d(bv)];
    const x = tf.tensor2d(xs, [B, D]);
    const y = tf.tensor1d([0, 1, 2, 1], 'int32');
    const lossWith = (labels: tf.Tensor1D) => netLoss(net, [], x, labels);
    const logits = tf.tidy(() => net.forward(params, [], x, 'eval').logits);
    const src: CurvatureSource = { params, loss: lossWith(y), sampled: { logits, lossWith } };
    const free = () => tf.dispose([...params, x, y, logits]);
    return { params, lossWith, src, free };
  }

  test('the expectation over every label draw (3⁴ of them) is diag(G)', () => {
    const before = numTensors();
    const { params, lossWith, free } = setup();
    const p = probs64();
    const sum = new Float64Array(C * D + C);
    for (let code = 0; code < C ** B; code++) {
      const labels = Array.from({ length: B }, (_, s) => Math.floor(code / C ** s) % C);
      const weight = labels.reduce((a, c, s) => a * p[s * C + c], 1);
      const e = tidied(() => flat(gnbFromLabels(lossWith, params, tf.tensor1d(labels, 'int32'))));
      e.forEach((v, i) => (sum[i] += weight * v));
    }
    expect(maxRelErr(sum, diagG())).toBeLessThan(1e-5);
    free();
    expect(numTensors()).toBe(before);
  });

  test('sampled labels (seeded, from softmax): the mean over draws nears diag(G)', () => {
    const { params, src, free } = setup();
    const curv = new NetworkCurvature(src);
    const N = 1000;
    const m1 = new Float64Array(C * D + C),
      m2 = new Float64Array(C * D + C);
    for (let draw = 1; draw <= N; draw++) {
      const e = tidied(() =>
        flat(params.map((_, i) => curv.context(i).gaussNewtonBartlett!(2, draw))),
      );
      e.forEach((v, i) => {
        m1[i] += v / N;
        m2[i] += (v * v) / N;
      });
    }
    const g = diagG();
    g.forEach((gi, i) => {
      const se = Math.sqrt((m2[i] - m1[i] ** 2) / N);
      expect(Math.abs(m1[i] - gi)).toBeLessThan(5 * se);
    });
    // The same (seed, draw) gives the same estimate, another draw another one.
    const again = (draw: number) =>
      tidied(() => flat([curv.context(0).gaussNewtonBartlett!(2, draw)]));
    expect(again(7)).toEqual(again(7));
    expect(again(7)).not.toEqual(again(8));
    curv.dispose();
    free();
  });

  test('sampleLabels: a pure function of (seed, draw); a class of probability 0 never drawn', () => {
    const probs = [0.5, 0, 0.5, 0, 0, 1, 0.2, 0.3, 0.5];
    expect(sampleLabels(probs, 3, 1, 2)).toEqual(sampleLabels(probs, 3, 1, 2));
    const counts = [0, 0, 0];
    for (let draw = 0; draw < 3000; draw++) {
      const l = sampleLabels(probs, 3, 4, draw);
      expect(l[0]).not.toBe(1);
      expect(l[1]).toBe(2);
      counts[l[2]]++;
    }
    // Row 3's frequencies: each within 5 binomial standard errors of 0.2, 0.3, 0.5.
    [0.2, 0.3, 0.5].forEach((q, c) =>
      expect(Math.abs(counts[c] / 3000 - q)).toBeLessThan(5 * Math.sqrt((q * (1 - q)) / 3000)),
    );
  });
});

/**
 * A float64 reference: the MLP 2 → 3 (tanh) → 3, mean cross-entropy, parameters in torch's
 * order (net.0.weight [3, 2], net.0.bias, net.2.weight [3, 3], net.2.bias) as one flat vector.
 */
const IN = 2,
  HID = 3,
  OUT = 3;
const sizes = [HID * IN, HID, OUT * HID, OUT];
const P = sizes.reduce((a, b) => a + b, 0);

function forward64(w: Float64Array, x: readonly number[], s: number) {
  const W1 = 0,
    b1 = HID * IN,
    W2 = b1 + HID,
    b2 = W2 + OUT * HID;
  const h = Array.from({ length: HID }, (_, j) =>
    Math.tanh(w[b1 + j] + w[W1 + j * IN] * x[s * IN] + w[W1 + j * IN + 1] * x[s * IN + 1]),
  );
  const z = Array.from(
    { length: OUT },
    (_, c) => w[b2 + c] + h.reduce((a, hj, j) => a + w[W2 + c * HID + j] * hj, 0),
  );
  const mx = Math.max(...z);
  const ez = z.map((v) => Math.exp(v - mx));
  const sum = ez.reduce((a, b) => a + b, 0);
  return { h, p: ez.map((v) => v / sum), offsets: { W1, b1, W2, b2 } };
}

/** ∇ of the mean cross-entropy over the samples, by hand. */
function grad64(w: Float64Array, x: readonly number[], y: readonly number[]): Float64Array {
  const g = new Float64Array(P);
  const n = y.length;
  for (let s = 0; s < n; s++) {
    const { h, p, offsets: o } = forward64(w, x, s);
    const dz = p.map((v, c) => (v - (c === y[s] ? 1 : 0)) / n);
    for (let c = 0; c < OUT; c++) {
      g[o.b2 + c] += dz[c];
      for (let j = 0; j < HID; j++) g[o.W2 + c * HID + j] += dz[c] * h[j];
    }
    for (let j = 0; j < HID; j++) {
      const da = (1 - h[j] ** 2) * dz.reduce((a, v, c) => a + v * w[o.W2 + c * HID + j], 0);
      g[o.b1 + j] += da;
      for (let k = 0; k < IN; k++) g[o.W1 + j * IN + k] += da * x[s * IN + k];
    }
  }
  return g;
}

/** H·v by central differences of the float64 gradient (error ~1e-10 at ε = 1e-5). */
function hvp64(w: Float64Array, v: Float64Array, x: number[], y: number[]): Float64Array {
  const eps = 1e-5;
  const at = (sg: number) =>
    grad64(
      w.map((wi, i) => wi + sg * eps * v[i]),
      x,
      y,
    );
  const plus = at(1),
    minus = at(-1);
  return plus.map((p, i) => (p - minus[i]) / (2 * eps));
}

describe('Sophia on a tiny MLP through trainStep, against float64', () => {
  const X = [0.5, -1, 1.2, 0.4, -0.8, 0.9, -1.5, -0.3, 0.2, 1.1, 0.9, -1.3];
  const Y = [0, 1, 2, 1, 0, 2];
  const N = Y.length;
  const hp = {
    lr: 0.05,
    betas: [0.9, 0.5] as const,
    rho: 1,
    weight_decay: 0.1,
    k: 2,
    seed: 7,
  };

  function initial(): Float64Array {
    const rng = createRng(3);
    return Float64Array.from({ length: P }, () => 0.8 * rng.normal());
  }

  /** The same steps in float64: Sophia as its authors' SophiaG, ĥ at θ before step t. */
  function reference(estimator: 'hutchinson' | 'gnb', steps: number) {
    const w = initial();
    const m = new Float64Array(P),
      h = new Float64Array(P);
    const out: { w: Float64Array; h: Float64Array; unclipped: number }[] = [];
    for (let t = 1; t <= steps; t++) {
      if (t > 1 && (t - 1) % hp.k === 0) {
        let e: Float64Array;
        if (estimator === 'hutchinson') {
          const u = rademacherSigns(P, hp.seed, t);
          const hu = hvp64(w, u, X, Y);
          e = u.map((ui, i) => ui * hu[i]);
        } else {
          const probs = Y.flatMap((_, s) => forward64(w, X, s).p);
          const labels = Array.from(sampleLabels(probs, OUT, hp.seed, t));
          e = grad64(w, X, labels).map((gi) => N * gi * gi);
        }
        for (let i = 0; i < P; i++) h[i] = hp.betas[1] * h[i] + (1 - hp.betas[1]) * e[i];
      }
      const g = grad64(w, X, Y);
      let unclipped = 0;
      for (let i = 0; i < P; i++) {
        m[i] = hp.betas[0] * m[i] + (1 - hp.betas[0]) * g[i];
        const ratio = Math.abs(m[i]) / (hp.rho * Math.max(h[i], 0) + 1e-15);
        if (ratio < 1) unclipped++;
        w[i] = w[i] * (1 - hp.lr * hp.weight_decay) - hp.lr * Math.sign(m[i]) * Math.min(ratio, 1);
      }
      out.push({ w: w.slice(), h: h.slice(), unclipped });
    }
    return out;
  }

  function split(w: Float64Array): tf.Tensor[] {
    const shapes = [[HID, IN], [HID], [OUT, HID], [OUT]];
    let at = 0;
    return shapes.map((s, i) => {
      const t = tf.tensor(Float32Array.from(w.subarray(at, at + sizes[i])), s);
      at += sizes[i];
      return t;
    });
  }

  test.each(['hutchinson', 'gnb'] as const)(
    '%s: six steps, θ and h as float64 has them',
    (estimator) => {
      const steps = 6;
      const ref = reference(estimator, steps);
      // The estimate decides some steps: coordinates where |m| < ρh move by less than lr.
      expect(ref[steps - 1].unclipped).toBeGreaterThan(3);
      const net = mlp({ inputs: IN, hidden: [HID], numClasses: OUT, activation: 'tanh' });
      const data: TensorData = {
        x: tf.tensor2d(X, [N, IN]),
        y: tf.tensor1d(Y, 'int32'),
      };
      const init = split(initial());
      const vars = init.map((t) => tf.variable(t));
      tf.dispose(init);
      const opt = new TensorOptimizer(findOptimizer('Sophia')!, vars, { ...hp, estimator });
      const indices = Int32Array.from({ length: N }, (_, i) => i);
      for (let t = 0; t < steps; t++) {
        const out = trainStep(net, opt, [], data, indices, {});
        out.stats.dispose();
        expect(maxRelErr(flat(vars), ref[t].w, 1e-3)).toBeLessThan(2e-3);
        const h = flat(vars.map((_, i) => opt.state(i).h as tf.Tensor));
        // Hu by central differences in float32 (trainStep's 'fd'): ~5e-6 off here.
        expect(maxRelErr(h, ref[t].h, 1e-2)).toBeLessThan(2e-3);
      }
      opt.dispose();
      tf.dispose([...vars, data.x, data.y]);
    },
  );

  test('20 steps with the estimate at each: tf.memory().numTensors flat', () => {
    const net = mlp({ inputs: IN, hidden: [HID], numClasses: OUT, activation: 'tanh' });
    const data: TensorData = { x: tf.tensor2d(X, [N, IN]), y: tf.tensor1d(Y, 'int32') };
    for (const estimator of ['hutchinson', 'gnb']) {
      const init = split(initial());
      const vars = init.map((t) => tf.variable(t));
      tf.dispose(init);
      const opt = new TensorOptimizer(findOptimizer('Sophia')!, vars, { ...hp, k: 1, estimator });
      const indices = Int32Array.from({ length: 4 }, (_, i) => i + 1);
      const counts: number[] = [];
      for (let t = 0; t < 20; t++) {
        trainStep(net, opt, [], data, indices, {}).stats.dispose();
        counts.push(numTensors());
      }
      expect(new Set(counts).size).toBe(1);
      opt.dispose();
      tf.dispose(vars);
    }
    tf.dispose([data.x, data.y]);
  });

  test('a step that throws (no context) changes nothing and leaks nothing', () => {
    const init = split(initial());
    const vars = init.map((t) => tf.variable(t));
    tf.dispose(init);
    const opt = new TensorOptimizer(findOptimizer('Sophia')!, vars, { ...hp, k: 1 });
    const grads = vars.map((v) => tf.onesLike(v));
    opt.step(grads);
    const before = numTensors();
    const w = flat(vars);
    expect(() => opt.step(grads)).toThrow(/^estimator: Sophia's 'hutchinson' estimate needs/);
    expect(numTensors()).toBe(before);
    expect(flat(vars)).toEqual(w);
    expect(opt.t).toBe(1);
    opt.dispose();
    tf.dispose([...vars, ...grads]);
  });
});
