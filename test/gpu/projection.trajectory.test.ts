import { beforeAll, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { makeToy2d } from '../../src/data/toy2d';
import { toBatches } from '../../src/gpu/landscape/evaluate';
import { computeSlice } from '../../src/gpu/landscape/slice';
import { mlp } from '../../src/gpu/nets/mlp';
import { trajectoryPca } from '../../src/gpu/projection/trajectoryPca';
import { evaluateModel } from '../../src/gpu/train/evaluateModel';
import { toyTensorData } from '../../src/gpu/train/tensorData';
import { train } from '../../src/gpu/train/train';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

test("a trained MLP's checkpoints give PCA directions the landscape slice takes as they are", async () => {
  const net = mlp({ hidden: [8], activation: 'tanh' });
  const data = toyTensorData(makeToy2d({ kind: 'gauss', n: 120, noise: 0.1, seed: 2 }));
  const before = numTensors();
  const r = await train({
    net,
    data,
    optimizer: { type: 'SGD', hp: { lr: 0.1, momentum: 0.9 } },
    batchSize: 20,
    steps: 40,
    seed: 1,
    checkpointEvery: 5,
  });
  const pca = trajectoryPca(
    r.checkpoints.map((c) => c.params),
    net.params.map((p) => p.shape),
  );
  expect(pca.x).toHaveLength(9);
  expect(pca.x[8]).toBe(0); // w_final is the origin of the plane
  expect(pca.explainedVarianceRatio[0]).toBeGreaterThan(0.5); // SGD paths are nearly straight
  const batches = toBatches(data.x, data.y);
  const axis = { min: -1, max: 1, num: 3 };
  const s = await computeSlice({
    net,
    params: r.params,
    buffers: r.buffers,
    dx: pca.directions[0],
    dy: pca.directions[1],
    x: axis,
    y: axis,
    batches,
  });
  const at = await evaluateModel(net, r.params, r.buffers, data);
  expect(s.loss[4]).toBeCloseTo(at.loss, 5);
  tf.dispose([
    ...pca.directions[0],
    ...pca.directions[1],
    ...r.params,
    ...r.buffers,
    ...batches.flatMap((b) => [b.x, b.y]),
  ]);
  expect(numTensors()).toBe(before);
  tf.dispose([data.x, data.y]);
});
