/**
 * A network's curvature at θ on one batch, for the optimizers that read it through their
 * `StepContext` (Sophia's estimators): made once per training step, computed only when asked,
 * and for the whole network at once, then handed to each parameter tensor as its slice.
 *
 * * `rademacher(like, seed, draw)`: tensor i's slice of one whole-network Rademacher vector u,
 *   `rademacherSigns(P, seed, draw)` in parameter order (P = the parameter count), so a
 *   surface's 2-vector and a one-tensor network draw the same signs.
 * * `hvp(u)`: tensor i's slice of H·u, H the Hessian of the batch loss over all parameters
 *   (`hessian/hvp.ts`; central differences for today's networks, whose cross-entropy tfjs
 *   cannot differentiate twice).
 * * `gaussNewtonBartlett(seed, draw)`: tensor i's slice of B·ĝ⊙ĝ (Liu et al. 2023, Algorithm 2;
 *   the authors' SophiaG training loop): ŷₙ ~ softmax(zₙ) for each example of the batch, from
 *   the logits z the training step computed at θ, and ĝ the gradient of the mean cross-entropy
 *   with those labels, B the batch size. The labels are drawn on the host by inverse CDF from a
 *   stream that is a pure function of (seed, draw): the same labels on every backend, and a
 *   test can draw them again.
 *
 * Every value is taken at the parameters as they are at the first request; `TensorOptimizer`
 * assigns a step's new parameters only after every tensor has stepped, so that is θ. The cache
 * holds kept tensors until `dispose()`; a context returns clones (shared data), so a step may
 * keep what it is given.
 */
import * as tf from '@tensorflow/tfjs';
import type { StepContext } from '../core/optimizers/optimizerSpec';
import { rademacherSigns } from '../core/sampling/rademacher';
import { createRng } from '../core/sampling/rng';
import { gradient, makeHvp, type HvpOptions, type LossFn } from './hessian/hvp';

export interface CurvatureSource {
  /** θ, in the order the contexts are indexed (read at the first request). */
  params: readonly tf.Tensor[];
  /** The batch loss with the batch's own labels, as a function of the parameters. */
  loss: LossFn;
  /**
   * What GNB needs: the model's logits [B, C] at θ on the batch (not consumed) and the batch
   * loss with other labels. Absent (a loss without labels): the contexts offer no GNB.
   */
  sampled?: { logits: tf.Tensor2D; lossWith(labels: tf.Tensor1D): LossFn };
  hvp?: HvpOptions;
}

/** One mulberry32 output as a 32-bit integer: a mixing function of its seed. */
const mix = (x: number): number => (createRng(x).next() * 4294967296) >>> 0;

/**
 * One label per row of `probs` ([rows, classes], row-major), ŷ ~ Categorical(row), by inverse
 * CDF on a stream that is a pure function of (seed, draw). A row whose probabilities sum below
 * the uniform (rounding) takes its last class of positive probability.
 */
export function sampleLabels(
  probs: ArrayLike<number>,
  classes: number,
  seed: number,
  draw: number,
): Int32Array {
  const rows = probs.length / classes;
  const rng = createRng(mix(mix(seed) ^ (Math.trunc(draw) >>> 0)));
  const out = new Int32Array(rows);
  for (let n = 0; n < rows; n++) {
    const u = rng.next();
    let acc = 0,
      label = -1;
    for (let c = 0; c < classes; c++) {
      const p = probs[n * classes + c];
      if (p > 0) label = c;
      acc += p;
      if (u < acc) break;
    }
    out[n] = label;
  }
  return out;
}

/**
 * B·ĝ⊙ĝ per parameter for the given labels, ĝ = ∇ of the batch-mean loss with them (B = the
 * number of labels). Call inside a tidy.
 */
export function gnbFromLabels(
  lossWith: (labels: tf.Tensor1D) => LossFn,
  params: readonly tf.Tensor[],
  labels: tf.Tensor1D,
): tf.Tensor[] {
  const B = labels.shape[0];
  return gradient(lossWith(labels), params).map((g) => tf.mul(tf.square(g), B));
}

