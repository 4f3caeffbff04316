import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { defaultToySettings, toySpec } from '../../src/state/toySpec';
import { computeToy, outcomeBuffers, throttle } from '../../src/worker/toyCompute';
import type { ToyResponse } from '../../src/worker/toyProtocol';

describe('a toy run in the worker', () => {
  it('opens its gate once per interval, and always when forced', () => {
    let t = 0;
    const gate = throttle(100, () => t);
    expect([gate(), gate(), gate(true)]).toEqual([true, false, true]);
    t = 99;
    expect(gate()).toBe(false);
    t = 200;
    expect(gate()).toBe(true);
  });

  it('reports the backend, throttled progress and the outcome, and leaves no tensors behind', async () => {
    const spec = {
      ...toySpec({ ...defaultToySettings(), toy: 'circle', toySteps: 60 }),
      grid: 5,
      mapSize: 8,
    };
    const counts: number[] = [];
    for (let k = 0; k < 2; k++) {
      const got: ToyResponse[] = [];
      const outcome = await computeToy(
        { kind: 'train', seq: 1, spec, backends: ['wasm', 'cpu'] },
        (m) => got.push(m),
        new AbortController().signal,
      );
      expect(got[0]).toMatchObject({ kind: 'backend', backend: 'wasm' });
      const train = got.filter((m) => m.kind === 'train');
      expect(train[0]).toMatchObject({ step: 1, steps: 60 });
      expect(train.at(-1)).toMatchObject({ step: 60 });
      expect(got.filter((m) => m.kind === 'slice').at(-1)).toMatchObject({ done: 25, total: 25 });
      const done = got.at(-1)!;
      expect(done.kind).toBe('done');
      if (done.kind === 'done') counts.push(done.numTensors);
      expect(outcome.map!.prob).toHaveLength(64);
      expect(outcomeBuffers(outcome).length).toBeGreaterThan(5);
    }
    expect(counts[1]).toBe(counts[0]);
    expect(tf.memory().numTensors).toBe(counts[1]);
  }, 60_000);

  it('sends the curve so far and the decision map now while it trains, before the end, at most ~10 a second', async () => {
    const spec = {
      ...toySpec({ ...defaultToySettings(), toy: 'circle', toySteps: 800 }),
      grid: 3,
      mapSize: 16,
    };
    const got: { m: ToyResponse; at: number }[] = [];
    const t0 = performance.now();
    const before = tf.memory().numTensors;
    const outcome = await computeToy(
      { kind: 'train', seq: 1, spec, backends: ['wasm', 'cpu'] },
      (m) => got.push({ m, at: performance.now() }),
      new AbortController().signal,
    );
    const seconds = (performance.now() - t0) / 1000;
    const train = got.flatMap(({ m }) => (m.kind === 'train' ? [m] : []));
    const doneAt = got.findIndex(({ m }) => m.kind === 'done');
    // An update part-way through training, well before the outcome.
    const mid = train.filter((m) => m.step > 1 && m.step < 800);
    expect(mid.length).toBeGreaterThan(0);
    expect(got.findIndex(({ m }) => m === mid[0])).toBeLessThan(doneAt);
    for (const m of train) {
      // The whole curve so far, equal to the outcome's, and a full decision map.
      expect(m.live.history.loss).toHaveLength(m.step);
      expect(Array.from(m.live.history.loss)).toEqual(
        Array.from(outcome.history.loss.subarray(0, m.step)),
      );
      expect(m.live.map!.prob).toHaveLength(16 * 16);
      expect(m.live.split.train.n + m.live.split.test.n).toBe(spec.n);
    }
    // The map moves as the network learns: the first one is not the last.
    const first = train[0].live.map!.prob,
      last = train.at(-1)!.live.map!.prob;
    expect(first.some((p, k) => Math.abs(p - last[k]) > 0.05)).toBe(true);
    // Throttled: ~10 a second, plus the forced first and last.
    expect(train.length).toBeLessThanOrEqual(3 + 10 * seconds);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);

  it('stops when aborted', async () => {
    const abort = new AbortController();
    abort.abort();
    await expect(
      computeToy(
        { kind: 'train', seq: 1, spec: toySpec(defaultToySettings()), backends: ['wasm', 'cpu'] },
        () => {},
        abort.signal,
      ),
    ).rejects.toMatchObject({ name: 'AbortError' });
  });
});
