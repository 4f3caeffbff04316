import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { evaluate } from '../../src/gpu/landscape/evaluate';
import { mlp } from '../../src/gpu/nets/mlp';
import {
  decisionMap,
  runToyExperiment,
  toyBatches,
  type ToySpec,
} from '../../src/gpu/toy/toyExperiment';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

/** Small enough for a unit test (~1 s on wasm): circle, 200 points, 200 Adam steps, 5×5 PCA slice. */
const small: ToySpec = {
  data: 'circle',
  n: 200,
  noise: 0,
  testShare: 0.5,
  hidden: [8],
  activation: 'tanh',
  optimizer: { type: 'Adam', hp: { lr: 0.03 } },
  scheduler: null,
  steps: 200,
  batch: 20,
  seed: 3,
  grid: 5,
  range: null,
  directions: 'pca',
  mapSize: 16,
};

describe('the toy experiment (gpu/toy/toyExperiment)', () => {
  test('trains, slices its PCA plane and maps its decision; the slice centre is the trained loss; no tensor left behind', async () => {
    const before = numTensors();
    const steps: number[] = [];
    let sliceDone = 0;
    const r = await runToyExperiment(small, {
      onTrainProgress: (p) => steps.push(p.step),
      onSliceProgress: (d) => {
        sliceDone = d;
      },
    });
    expect(numTensors()).toBe(before);
    expect(r.divergedAt).toBeNull();
    expect(r.steps).toBe(200);
    expect(steps.at(-1)).toBe(200);
    expect(sliceDone).toBe(25);
    expect(r.history.loss).toHaveLength(200);
    expect(r.test!.acc).toBeGreaterThan(85);
    // The centre of an odd grid is the trained weights: its loss is the train loss.
    expect(r.slice!.xcoordinates[2]).toBe(0);
    expect(r.slice!.loss[12]).toBeCloseTo(r.train!.loss, 5);
    // The trajectory ends at the trained weights, the plane's origin.
    expect(r.pca!.x.at(-1)).toBeCloseTo(0, 6);
    expect(r.pca!.steps.at(-1)).toBe(200);
    const [v1, v2] = r.pca!.explainedVarianceRatio;
    expect(v1 + v2).toBeGreaterThan(0.5);
    expect(v1 + v2).toBeLessThanOrEqual(1 + 1e-9);
    expect(r.map!.prob).toHaveLength(256);
    expect(Array.from(r.map!.prob).every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(r.weights!.map((w) => w.length)).toEqual(
      r.net.shapes.map((s) => s.reduce((a, b) => a * b, 1)),
    );
  });

  test('the same spec gives the same run (seeded data, init, shuffling)', async () => {
    const spec = { ...small, steps: 40, grid: 3, mapSize: 0 };
    const [a, b] = [await runToyExperiment(spec), await runToyExperiment(spec)];
    expect(Array.from(a.history.loss)).toEqual(Array.from(b.history.loss));
    expect(Array.from(a.slice!.loss)).toEqual(Array.from(b.slice!.loss));
    expect(a.map).toBeNull();
  });

  test('reports divergence, with no slice, and frees what it made', async () => {
    const before = numTensors();
    const r = await runToyExperiment({
      ...small,
      data: 'xor',
      activation: 'relu',
      optimizer: { type: 'SGD', hp: { lr: 1e6 } },
      steps: 50,
    });
    expect(r.divergedAt).not.toBeNull();
    expect(r.divergedAt!).toBeLessThanOrEqual(50);
    expect(r.slice).toBeNull();
    expect(r.train).toBeNull();
    expect(numTensors()).toBe(before);
  });

  test('stops when aborted, rejecting, and frees what it made', async () => {
    const before = numTensors();
    const ctl = new AbortController();
    const run = runToyExperiment(
      { ...small, steps: 5000 },
      {
        onTrainProgress: (p) => {
          if (p.step === 20) ctl.abort(new Error('stop'));
        },
        signal: ctl.signal,
      },
    );
    await expect(run).rejects.toThrow('stop');
    expect(numTensors()).toBe(before);
  });

  test('decisionMap is softmax(logits)[1] at each cell centre: for logistic regression, σ((w₁ − w₀)·x + b₁ − b₀)', async () => {
    const net = mlp({ hidden: [], activation: 'tanh' });
    const w = [
        [0.5, -1],
        [-0.25, 0.75],
      ],
      b = [0.1, -0.3];
    const params = [tf.tensor2d(w), tf.tensor1d(b)];
    const before = numTensors();
    const m = await decisionMap(net, params, [], 4, { xmin: -2, xmax: 2, ymin: 0, ymax: 8 });
    expect(numTensors()).toBe(before);
    for (let j = 0; j < 4; j++) {
      for (let i = 0; i < 4; i++) {
        const x = -2 + i + 0.5,
          y = 1 + 2 * j;
        const z = (w[1][0] - w[0][0]) * x + (w[1][1] - w[0][1]) * y + b[1] - b[0];
        expect(m.prob[j * 4 + i]).toBeCloseTo(1 / (1 + Math.exp(-z)), 5);
      }
    }
    // And the map classifies like the net does: its own accuracy on points at cell centres.
    const batches = toyBatches({
      kind: 'circle',
      n: 2,
      points: Float64Array.from([-1.5, 1, 1.5, 7]),
      labels: Uint8Array.from([m.prob[0] > 0.5 ? 1 : 0, m.prob[15] > 0.5 ? 1 : 0]),
    });
    await expect(evaluate(net, params, [], batches).then((e) => e.acc)).resolves.toBe(100);
    tf.dispose([...params, ...batches.flatMap((x) => [x.x, x.y])]);
  });
});
