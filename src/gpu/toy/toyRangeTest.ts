/**
 * The LR range test (gpu/train/lrRangeTest) on the toy MLP of a ToySpec: the same data, split,
 * net, init, optimizer and batch that `runToyExperiment` would train, the test's exponential lr
 * replacing the spec's schedule and step count. The data tensors are freed before it returns.
 */
import * as tf from '@tensorflow/tfjs';
import type { RangeTestResult, RangeTestSettings } from '../../core/lrRangeTest';
import { makeToy2d, splitToy2d } from '../../data/toy2d';
import { mlp } from '../nets/mlp';
import { netRangeTest, type NetRangeTestOptions } from '../train/lrRangeTest';
import { toyTensorData } from '../train/tensorData';
import { toyInitScheme, type ToySpec } from './toyExperiment';

export async function runToyRangeTest(
  spec: ToySpec,
  settings: RangeTestSettings,
  hooks: Pick<NetRangeTestOptions, 'onProgress' | 'signal'> = {},
): Promise<RangeTestResult> {
  const set = makeToy2d({ kind: spec.data, n: spec.n, noise: spec.noise, seed: spec.seed });
  const split = splitToy2d(set, 1 - spec.testShare, spec.seed);
  const net = mlp({ inputs: 2, hidden: spec.hidden, numClasses: 2, activation: spec.activation });
  const data = toyTensorData(split.train);
  try {
    const r = await netRangeTest({
      net,
      data,
      optimizer: spec.optimizer as NetRangeTestOptions['optimizer'],
      batchSize: spec.batch,
      seed: spec.seed,
      initScheme: toyInitScheme(spec),
      settings,
      ...hooks,
    });
    // restore (the default) freed the trained copies: only the curve comes back.
    const { params: _p, buffers: _b, ...result } = r;
    return result;
  } finally {
    tf.dispose([data.x, data.y]);
  }
}
