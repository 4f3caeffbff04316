// Resumable training: N steps straight = k steps, a stop, a file round trip and a resume to N.
import { beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { batchPlan } from '../../src/core/batchScaling';
import { parseScheduleConfig } from '../../src/core/schedules';
import type { ScheduleConfig } from '../../src/core/schedules/scheduleSpec';
import { resnet } from '../../src/gpu/nets/resnet';
import { train, type TrainOptions, type TrainResult } from '../../src/gpu/train/train';
import {
  decodeTrainState,
  encodeTrainState,
  TrainStateError,
  type TrainSnapshot,
} from '../../src/gpu/train/trainState';
import { numTensors, useTestBackend } from './setup';

beforeAll(useTestBackend);

const net = resnet({ depth: 8, width: 4, inChannels: 1, inputSize: 7, numClasses: 10 });

/** 50 seeded 7×7 images of 10 classes (the class shifts the mean, so there is something to learn). */
function data() {
  const n = 50;
  const labels = Int32Array.from({ length: n }, (_, i) => (i * 7) % 10);
  let s = 12345;
  const rand = () => ((s = (s * 1103515245 + 12345) >>> 0) / 2 ** 32) * 2 - 1;
  const x = Float32Array.from(
    { length: n * 49 },
    (_, i) => rand() + labels[Math.floor(i / 49)] / 5,
  );
  return { x: tf.tensor4d(x, [n, 7, 7, 1]), y: tf.tensor1d(labels, 'int32') };
}

function schedule(raw: unknown): ScheduleConfig {
  const p = parseScheduleConfig(raw);
  if (!p.ok) throw new Error(p.errors.join('; '));
  return p.value;
}

/** Warm-up then ÷10 at 50 % and 75 % (the paper's recipe, as SequentialLR of LinearLR and MultiStepLR). */
const paperSchedule = schedule({
  type: 'SequentialLR',
  milestones: [2],
  schedulers: [
    { type: 'LinearLR', start_factor: 0.1, end_factor: 1, total_iters: 2 },
    { type: 'MultiStepLR', milestones: [3, 5], gamma: 0.1 },
  ],
});
const sgd = { type: 'SGD', hp: { lr: 0.1, momentum: 0.9, weight_decay: 5e-4 } };

const bits = (t: tf.Tensor) => Array.from(new Uint32Array(Float32Array.from(t.dataSync()).buffer));
const dispose = (r: TrainResult) => tf.dispose([...r.params, ...r.buffers]);

/** The snapshot saved at the end of `steps` SGD steps of batch 16, seed 1 (the result freed). */
async function snapshotAfter(d: ReturnType<typeof data>, steps: number): Promise<TrainSnapshot> {
  const snaps: TrainSnapshot[] = [];
  const r = await train({
    net,
    data: d,
    optimizer: sgd,
    batchSize: 16,
    steps,
    seed: 1,
    onSave: (s) => void snaps.push(s),
  });
  dispose(r);
  return snaps[snaps.length - 1];
}

function expectSameRun(a: TrainResult, b: TrainResult) {
  expect(b.steps).toBe(a.steps);
  expect(Array.from(b.loss)).toEqual(Array.from(a.loss));
  expect(Array.from(b.accuracy)).toEqual(Array.from(a.accuracy));
  expect(Array.from(b.lr)).toEqual(Array.from(a.lr));
  expect(b.batch && Array.from(b.batch)).toEqual(a.batch && Array.from(a.batch));
  a.params.forEach((p, i) => expect(bits(b.params[i])).toEqual(bits(p)));
  a.buffers.forEach((p, i) => expect(bits(b.buffers[i])).toEqual(bits(p)));
  expect(b.checkpoints.map((c) => c.step)).toEqual(a.checkpoints.map((c) => c.step));
  a.checkpoints.forEach((c, i) =>
    expect(Array.from(b.checkpoints[i].params)).toEqual(Array.from(c.params)),
  );
}

describe('train: stop and resume', () => {
  const cases: [string, Partial<TrainOptions>][] = [
    [
      'SGD 0.1 / momentum 0.9 / wd 5e-4, warm-up then step decays',
      { optimizer: sgd, scheduler: paperSchedule },
    ],
    [
      'Adam (bias correction reads the step count), ReduceLROnPlateau (reads the losses)',
      {
        optimizer: { type: 'Adam', hp: { lr: 0.01 } },
        scheduler: schedule({ type: 'ReduceLROnPlateau', patience: 0, factor: 0.5 }),
      },
    ],
    [
      'a batch-size schedule (B 16 → 32 after step 2, lr by the linear rule): the replay draws the same sizes',
      {
        batchPlan: batchPlan({
          size: 16,
          samples: 50,
          scaling: { rule: 'linear', baseSize: 16, warmup: 0 },
          schedule: { milestones: [2], factor: 2, change: 'batch' },
        }),
      },
    ],
  ];
  test.each(cases)(
    '%s: 7 steps straight = 3 steps, stop, resume from the file to 7 — bit for bit',
    async (_, extra) => {
      const d = data();
      const before = numTensors();
      // Batch 16 of 50: epochs end with a short batch of 2 inside the run (steps 4 and 7).
      const base = {
        net,
        data: d,
        optimizer: sgd,
        batchSize: 16,
        steps: 7,
        seed: 5,
        checkpointEvery: 2,
        ...extra,
      } as TrainOptions;
      const straight = await train(base);
      expect(straight.stopped).toBe(false);
      const held = numTensors();

      let file: Uint8Array | null = null;
      let saves = 0;
      const first = await train({
        ...base,
        stopRequested: () => saves >= 1,
        saveEvery: 3,
        onSave: (s) => {
          saves++;
          file = encodeTrainState({ recipe: 'r' }, s);
        },
      });
      expect(first.stopped).toBe(true);
      expect(first.steps).toBe(3);
      expect(numTensors()).toBe(held + first.params.length + first.buffers.length);
      dispose(first);

      const { recipe, snapshot } = decodeTrainState(file!);
      expect(recipe).toEqual({ recipe: 'r' });
      expect(snapshot.step).toBe(3);
      const resumed = await train({ ...base, resume: snapshot });
      expect(resumed.stopped).toBe(false);
      expectSameRun(straight, resumed);
      dispose(straight);
      dispose(resumed);
      expect(numTensors()).toBe(before);
      tf.dispose([d.x, d.y]);
    },
    60_000,
  );

  test('onSave sees every saveEvery steps and the end; a resume at the end trains nothing', async () => {
    const d = data();
    const before = numTensors();
    const snaps: TrainSnapshot[] = [];
    const r = await train({
      net,
      data: d,
      optimizer: sgd,
      batchSize: 25,
      steps: 5,
      seed: 1,
      saveEvery: 2,
      onSave: (s) => void snaps.push(s),
    });
    expect(snaps.map((s) => s.step)).toEqual([2, 4, 5]);
    expect(snaps[1].shuffler).toEqual({ epoch: 2, start: 25, size: 25 });
    expect(snaps[2].optimizer.t).toBe(5);
    const again = await train({
      net,
      data: d,
      optimizer: sgd,
      batchSize: 25,
      steps: 5,
      seed: 1,
      resume: snaps[2],
    });
    expectSameRun(r, again);
    dispose(r);
    dispose(again);
    expect(numTensors()).toBe(before);
    tf.dispose([d.x, d.y]);
  }, 60_000);

  test('a snapshot of another run is refused, naming what differs, with nothing leaked', async () => {
    const d = data();
    const snap = await snapshotAfter(d, 2);
    const before = numTensors();
    // Another shuffle (batch 10): the replayed position differs.
    await expect(
      train({ net, data: d, optimizer: sgd, batchSize: 10, steps: 4, seed: 1, resume: snap }),
    ).rejects.toThrow(/shuffler replays to epoch 1, position 10/);
    // Another net: the first tensor whose shape differs is named.
    const wide = resnet({ depth: 8, width: 4, k: 2, inChannels: 1, inputSize: 7, numClasses: 10 });
    await expect(
      train({
        net: wide,
        data: d,
        optimizer: sgd,
        batchSize: 16,
        steps: 4,
        seed: 1,
        resume: snap,
      }),
    ).rejects.toThrow(/conv1.weight has shape \[4,1,3,3\] in the state, the net needs \[8,1,3,3\]/);
    // Another optimizer: Adam keeps other state than SGD.
    await expect(
      train({
        net,
        data: d,
        optimizer: { type: 'Adam', hp: {} },
        batchSize: 16,
        steps: 4,
        seed: 1,
        resume: snap,
      }),
    ).rejects.toThrow(TrainStateError);
    expect(numTensors()).toBe(before);
    tf.dispose([d.x, d.y]);
  }, 60_000);

  test('the file: a flipped byte or a cut tail is refused, saying so', async () => {
    const d = data();
    const snap = await snapshotAfter(d, 1);
    tf.dispose([d.x, d.y]);
    const bytes = encodeTrainState({ model: 'x' }, snap);
    const flipped = bytes.slice();
    flipped[bytes.length - 3] ^= 1;
    expect(() => decodeTrainState(flipped)).toThrow(/checksum mismatch \(corrupt\)/);
    expect(() => decodeTrainState(bytes.subarray(0, bytes.length - 8))).toThrow(/truncated/);
    expect(() => decodeTrainState(bytes.subarray(0, 100))).toThrow(/truncated/);
    expect(() => decodeTrainState(new TextEncoder().encode('{"format": 1}'))).toThrow(
      /does not start with "LLTRAIN1"/,
    );
    expect(decodeTrainState(bytes).snapshot.params[0].data).toEqual(snap.params[0].data);
  }, 60_000);
});
