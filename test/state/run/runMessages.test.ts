import { describe, expect, it } from 'vitest';
import { isRunMessage, runMessagePatch } from '../../../src/state/run/runMessages';

describe('the worker messages every run shares', () => {
  it('status and backend: the text, and the backend with its reason (null where not sent)', () => {
    expect(runMessagePatch({ kind: 'status', text: 'Loading weights…' })).toEqual({
      text: 'Loading weights…',
    });
    expect(
      runMessagePatch({
        kind: 'backend',
        backend: 'wasm',
        wanted: 'webgl',
        softwareWebgl: 'SwiftShader',
        reason: 'webgl: software',
      }),
    ).toEqual({
      backend: 'wasm',
      wanted: 'webgl',
      softwareWebgl: 'SwiftShader',
      reason: 'webgl: software',
    });
    expect(runMessagePatch({ kind: 'backend', backend: 'wasm', wanted: 'wasm' })).toEqual({
      backend: 'wasm',
      wanted: 'wasm',
      softwareWebgl: null,
      reason: null,
    });
  });

  it('done says how long when timed, and keeps the text when not', () => {
    expect(runMessagePatch({ kind: 'done', seconds: 2.345, numTensors: 3 })).toEqual({
      status: 'done',
      seconds: 2.345,
      numTensors: 3,
      text: 'Done in 2.3 s.',
    });
    expect(runMessagePatch({ kind: 'done', numTensors: 3 })).toEqual({
      status: 'done',
      numTensors: 3,
    });
  });

  it('cancelled and error end the run; error clears the status line', () => {
    expect(runMessagePatch({ kind: 'cancelled', numTensors: null })).toEqual({
      status: 'cancelled',
      numTensors: null,
    });
    expect(runMessagePatch({ kind: 'error', message: 'no weights' })).toEqual({
      status: 'error',
      error: 'no weights',
      text: '',
    });
  });

  it('a run’s own kinds are not shared: no change', () => {
    expect(isRunMessage({ kind: 'row' })).toBe(false);
    expect(runMessagePatch({ kind: 'row' })).toBeNull();
    expect(runMessagePatch({ kind: 'train' })).toBeNull();
  });
});
