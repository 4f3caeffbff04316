import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { createScheduler } from '../../src/core/schedules/createScheduler';
import { loadFashionSubset } from '../../src/data/fashionMnist';
import { makeToy2d, splitToy2d } from '../../src/data/toy2d';
import { mlp } from '../../src/gpu/nets/mlp';
import { initParams } from '../../src/gpu/nets/params';
import { resnet } from '../../src/gpu/nets/resnet';
import { flattenParams, unflattenParams } from '../../src/gpu/train/checkpoint';
import { evaluateModel } from '../../src/gpu/train/evaluateModel';
import { fashionTensorData, toyTensorData } from '../../src/gpu/train/tensorData';
import { scheduleBaseOf, scheduledOverride } from '../../src/gpu/train/scheduledHp';
import { train, type TrainResult } from '../../src/gpu/train/train';
import { findOptimizer } from '../../src/core/optimizers/registry';
import { repoRoot } from '../referencePath';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const disposeResult = (r: TrainResult) => tf.dispose([...r.params, ...r.buffers]);

function circles() {
  const { train: tr, test: te } = splitToy2d(
    makeToy2d({ kind: 'circle', n: 300, noise: 0, seed: 3 }),
    0.7,
    4,
  );
  return { train: toyTensorData(tr), test: toyTensorData(te) };
}
const net = mlp({ hidden: [8, 8], activation: 'tanh' });
const adam = { type: 'Adam', hp: { lr: 0.03 } };

describe('train (MLP on toy 2-D data)', () => {
  test('an MLP learns the circle set: held-out accuracy well above chance', async () => {
    const d = circles();
    const before = numTensors();
    const r = await train({
      net,
      data: d.train,
      optimizer: adam,
      batchSize: 16,
      steps: 300,
      seed: 1,
    });
    const ev = await evaluateModel(net, r.params, r.buffers, d.test);
    expect(ev.accuracy).toBeGreaterThan(0.9);
    expect(r.loss[r.steps - 1]).toBeLessThan(r.loss[0]);
    expect(r.divergedAt).toBeNull();
    disposeResult(r);
    expect(numTensors()).toBe(before);
    tf.dispose([d.train.x, d.train.y, d.test.x, d.test.y]);
  });

  test('is deterministic for a seed, and another seed shuffles (and inits) differently', async () => {
    const d = circles();
    const run = (seed: number) =>
      train({
        net,
        data: d.train,
        optimizer: adam,
        batchSize: 32,
        steps: 20,
        seed,
        checkpointEvery: 10,
      });
    const [a, b, c] = [await run(5), await run(5), await run(6)];
    expect(Array.from(a.loss)).toEqual(Array.from(b.loss));
    expect(a.checkpoints.map((k) => Array.from(k.params))).toEqual(
      b.checkpoints.map((k) => Array.from(k.params)),
    );
    expect(Array.from(a.loss)).not.toEqual(Array.from(c.loss));
    [a, b, c].forEach(disposeResult);
    tf.dispose([d.train.x, d.train.y, d.test.x, d.test.y]);
  });

  test('checkpoints at 0, k, 2k, … and the end; the first is the init, the last the result', async () => {
    const d = circles();
    const r = await train({
      net,
      data: d.train,
      optimizer: { type: 'SGD', hp: { lr: 0.1 } },
      batchSize: 50,
      steps: 25,
      seed: 2,
      checkpointEvery: 10,
    });
    expect(r.checkpoints.map((k) => k.step)).toEqual([0, 10, 20, 25]);
    const init = initParams(net, { seed: 2 });
    expect(Array.from(r.checkpoints[0].params)).toEqual(Array.from(await flattenParams(init)));
    expect(Array.from(r.checkpoints[3].params)).toEqual(Array.from(await flattenParams(r.params)));
    const back = unflattenParams(
      r.checkpoints[3].params,
      net.params.map((p) => p.shape),
    );
    expect(back.map((t) => t.shape)).toEqual(net.params.map((p) => [...p.shape]));
    tf.dispose([...init, ...back]);
    disposeResult(r);
    tf.dispose([d.train.x, d.train.y, d.test.x, d.test.y]);
  });

  test("a schedule sets each step's lr (OneCycleLR cycling momentum), LARS and LAMB train too", async () => {
    const d = circles();
    const sched = { type: 'OneCycleLR', max_lr: 0.2, total_steps: 30 };
    const r = await train({
      net,
      data: d.train,
      optimizer: { type: 'SGD', hp: { lr: 0.1, momentum: 0.9 } },
      scheduler: sched,
      batchSize: 30,
      steps: 30,
    });
    const s = createScheduler(sched, { lr: 0.1, momentum: 0.9, momentumKey: 'momentum' });
    const want = Array.from({ length: 30 }, () => {
      const v = s.lr;
      s.advance();
      return v;
    });
    expect(Array.from(r.lr)).toEqual(want);
    disposeResult(r);
    for (const type of ['LARS', 'LAMB']) {
      const hp: Record<string, number> =
        type === 'LARS' ? { lr: 1, trust_coefficient: 0.005 } : { lr: 0.02 };
      const q = await train({
        net,
        data: d.train,
        optimizer: { type, hp },
        batchSize: 30,
        steps: 60,
        seed: 1,
      });
      const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
      expect(mean(q.loss.subarray(50))).toBeLessThan(mean(q.loss.subarray(0, 10)));
      disposeResult(q);
    }
    tf.dispose([d.train.x, d.train.y, d.test.x, d.test.y]);
  });

  test('Rprop, ASGD, signSGD and Signum train the MLP through the tensor path, leaving no tensor', async () => {
    const d = circles();
    const before = numTensors();
    const cases: [string, Record<string, number>][] = [
      ['Rprop', { lr: 0.01 }],
      ['ASGD', { lr: 0.3 }],
      ['SignSGD', { lr: 0.01 }],
      ['Signum', { lr: 0.01 }],
    ];
    for (const [type, hp] of cases) {
      const q = await train({
        net,
        data: d.train,
        optimizer: { type, hp },
        batchSize: 210,
        steps: 60,
        seed: 1,
      });
      const mean = (a: Float64Array) => a.reduce((x, y) => x + y, 0) / a.length;
      expect(mean(q.loss.subarray(50)), type).toBeLessThan(0.8 * mean(q.loss.subarray(0, 5)));
      disposeResult(q);
      expect(numTensors(), type).toBe(before);
    }
    tf.dispose([d.train.x, d.train.y, d.test.x, d.test.y]);
  });

  test('a cycled momentum goes into momentum (SGD, LARS) or β₁ (Adam, LAMB)', () => {
    const sched = { type: 'OneCycleLR', max_lr: 0.2, total_steps: 30 };
    for (const [type, key] of [
      ['SGD', 'momentum'],
      ['LARS', 'momentum'],
      ['Adam', 'betas'],
      ['LAMB', 'betas'],
    ] as const) {
      const spec = findOptimizer(type)!;
      const hp = { ...spec.defaults, momentum: 0.9 };
      const base = scheduleBaseOf(spec, hp);
      expect(base.momentumKey).toBe(key);
      const over = scheduledOverride(createScheduler(sched, base), base, hp);
      // OneCycleLR starts at max_momentum 0.95 and lr = max_lr/25.
      expect(over.lr).toBeCloseTo(0.008, 12);
      expect(key === 'momentum' ? over.momentum : (over.betas as readonly number[])[0]).toBe(0.95);
      if (key === 'betas') expect((over.betas as readonly number[])[1]).toBe(0.999);
    }
  });

  test('an abort that arrives as a task (a worker message, a timer) stops a run on WASM/CPU', async () => {
    // tensor.data() resolves as a microtask on these backends: without yielding to the task
    // queue the timer below could only fire after the last step.
    const before = numTensors();
    const d = circles();
    const ctl = new AbortController();
    let steps = 0;
    const timer = setTimeout(() => ctl.abort(), 100);
    const run = train({
      net,
      data: d.train,
      optimizer: adam,
      batchSize: 30,
      steps: 100_000,
      signal: ctl.signal,
      onProgress: (p) => (steps = p.step),
    });
    await expect(run).rejects.toThrow(/abort/i);
    clearTimeout(timer);
    expect(steps).toBeGreaterThan(0);
    expect(steps).toBeLessThan(100_000);
    tf.dispose([d.train.x, d.train.y, d.test.x, d.test.y]);
    expect(numTensors()).toBe(before);
  });

  test('reports progress, and an AbortSignal stops it with every tensor freed', async () => {
    const d = circles();
    const before = numTensors();
    const ctl = new AbortController();
    const seen: number[] = [];
    const run = train({
      net,
      data: d.train,
      optimizer: adam,
      batchSize: 16,
      steps: 100,
      checkpointEvery: 2,
      signal: ctl.signal,
      onProgress: (p) => {
        seen.push(p.step);
        if (p.step === 3) ctl.abort();
      },
    });
    await expect(run).rejects.toThrow();
    expect(seen).toEqual([1, 2, 3]);
    expect(numTensors()).toBe(before);
    tf.dispose([d.train.x, d.train.y, d.test.x, d.test.y]);
  });
});

