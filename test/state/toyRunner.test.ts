import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startToyRunner } from '../../src/state/toyRunner';
import { idleToyRun, useToyStore } from '../../src/state/toyStore';
import { defaultToySettings } from '../../src/state/toySpec';
import { ToyClient } from '../../src/worker/toyClient';
import { fakeToyPort } from './fakeToyPort';
import type { ToyLive } from '../../src/worker/toyProtocol';

/** The run so far, as the worker sends it with each training message. */
const live = (steps: number): ToyLive => {
  const set = { points: new Float64Array(4), labels: new Uint8Array([0, 1]), n: 2 };
  const h = () => new Float64Array(steps).fill(0.5);
  return {
    split: { train: set, test: set } as unknown as ToyLive['split'],
    history: { loss: h(), accuracy: h(), lr: h() },
    map: { box: { xmin: -1, xmax: 1, ymin: -1, ymax: 1 }, size: 2, prob: new Float32Array(4) },
  };
};

describe('the toy runner (store → worker → store)', () => {
  let made = 0;
  let fake = fakeToyPort();
  let stop = () => {};
  beforeEach(() => {
    made = 0;
    fake = fakeToyPort();
    useToyStore.setState({
      settings: { ...defaultToySettings(), toy: 'circle', toySteps: 150 },
      run: idleToyRun(),
    });
    stop = startToyRunner(() => {
      made++;
      return new ToyClient(fake.port);
    });
  });
  afterEach(() => stop());

  it('makes no worker until the first Train, then sends the spec of the settings', () => {
    expect(made).toBe(0);
    useToyStore.getState().train();
    expect(made).toBe(1);
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({
      kind: 'train',
      seq: 1,
      backends: ['wasm', 'cpu'],
      spec: { data: 'circle', steps: 150 },
    });
  });

  it("writes progress and the end of the run into the store, and drops an older run's messages", () => {
    const { train, cancel } = useToyStore.getState();
    train();
    fake.answer({ kind: 'backend', seq: 1, backend: 'wasm', wanted: 'wasm' });
    fake.answer({ kind: 'train', seq: 1, step: 40, steps: 150, loss: 0.5, live: live(40) });
    expect(useToyStore.getState().run).toMatchObject({
      status: 'running',
      backend: 'wasm',
      step: 40,
      steps: 150,
      loss: 0.5,
    });
    // The panel draws the run so far while it trains.
    expect(useToyStore.getState().run.live!.history.loss).toHaveLength(40);
    train();
    fake.answer({ kind: 'train', seq: 1, step: 90, steps: 150, loss: 0.2, live: live(90) });
    expect(useToyStore.getState().run.step).toBe(0);
    cancel();
    expect(fake.sent.at(-1)).toEqual({ kind: 'cancel', seq: 2 });
    fake.answer({ kind: 'cancelled', seq: 2, numTensors: 0 });
    expect(useToyStore.getState().run).toMatchObject({ status: 'cancelled', numTensors: 0 });
  });
});
