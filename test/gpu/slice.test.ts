import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import * as tf from '@tensorflow/tfjs';
import { normalizeDirection } from '../../src/gpu/landscape/directions';
import { evaluate, toBatches } from '../../src/gpu/landscape/evaluate';
import { toUpstreamGrid } from '../../src/gpu/landscape/grid';
import {
  computeSlice,
  mergeShards,
  type SliceSpec,
  sliceRows,
} from '../../src/gpu/landscape/slice';
import type { Net } from '../../src/gpu/nets/net';
import { loadCase, net, rawDirections, refCase } from './filterNormCase';
import { maxRelErr, numTensors, useTestBackend } from './setup';

let c: ReturnType<typeof loadCase>;
let spec: SliceSpec;
const free: tf.Tensor[] = [];

beforeAll(async () => {
  await useTestBackend();
  c = loadCase();
  const [dx, dy] = (['x', 'y'] as const).map((a) => {
    const raw = rawDirections(a);
    const d = normalizeDirection(raw, c.params);
    tf.dispose(raw);
    return d;
  });
  const batches = toBatches(c.x, c.y, 3); // 3 + 3 + 2: exercises the batch sums
  free.push(
    ...c.params,
    ...c.buffers,
    c.x,
    c.y,
    ...dx,
    ...dy,
    ...batches.flatMap((b) => [b.x, b.y]),
  );
  const axis = { min: -1, max: 1, num: 5 };
  spec = { net, params: c.params, buffers: c.buffers, dx, dy, x: axis, y: axis, batches };
});
afterAll(() => tf.dispose(free));

describe('2D slice of the filter_norm.json model', () => {
  test('reproduces the PyTorch 5×5 train_loss (rel 1e-4) and train_acc (exact) in upstream orientation', async () => {
    const r = await computeSlice(spec);
    const g = refCase.grid;
    expect(r.xcoordinates).toEqual(g.xcoordinates);
    expect(r.ycoordinates).toEqual(g.ycoordinates);
    expect(maxRelErr(toUpstreamGrid(r.loss, 5, 5).flat(), g.train_loss.flat())).toBeLessThan(1e-4);
    expect(toUpstreamGrid(r.acc, 5, 5)).toEqual(g.train_acc);
  });

  test('delivers rows in evaluation order: row i is y[i] with x ascending, as the reference points', async () => {
    const seen: number[][] = [];
    const progress: number[] = [];
    await computeSlice(spec, (row, done, total) => {
      seen.push(...row.points.map((p) => [p.alpha, p.beta]));
      progress.push(done / total);
      expect(row.points.every((p) => p.beta === refCase.grid.ycoordinates[row.row])).toBe(true);
    });
    expect(seen).toEqual(refCase.grid.points.map((p: number[]) => p.slice(0, 2)));
    expect(progress).toEqual([0.2, 0.4, 0.6, 0.8, 1]);
  });

  test('shards (3 of them, split mid-row) merge into exactly the whole grid', async () => {
    const whole = await computeSlice(spec);
    const parts = await Promise.all(
      [2, 0, 1].map((index) => computeSlice({ ...spec, shard: { index, count: 3 } })),
    );
    expect(parts.map((p) => p.range)).toEqual([
      [17, 25],
      [0, 9],
      [9, 17],
    ]);
    const merged = mergeShards(parts);
    expect(Array.from(merged.loss)).toEqual(Array.from(whole.loss));
    expect(Array.from(merged.acc)).toEqual(Array.from(whole.acc));
    expect(() => mergeShards([parts[0], parts[1]])).toThrow(/expected 9/);
  });

  test('a 1D slice along x is the middle row of the 2D one', async () => {
    const r = await computeSlice({ ...spec, dy: undefined, y: undefined });
    expect(r.ycoordinates).toBeNull();
    expect(maxRelErr(r.loss, refCase.grid.train_loss[2])).toBeLessThan(1e-4);
  });

  test('cancels through an AbortSignal between points without leaking tensors', async () => {
    const before = numTensors();
    const ctrl = new AbortController();
    const rows: number[] = [];
    const run = async () => {
      for await (const row of sliceRows({ ...spec, signal: ctrl.signal })) {
        rows.push(row.row);
        ctrl.abort();
      }
    };
    await expect(run()).rejects.toThrow(/abort/i);
    expect(rows).toEqual([0]);
    expect(numTensors()).toBe(before);
  });

  test('repeated slices leave the tensor count unchanged', async () => {
    await computeSlice(spec);
    const before = numTensors();
    for (let i = 0; i < 3; i++) await computeSlice({ ...spec, shard: { index: i, count: 3 } });
    expect(numTensors()).toBe(before);
  });

  test('the centre of the slice is the model’s own loss', async () => {
    const r = await computeSlice(spec);
    const at = await evaluate(net, c.params, c.buffers, spec.batches);
    expect(r.loss[12]).toBeCloseTo(at.loss, 6);
    expect(maxRelErr([at.loss], [refCase.at_origin.loss])).toBeLessThan(1e-4);
  });

  test("an abort that arrives as a task (the page's Cancel in a worker) stops a slice on WASM/CPU", async () => {
    // data() resolves as a microtask on these backends: without a task-queue turn per row the
    // timer could only fire once the whole 200×200 grid was done.
    const before = numTensors();
    const ctl = new AbortController();
    const axis = { min: -1, max: 1, num: 200 };
    let rows = 0;
    const timer = setTimeout(() => ctl.abort(), 50);
    await expect(
      computeSlice({ ...spec, x: axis, y: axis, signal: ctl.signal }, () => rows++),
    ).rejects.toThrow(/abort/i);
    clearTimeout(timer);
    expect(rows).toBeLessThan(200);
    expect(numTensors()).toBe(before);
  });

  test('a Cancel that arrives as a task after k points stops the slice within one point, mid-row', async () => {
    const before = numTensors();
    const ctl = new AbortController();
    const axis = { min: -1, max: 1, num: 40 };
    const perPoint = spec.batches.length; // one forward per batch per point
    const K = 7;
    let forwards = 0;
    // The abort is posted as a message when point K starts, as the page's Cancel reaches a worker.
    const counting: Net = {
      ...spec.net,
      forward(...args) {
        forwards++;
        if (forwards === (K - 1) * perPoint + 1) {
          const ch = new MessageChannel();
          ch.port1.onmessage = () => {
            ch.port1.close();
            ctl.abort();
          };
          ch.port2.postMessage(null);
        }
        return spec.net.forward(...args);
      },
    };
    let rows = 0;
    await expect(
      computeSlice({ ...spec, net: counting, x: axis, y: axis, signal: ctl.signal }, () => rows++),
    ).rejects.toThrow(/abort/i);
    expect(rows).toBe(0); // the first row (40 points) was not finished first
    expect(forwards % perPoint).toBe(0);
    expect(forwards / perPoint).toBeGreaterThanOrEqual(K);
    expect(forwards / perPoint).toBeLessThanOrEqual(K + 1);
    expect(numTensors()).toBe(before);
  });
});

