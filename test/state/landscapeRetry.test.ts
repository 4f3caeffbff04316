import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withoutGpu } from '../../src/state/landscapeRunner';
import { initialLandscapeState, useLandscapeStore } from '../../src/state/landscapeStore';
import { fakeLandscapeRunner } from './fakeLandscapeRunner';

const runner = () => fakeLandscapeRunner();

describe('Retry after a lost GPU context', () => {
  let stop = () => {};
  beforeEach(() => useLandscapeStore.setState(initialLandscapeState()));
  afterEach(() => stop());

  it('shows the loss as its own error, retries on WebAssembly, and a new recompute asks for WebGL again', () => {
    const r = runner();
    stop = r.stop;
    const store = useLandscapeStore;
    store.getState().recompute();
    expect(r.computes().at(-1)!.backends).toEqual(['webgl', 'wasm', 'cpu']);
    const seq = r.computes().at(-1)!.seq;
    r.answer({
      kind: 'backend',
      seq,
      backend: 'webgl',
      wanted: 'webgl',
      softwareWebgl: null,
      skippedSoftwareWebgl: false,
      reason: null,
    });
    r.answer({
      kind: 'error',
      seq,
      code: 'context-lost',
      message: 'The GPU context was lost during the recompute',
    });
    expect(store.getState().gpu).toMatchObject({
      status: 'error',
      errorCode: 'context-lost',
      error: 'The GPU context was lost during the recompute',
      offGpu: false,
    });

    store.getState().retry();
    expect(store.getState().gpu).toMatchObject({ status: 'running', offGpu: true, error: null });
    expect(r.computes().at(-1)!.backends).toEqual(['wasm', 'cpu']);

    store.getState().recompute();
    expect(store.getState().gpu.offGpu).toBe(false);
    expect(r.computes().at(-1)!.backends).toEqual(['webgl', 'wasm', 'cpu']);
  });

  it('says when a cancel had to replace a worker that did not answer', () => {
    const r = runner();
    stop = r.stop;
    useLandscapeStore.getState().recompute();
    const seq = r.computes().at(-1)!.seq;
    useLandscapeStore.getState().cancel();
    r.answer({ kind: 'cancelled', seq, numTensors: null });
    expect(useLandscapeStore.getState().gpu).toMatchObject({
      status: 'cancelled',
      numTensors: null,
    });
    expect(useLandscapeStore.getState().gpu.text).toMatch(/did not answer, so it was replaced/);
  });

  it('withoutGpu keeps the order of what is left, and never leaves nothing', () => {
    expect(withoutGpu(['webgpu', 'webgl', 'wasm', 'cpu'])).toEqual(['wasm', 'cpu']);
    expect(withoutGpu(['cpu', 'wasm', 'webgl'])).toEqual(['cpu', 'wasm']);
    expect(withoutGpu(['webgl'])).toEqual(['wasm', 'cpu']);
  });
});
