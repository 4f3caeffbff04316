/**
 * Sharpness of the minimum reached, by batch size (Keskar et al. 2017, on a small network): the
 * same network from the same seeded init trained for the same number of epochs (or steps) at
 * each batch size, then λ_max of the Hessian of the full training loss at the weights reached (power
 * iteration on Hessian-vector products, `hessian/topEigen`). Keskar et al. report large batches
 * ending at sharper minima (larger λ_max); this measures it rather than assuming it.
 * Every tensor made is freed; the caller's data is untouched.
 */
import * as tf from '@tensorflow/tfjs';
import type { OptimizerConfig } from '../../core/optimizers/parseOptimizer';
import { makeHvp } from '../hessian/hvp';
import { netLoss } from '../hessian/netLoss';
import { lambdaMax } from '../hessian/topEigen';
import type { Net } from '../nets/net';
import type { InitScheme } from '../nets/params';
import { sampleCountOf, type TensorData } from './tensorData';
import { train } from './train';

export interface BatchSharpnessOptions {
  net: Net;
  data: TensorData;
  optimizer: Pick<OptimizerConfig, 'type'> & { hp?: OptimizerConfig['hp'] };
  batches: readonly number[];
  /**
   * The length of every run: the same passes over the data (steps = epochs·⌈N/B⌉, Keskar et
   * al.'s setting, where a large batch takes fewer steps), or the same number of steps.
   */
  length: { epochs: number } | { steps: number };
  seed?: number;
  initScheme?: InitScheme;
  /** Power-iteration limits (defaults 100 products, tol 1e-3). */
  maxIter?: number;
  tol?: number;
}

export interface BatchSharpnessRow {
  batch: number;
  steps: number;
  /** Full-batch training loss at the weights reached (NaN: diverged). */
  loss: number;
  /** λ_max of the full training loss's Hessian there (NaN: diverged). */
  lambdaMax: number;
  converged: boolean;
}

export async function batchSharpness(o: BatchSharpnessOptions): Promise<BatchSharpnessRow[]> {
  const n = sampleCountOf(o.data);
  const rows: BatchSharpnessRow[] = [];
  for (const b of o.batches) {
    const batch = Math.min(b, n);
    const steps = 'steps' in o.length ? o.length.steps : o.length.epochs * Math.ceil(n / batch);
    const r = await train({
      net: o.net,
      data: o.data,
      optimizer: o.optimizer,
      batchSize: batch,
      steps,
      seed: o.seed,
      initScheme: o.initScheme,
    });
    try {
      if (r.divergedAt !== null) {
        rows.push({ batch, steps, loss: NaN, lambdaMax: NaN, converged: false });
        continue;
      }
      const loss = netLoss(o.net, r.buffers, o.data.x, o.data.y);
      const value = tf.tidy(() => loss(r.params).dataSync()[0]);
      const top = lambdaMax(makeHvp(loss, r.params), r.params, {
        seed: o.seed,
        maxIter: o.maxIter,
        tol: o.tol,
      });
      tf.dispose(top.vector);
      rows.push({ batch, steps, loss: value, lambdaMax: top.value, converged: top.converged });
    } finally {
      tf.dispose([...r.params, ...r.buffers]);
    }
  }
  return rows;
}
