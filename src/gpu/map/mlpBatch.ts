/**
 * A chunk of an MLP map's runs at once: C copies of core/map/mlpProblem's network, each with its
 * own (η₁, η₂), trained together. The C hidden layers are one [C·h, d] matrix, so the forward
 * and the input-weight gradient are each a single 2-D matMul against the shared data; the update
 * is the SGD record's own `step` with the learning rate as a per-run tensor (its `perRun`).
 */
import * as tf from '@tensorflow/tfjs';
import { axisValueAt } from '../../core/map/mapAxes';
import type { MapGrid } from '../../core/map/mapResult';
import type { MlpMapSpec } from '../../core/map/mapSpec';
import type { MlpProblem } from '../../core/map/mlpProblem';
import type { Hyperparams } from '../../core/optimizers/optimizerSpec';
import { sgd } from '../../core/optimizers/sgd';
import { tensorAlgebra as A } from '../tensorAlgebra';
import { keepStep } from './keepStep';
import { initialOutcome, outcomeStep, readOutcome, type OutcomeState } from './outcomeStep';
import type { ChunkHooks } from './surfaceBatch';

interface Loop {
  W: tf.Tensor; // [C, h, d]
  v: tf.Tensor; // [C, h]
  o: OutcomeState;
}

/** Runs cells [c0, c1) of the MLP map and writes their outcomes into `out`. Disposes all it made. */
export async function mlpChunk(
  spec: MlpMapSpec,
  p: MlpProblem,
  c0: number,
  c1: number,
  out: MapGrid,
  hooks: ChunkHooks,
): Promise<void> {
  const { width: h, inputs: d, examples: n } = p;
  const C = c1 - c0;
  const nx = spec.x.n;
  const lrs = { lr1: new Float32Array(C), lr2: new Float32Array(C) };
  for (let c = 0; c < C; c++) {
    const cell = c0 + c;
    lrs[spec.x.key as 'lr1' | 'lr2'][c] = axisValueAt(spec.x, (cell % nx) + 0.5);
    lrs[spec.y.key as 'lr1' | 'lr2'][c] = axisValueAt(spec.y, Math.floor(cell / nx) + 0.5);
  }
  const X = tf.tensor2d(Float32Array.from(p.X), [n, d]);
  const Xt = tf.transpose(X);
  const Y = tf.tensor2d(Float32Array.from(p.Y), [1, n]);
  const lr1 = tf.tensor3d(lrs.lr1, [C, 1, 1]);
  const lr2 = tf.tensor2d(lrs.lr2, [C, 1]);
  const constants = [X, Xt, Y, lr1, lr2];
  // SGD without momentum is W ← W − η·∂L/∂W; η is per run, hence a tensor (sgd.perRun has 'lr').
  const hp1 = { ...sgd.defaults, lr: lr1 } as unknown as Hyperparams as typeof sgd.defaults;
  const hp2 = { ...sgd.defaults, lr: lr2 } as unknown as Hyperparams as typeof sgd.defaults;
  const sd = 1 / Math.sqrt(d);
  let s: Loop | null = null;
  try {
    s = keepStep<Loop | null>(null, () => ({
      W: tf.tile(tf.tensor3d(Float32Array.from(p.W0), [1, h, d]), [C, 1, 1]),
      v: tf.tile(tf.tensor2d(Float32Array.from(p.v0), [1, h]), [C, 1]),
      o: initialOutcome(C),
    }))!;
    for (let k = 0; k <= spec.steps; k++) {
      s = keepStep<Loop>(s, () => {
        const { W, v } = s!;
        // a[c, j, m] = tanh(W[c, j]·x[m] / √d), one matMul for all C·h hidden units.
        const a = tf.reshape(tf.tanh(tf.mul(tf.matMul(tf.reshape(W, [C * h, d]), Xt), sd)), [
          C,
          h,
          n,
        ]);
        const yhat = tf.div(tf.sum(tf.mul(a, tf.expandDims(v, 2)), 1), h); // [C, n]
        const err = tf.sub(yhat, Y);
        const L = tf.mean(tf.square(err), 1); // [C]
        const o = outcomeStep(L, k, s!.o, spec.tol, k === spec.steps);
        if (k === spec.steps) return { ...s!, o };
        const e = tf.mul(err, 2 / n); // ∂L/∂ŷ, [C, n]
        const dv = tf.div(tf.sum(tf.mul(a, tf.expandDims(e, 1)), 2), h); // [C, h]
        const dz = tf.mul(
          tf.mul(tf.expandDims(v, 2), tf.expandDims(e, 1)),
          tf.mul(tf.sub(1, tf.square(a)), sd / h),
        ); // [C, h, n]
        const dW = tf.reshape(tf.matMul(tf.reshape(dz, [C * h, n]), X), [C, h, d]);
        const nextW = sgd.step(A, W, dW, { buf: null }, hp1, k + 1).theta;
        const nextV = sgd.step(A, v, dv, { buf: null }, hp2, k + 1).theta;
        return { W: nextW, v: nextV, o };
      });
      await hooks.tick(k);
    }
    await readOutcome(s.o, c0, out);
  } finally {
    if (s) keepStep(s, () => null as unknown as Loop);
    tf.dispose(constants);
  }
}
