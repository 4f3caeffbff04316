import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { makeToy2d } from '../../src/data/toy2d';
import { crossEntropy } from '../../src/gpu/nets/loss';
import { mlp } from '../../src/gpu/nets/mlp';
import { initParams } from '../../src/gpu/nets/params';
import { netNoiseScale } from '../../src/gpu/train/noiseScale';
import { gatherBatch, toyTensorData } from '../../src/gpu/train/tensorData';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const net = mlp({ hidden: [6], activation: 'tanh' });
const N = 24;

/** Every sample's gradient, flattened: the known answer for |G|² and tr(Σ). */
function exact(params: tf.Tensor[], data: ReturnType<typeof toyTensorData>) {
  const per: Float64Array[] = [];
  for (let i = 0; i < N; i++) {
    const g = tf.tidy(() => {
      const b = gatherBatch(data, Int32Array.of(i));
      const gs = tf.grads((...ps: tf.Tensor[]) =>
        crossEntropy(net.forward(ps, [], b.x, 'eval').logits, b.y),
      )(params);
      return tf.concat(gs.map((t) => t.flatten()));
    });
    per.push(Float64Array.from(g.dataSync()));
    g.dispose();
  }
  const p = per[0].length;
  const mean = new Float64Array(p);
  for (const g of per) for (let j = 0; j < p; j++) mean[j] += g[j] / N;
  let tr = 0;
  for (const g of per) for (let j = 0; j < p; j++) tr += (g[j] - mean[j]) ** 2 / N;
  return { gradSq: mean.reduce((t, v) => t + v * v, 0), traceSigma: tr };
}

describe('gradient noise scale on the toy MLP', () => {
  test('B = 1 over an epoch and B = N give the per-sample answer exactly; no tensor left', async () => {
    const data = toyTensorData(makeToy2d({ kind: 'circle', n: N, noise: 0.1, seed: 5 }));
    const params = initParams(net, { seed: 3 });
    const want = exact(params, data);
    const before = numTensors();
    const got = await netNoiseScale({ net, params, buffers: [], data, small: 1, big: N, draws: N });
    expect(numTensors()).toBe(before);
    expect(got.gradSq / want.gradSq - 1).toBeCloseTo(0, 4);
    expect(got.traceSigma / want.traceSigma - 1).toBeCloseTo(0, 4);
    expect(got.bNoise / (want.traceSigma / want.gradSq) - 1).toBeCloseTo(0, 3);

    // Sizes 3 and 12 over many draws: an estimate, close to the same value.
    const est = await netNoiseScale({
      net,
      params,
      buffers: [],
      data,
      small: 3,
      big: 12,
      draws: 400,
      seed: 1,
    });
    expect(numTensors()).toBe(before);
    expect(Math.abs(est.bNoise / (want.traceSigma / want.gradSq) - 1)).toBeLessThan(0.15);
    console.log(
      'toy MLP B_noise exact',
      want.traceSigma / want.gradSq,
      'est(3,12,400)',
      est.bNoise,
    );
    await expect(
      netNoiseScale({ net, params, buffers: [], data, small: 4, big: 4, draws: 1 }),
    ).rejects.toThrow(/1 ≤ small < big/);
    tf.dispose([...params, data.x, data.y]);
  });
});