describe('train (tiny ResNet on Fashion-MNIST 7×7)', () => {
  test('200 images: training loss falls, BN running stats move, no tensor leaks across runs', async () => {
    const dir = path.join(repoRoot, 'public/data/fashion-mnist-7');
    const split = await loadFashionSubset((f) => readFile(path.join(dir, f)), 'train', {
      normalization: 'standard',
    });
    const data = fashionTensorData(split, 200);
    const rn = resnet({ depth: 8, width: 4, inChannels: 1, inputSize: 7, numClasses: 10 });
    const opts = {
      net: rn,
      data,
      optimizer: { type: 'SGD', hp: { lr: 0.1, momentum: 0.9 } },
      batchSize: 50,
      steps: 40,
      seed: 1,
    };
    const first = await train(opts);
    disposeResult(first);
    const before = numTensors();
    const r = await train(opts);
    const init = initParams(rn, { seed: 1 });
    // Training loss over all 200 images, BN with batch statistics (as during training).
    const start = await evaluateModel(rn, init, r.buffers, data, { mode: 'train' });
    const end = await evaluateModel(rn, r.params, r.buffers, data, { mode: 'train' });
    expect(end.loss).toBeLessThan(0.8 * start.loss);
    expect(end.accuracy).toBeGreaterThan(0.3);
    expect(r.buffers[0].dataSync().some((v) => v !== 0)).toBe(true); // bn1.running_mean moved
    tf.dispose(init);
    disposeResult(r);
    expect(numTensors()).toBe(before);
    tf.dispose([data.x, data.y]);
  });
});
