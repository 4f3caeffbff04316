/**
 * The LR range test on a network (the rules: core/lrRangeTest.ts): N minibatch steps with any
 * tensor optimizer, the lr overwritten each step with the test's exponential one as a scheduler
 * would, nothing reset between steps (weights, optimizer state and BN statistics carry on, as
 * in fastai and pytorch-lr-finder), stopped when the smoothed batch loss blows up.
 *
 * The caller's weights are never changed: the test trains copies. By default it frees them at
 * the end (pytorch-lr-finder's `reset()`, fastai's restore); with `restore: false` it returns
 * the weights it ended with. Every tensor it makes is freed, also when it throws or is aborted.
 */
import * as tf from '@tensorflow/tfjs';
import {
  createRangeTest,
  type RangeTestResult,
  type RangeTestSettings,
} from '../../core/lrRangeTest';
import { findOptimizer } from '../../core/optimizers/registry';
import { EpochBatches } from '../../core/sampling/epochBatches';
import { createRng } from '../../core/sampling/rng';
import { initBuffers, initParams } from '../nets/params';
import { TensorOptimizer } from '../tensorOptimizer';
import { abortPoint, batchStep } from './batchStep';
import { sampleCountOf } from './tensorData';
import type { TrainOptions } from './train';

/**
 * As `train()` takes them (the optimizer's lr is replaced every step), with the test's settings
 * instead of a schedule and a step count.
 */
export interface NetRangeTestOptions extends Pick<
  TrainOptions,
  'net' | 'data' | 'optimizer' | 'batchSize' | 'seed' | 'params' | 'buffers' | 'initScheme'
> {
  settings: RangeTestSettings;
  /** true (default): free the trained copies; false: return them in the result. */
  restore?: boolean;
  onProgress?: (p: { step: number; lr: number; loss: number; smoothed: number }) => void;
  signal?: AbortSignal;
}

export interface NetRangeTestResult extends RangeTestResult {
  /** The weights and BN statistics the test ended with (caller disposes); null with `restore`. */
  params: tf.Tensor[] | null;
  buffers: tf.Tensor[] | null;
}

export async function netRangeTest(o: NetRangeTestOptions): Promise<NetRangeTestResult> {
  const spec = findOptimizer(o.optimizer.type);
  if (!spec) throw new Error(`lr range test: unknown optimizer '${o.optimizer.type}'`);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1)
    throw new Error(`lr range test: batchSize must be a positive integer, got ${o.batchSize}`);
  const test = createRangeTest(o.settings);
  const seed = o.seed ?? 0;
  const n = sampleCountOf(o.data);
  const batches = new EpochBatches(n, Math.min(o.batchSize, n), createRng(seed));
  const vars = tf.tidy(() =>
    (o.params ?? initParams(o.net, { seed, scheme: o.initScheme })).map((p) =>
      tf.variable(tf.clone(p), true),
    ),
  );
  let buffers = o.buffers ? o.buffers.map((b) => tf.clone(b)) : initBuffers(o.net);
  let opt: TensorOptimizer | null = null;
  const checkAbort = abortPoint(o.signal);
  try {
    opt = new TensorOptimizer(spec, vars, { ...spec.defaults, ...o.optimizer.hp });
    while (!test.done) {
      await checkAbort();
      const step = test.step,
        lr = test.lr;
      const r = await batchStep(o.net, opt, buffers, o.data, batches, { lr });
      buffers = r.buffers;
      test.record(r.loss);
      o.onProgress?.({ step: step + 1, lr, loss: r.loss, smoothed: test.smoothed });
    }
  } catch (err) {
    opt?.dispose();
    tf.dispose([...vars, ...buffers]);
    throw err;
  }
  opt.dispose();
  const result = test.result();
  if (o.restore ?? true) {
    tf.dispose([...vars, ...buffers]);
    return { ...result, params: null, buffers: null };
  }
  // Plain tensors for the caller, as train() returns them.
  const params = vars.map((v) => tf.clone(v));
  tf.dispose(vars);
  return { ...result, params, buffers };
}