interface Drawn {
  seed: number;
  draw: number;
  tensors: tf.Tensor[];
}

export class NetworkCurvature {
  private u: Drawn | null = null;
  private hu: tf.Tensor[] | null = null;
  /** The slices of u handed out, by object: which parameter each is for. */
  private given = new Map<tf.Tensor, number>();
  private gnb: Drawn | null = null;
  private disposed = false;

  constructor(private readonly src: CurvatureSource) {}

  /** The context parameter tensor i steps with. */
  context(i: number): StepContext<tf.Tensor> {
    const ctx: StepContext<tf.Tensor> = {
      rademacher: (like, seed, draw) => {
        this.checkShape(like, i);
        const u = tf.clone(this.rademacherAll(seed, draw)[i]);
        this.given.set(u, i);
        return u;
      },
      hvp: (v) => {
        // A slice alone defines no whole-network product: v must be u's slice.
        if (this.given.get(v) !== i)
          throw new Error(
            'hvp: on a network, v must be the vector rademacher() gave this parameter in this step',
          );
        return tf.clone(this.hessianTimesU()[i]);
      },
    };
    if (this.src.sampled) {
      ctx.gaussNewtonBartlett = (seed, draw) => tf.clone(this.gnbAll(seed, draw)[i]);
    }
    return ctx;
  }

  dispose(): void {
    if (this.disposed) return;
    this.dropU();
    if (this.gnb) tf.dispose(this.gnb.tensors);
    this.gnb = null;
    this.disposed = true;
  }

  private checkShape(like: tf.Tensor, i: number): void {
    const want = this.src.params[i].shape;
    if (like.shape.length !== want.length || like.shape.some((d, j) => d !== want[j]))
      throw new Error(`rademacher: parameter ${i} has shape [${want}], got [${like.shape}]`);
  }

  private live(): void {
    if (this.disposed) throw new Error('NetworkCurvature: used after dispose()');
  }

  private dropU(): void {
    if (this.u) tf.dispose(this.u.tensors);
    if (this.hu) tf.dispose(this.hu);
    this.u = null;
    this.hu = null;
    this.given.clear();
  }

  private rademacherAll(seed: number, draw: number): tf.Tensor[] {
    this.live();
    if (this.u?.seed === seed && this.u.draw === draw) return this.u.tensors;
    this.dropU();
    const { params } = this.src;
    const signs = rademacherSigns(
      params.reduce((n, p) => n + p.size, 0),
      seed,
      draw,
    );
    let at = 0;
    const tensors = params.map((p) => {
      const slice = Float32Array.from(signs.subarray(at, at + p.size));
      at += p.size;
      return tf.keep(tf.tensor(slice, p.shape, 'float32'));
    });
    this.u = { seed, draw, tensors };
    return tensors;
  }

  private hessianTimesU(): tf.Tensor[] {
    this.live();
    if (!this.hu) {
      const hvp = makeHvp(this.src.loss, this.src.params, this.src.hvp);
      this.hu = tf.tidy(() => hvp(this.u!.tensors).map((t) => tf.keep(t)));
    }
    return this.hu;
  }

  private gnbAll(seed: number, draw: number): tf.Tensor[] {
    this.live();
    if (this.gnb?.seed === seed && this.gnb.draw === draw) return this.gnb.tensors;
    if (this.gnb) tf.dispose(this.gnb.tensors);
    this.gnb = null;
    const { logits, lossWith } = this.src.sampled!;
    const tensors = tf.tidy(() => {
      const probs = tf.softmax(logits).dataSync();
      const labels = tf.tensor1d(sampleLabels(probs, logits.shape[1], seed, draw), 'int32');
      return gnbFromLabels(lossWith, this.src.params, labels).map((t) => tf.keep(t));
    });
    this.gnb = { seed, draw, tensors };
    return tensors;
  }
}