describe('evaluate over many batches', () => {
  test('holds one batch’s activations at a time (memory flat from batch to batch), same sums', async () => {
    const before = numTensors();
    const x8 = tf.tile(c.x, [8, 1, 1, 1]);
    const y8 = tf.tile(c.y, [8]) as tf.Tensor1D;
    const n = c.x.shape[0];
    const many = toBatches(x8, y8, n); // 8 batches of the case's n images
    const one = toBatches(c.x, c.y, n);
    // The bytes alive as each batch's forward starts: with every batch's activations kept to
    // the end they grow by one forward's worth per batch; kept per batch, only by its logits.
    const atStart: number[] = [];
    let forwardBytes = 0;
    const watched: Net = {
      ...net,
      forward(...args) {
        const m0 = tf.memory().numBytes;
        atStart.push(m0);
        const out = net.forward(...args);
        forwardBytes = tf.memory().numBytes - m0;
        return out;
      },
    };
    const r8 = await evaluate(watched, c.params, c.buffers, many);
    const r1 = await evaluate(net, c.params, c.buffers, one);
    expect(atStart).toHaveLength(8);
    const logitBytes = n * 10 * 4;
    expect(forwardBytes).toBeGreaterThan(4 * logitBytes);
    expect(atStart[7] - atStart[0]).toBeLessThanOrEqual(7 * logitBytes);
    expect(r8.loss).toBeCloseTo(r1.loss, 5);
    expect(r8.acc).toBe(r1.acc);
    tf.dispose([x8, y8, ...many.flatMap((b) => [b.x, b.y]), ...one.flatMap((b) => [b.x, b.y])]);
    expect(numTensors()).toBe(before);
  });
});
