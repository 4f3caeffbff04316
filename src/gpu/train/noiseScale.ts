/**
 * The gradient noise scale of a network at its current weights (McCandlish et al. 2018, the
 * two-batch-size estimator of their appendix A.1; the formulas: core/sampling/noiseScale.ts).
 *
 * At fixed θ, `draws` batch gradients of each of two sizes are taken (batches drawn without
 * replacement from the N samples, each size from its own seeded epoch shuffler), their squared
 * norms averaged, and E|G_B|² = |G|² + tr(Σ)·(N − B)/(B(N − 1)) solved for |G|² and tr(Σ).
 * Both are unbiased; their ratio, B_noise, is not, so it needs enough draws (the paper averages
 * many steps). The loss is evaluated with BN on its running statistics ('eval'), so that it is a
 * true sum over samples: in train mode each sample's loss would depend on its batch.
 * Nothing is updated; every tensor made is freed.
 */
import * as tf from '@tensorflow/tfjs';
import { EpochBatches } from '../../core/sampling/epochBatches';
import { twoBatchNoiseScale, type NoiseScaleEstimate } from '../../core/sampling/noiseScale';
import { createRng } from '../../core/sampling/rng';
import { crossEntropy } from '../nets/loss';
import type { Net } from '../nets/net';
import { gatherBatch, sampleCountOf, type TensorData } from './tensorData';

export interface NetNoiseScaleOptions {
  net: Net;
  params: readonly tf.Tensor[];
  buffers: readonly tf.Tensor[];
  data: TensorData;
  /** The two batch sizes, small < big ≤ N. */
  small: number;
  big: number;
  /** Batch gradients of each size to average. */
  draws: number;
  seed?: number;
}

export interface NetNoiseScale extends NoiseScaleEstimate {
  small: { size: number; normSq: number };
  big: { size: number; normSq: number };
  draws: number;
  samples: number;
}

/** |∇ mean loss|² over the samples at `indices`, read back. */
export async function batchGradNormSq(
  net: Net,
  params: readonly tf.Tensor[],
  buffers: readonly tf.Tensor[],
  data: TensorData,
  indices: Int32Array,
): Promise<number> {
  const sq = tf.tidy(() => {
    const batch = gatherBatch(data, indices);
    const loss = (...ps: tf.Tensor[]) =>
      crossEntropy(net.forward(ps, buffers, batch.x, 'eval').logits, batch.y);
    const grads = tf.grads(loss)(params as tf.Tensor[]);
    return tf.addN(grads.map((g) => tf.sum(tf.square(g))));
  });
  try {
    return (await sq.data())[0];
  } finally {
    sq.dispose();
  }
}

export async function netNoiseScale(o: NetNoiseScaleOptions): Promise<NetNoiseScale> {
  const n = sampleCountOf(o.data);
  if (!(Number.isInteger(o.small) && Number.isInteger(o.big) && o.small >= 1 && o.small < o.big))
    throw new Error(`netNoiseScale: need integers 1 ≤ small < big, got ${o.small}, ${o.big}`);
  if (o.big > n) throw new Error(`netNoiseScale: big batch ${o.big} > ${n} samples`);
  if (!(Number.isInteger(o.draws) && o.draws >= 1))
    throw new Error(`netNoiseScale: draws must be an integer ≥ 1, got ${o.draws}`);
  const seed = o.seed ?? 0;
  const mean = async (size: number, stream: number) => {
    const batches = new EpochBatches(n, size, createRng(seed * 2 + stream));
    let t = 0;
    for (let d = 0; d < o.draws; d++) {
      // A short last batch of an epoch would be a third size: skip to the next epoch's first.
      if (batches.advance() !== size) batches.advance();
      const idx = batches.order.subarray(batches.start, batches.start + size);
      t += await batchGradNormSq(o.net, o.params, o.buffers, o.data, idx);
    }
    return { size, normSq: t / o.draws };
  };
  const small = await mean(o.small, 0);
  const big = await mean(o.big, 1);
  return { ...twoBatchNoiseScale(small, big, n), small, big, draws: o.draws, samples: n };
}
