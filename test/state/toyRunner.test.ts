import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startToyRunner } from '../../src/state/toyRunner';
import { idleToyRun, useToyStore } from '../../src/state/toyStore';
import { defaultToySettings } from '../../src/state/toySpec';
import { ToyClient, type ToyPort } from '../../src/worker/toyClient';
import type { ToyRequest, ToyResponse } from '../../src/worker/toyProtocol';

/** A worker double: records requests, answers when told. */
function fakePort() {
  const sent: ToyRequest[] = [];
  let cb: (r: ToyResponse) => void = () => {};
  const port: ToyPort = {
    post: (r) => sent.push(r),
    onMessage: (c) => {
      cb = c;
    },
    terminate: () => {},
  };
  return { port, sent, answer: (r: ToyResponse) => cb(r) };
}

describe('the toy runner (store → worker → store)', () => {
  let made = 0;
  let fake = fakePort();
  let stop = () => {};
  beforeEach(() => {
    made = 0;
    fake = fakePort();
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
    fake.answer({ kind: 'train', seq: 1, step: 40, steps: 150, loss: 0.5 });
    expect(useToyStore.getState().run).toMatchObject({
      status: 'running',
      backend: 'wasm',
      step: 40,
      steps: 150,
      loss: 0.5,
    });
    train();
    fake.answer({ kind: 'train', seq: 1, step: 90, steps: 150, loss: 0.2 });
    expect(useToyStore.getState().run.step).toBe(0);
    cancel();
    expect(fake.sent.at(-1)).toEqual({ kind: 'cancel', seq: 2 });
    fake.answer({ kind: 'cancelled', seq: 2, numTensors: 0 });
    expect(useToyStore.getState().run).toMatchObject({ status: 'cancelled', numTensors: 0 });
  });
});
