import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { RANGE_TEST_DEFAULTS, rangeTestLrs } from '../../src/core/lrRangeTest';
import { makeToy2d, splitToy2d } from '../../src/data/toy2d';
import { mlp } from '../../src/gpu/nets/mlp';
import { initParams } from '../../src/gpu/nets/params';
import { netRangeTest } from '../../src/gpu/train/lrRangeTest';
import { toyTensorData } from '../../src/gpu/train/tensorData';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const net = mlp({ hidden: [8, 8], activation: 'tanh' });
const settings = { ...RANGE_TEST_DEFAULTS, startLr: 1e-3, endLr: 1e3, steps: 60 };

function circles() {
  const { train } = splitToy2d(makeToy2d({ kind: 'circle', n: 200, noise: 0, seed: 3 }), 0.7, 4);
  return toyTensorData(train);
}

describe('the LR range test on the toy MLP', () => {
  test('runs the exponential lrs, stops when the loss blows up, frees every tensor', async () => {
    const data = circles();
    const before = numTensors();
    const r = await netRangeTest({
      net,
      data,
      optimizer: { type: 'SGD', hp: { momentum: 0.9 } },
      batchSize: 20,
      settings,
      seed: 1,
    });
    expect(numTensors()).toBe(before);
    expect(r.params).toBeNull();
    expect(r.stop).not.toBe('completed');
    expect(r.steps).toBeLessThan(settings.steps);
    expect(Array.from(r.lrs)).toEqual(Array.from(rangeTestLrs(settings).subarray(0, r.steps)));
    const last = r.smoothed[r.steps - 1];
    expect(r.stop === 'non-finite' || last > settings.divergeThreshold * r.best).toBe(true);
    const s = r.suggestions;
    expect(s.blowUp?.index).toBe(r.steps - 1);
    expect(s.maxLr?.lr).toBe(s.blowUp!.lr / 10);
    expect(s.steepest!.lr).toBeLessThan(s.blowUp!.lr);
    tf.dispose([data.x, data.y]);
  });

  test("leaves the caller's weights alone, or hands back the trained ones", async () => {
    const data = circles();
    const params = initParams(net, { seed: 7 });
    const copy = params.map((p) => Array.from(p.dataSync()));
    const before = numTensors();
    const opts = {
      net,
      data,
      params,
      optimizer: { type: 'Adam' },
      batchSize: 20,
      settings: { ...settings, steps: 8, endLr: 0.1 },
    };
    const kept = await netRangeTest({ ...opts, restore: false });
    expect(kept.stop).toBe('completed');
    expect(kept.params!.map((p) => p.shape)).toEqual(params.map((p) => p.shape));
    expect(Array.from(kept.params![0].dataSync())).not.toEqual(copy[0]);
    expect(params.map((p) => Array.from(p.dataSync()))).toEqual(copy);
    tf.dispose([...kept.params!, ...kept.buffers!]);
    // Deterministic: the same seed gives the same losses.
    const again = await netRangeTest(opts);
    expect(Array.from(again.losses)).toEqual(Array.from(kept.losses));
    expect(numTensors()).toBe(before);
    tf.dispose([...params, data.x, data.y]);
  });

  test('an abort rejects with its reason and leaves no tensor', async () => {
    const data = circles();
    const before = numTensors();
    const ctl = new AbortController();
    const run = netRangeTest({
      net,
      data,
      optimizer: { type: 'SGD' },
      batchSize: 20,
      settings,
      onProgress: (p) => {
        if (p.step === 3) ctl.abort(new Error('stop here'));
      },
      signal: ctl.signal,
    });
    await expect(run).rejects.toThrow('stop here');
    expect(numTensors()).toBe(before);
    tf.dispose([data.x, data.y]);
  });
});
