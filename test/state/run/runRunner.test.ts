import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { idleRun, type Run } from '../../../src/state/run/runRecord';
import { startRunRunner, type RunClient } from '../../../src/state/run/runRunner';
import { cancellingRun, startedRun } from '../../../src/state/run/runTransitions';

type Msg =
  | { kind: 'backend'; backend: string; wanted: string }
  | { kind: 'cell'; index: number }
  | { kind: 'done'; seconds: number; numTensors: number }
  | { kind: 'cancelled'; numTensors: number }
  | { kind: 'error'; message: string };

type MapRun = Run<{ cells: number[]; size: number }>;
interface State {
  size: number;
  run: MapRun;
}
const idle = (): MapRun => ({ ...idleRun(), cells: [], size: 0 });

/** A client double: what it was asked, and a way to answer as the worker would. */
class FakeClient implements RunClient<Msg> {
  calls: string[] = [];
  listener: (m: Msg) => void = () => {};
  onMessage(cb: (m: Msg) => void) {
    this.listener = cb;
  }
  go(size: number) {
    this.calls.push(`go ${size}`);
  }
  cancel() {
    this.calls.push('cancel');
  }
  terminate() {
    this.calls.push('terminate');
  }
}

describe('the run runner (store → client → store)', () => {
  let store: StoreApi<State>;
  let made: FakeClient[];
  let stop: () => void;
  let fail: string | null;
  const run = () => store.getState().run;
  const start = () => store.setState((s) => ({ run: startedRun(idle(), s.run) }));
  const answer = (m: Msg) => made[0].listener(m);

  beforeEach(() => {
    store = createStore<State>()(() => ({ size: 3, run: idle() }));
    made = [];
    fail = null;
    stop = startRunRunner(store, {
      select: (s) => s.run,
      patch: (s, p) => ({ run: { ...s.run, ...p } }),
      makeClient: () => {
        made.push(new FakeClient());
        return made.at(-1)!;
      },
      start: (c, s) => {
        if (fail) throw new Error(fail);
        c.go(s.size);
      },
      message: (m, r) => (m.kind === 'cell' ? { cells: [...r.cells, m.index] } : undefined),
    });
  });
  afterEach(() => stop());

  it('makes the client on the first start only, and starts a run per new id', () => {
    expect(made).toHaveLength(0);
    start();
    expect(made).toHaveLength(1);
    expect(made[0].calls).toEqual(['go 3']);
    store.setState({ size: 5 }); // not a new run
    start();
    expect(made).toHaveLength(1);
    expect(made[0].calls).toEqual(['go 3', 'go 5']);
  });

  it('applies the shared messages and the run’s own in one record', () => {
    start();
    answer({ kind: 'backend', backend: 'wasm', wanted: 'webgl' });
    answer({ kind: 'cell', index: 0 });
    answer({ kind: 'cell', index: 1 });
    answer({ kind: 'done', seconds: 1.25, numTensors: 4 });
    expect(run()).toMatchObject({
      status: 'done',
      backend: 'wasm',
      wanted: 'webgl',
      reason: null,
      cells: [0, 1],
      text: 'Done in 1.3 s.',
      numTensors: 4,
    });
  });

  it('cancels when the status turns cancelling, once', () => {
    start();
    store.setState((s) => ({ run: cancellingRun(s.run) }));
    store.setState((s) => ({ run: { ...s.run, text: 'still cancelling' } }));
    expect(made[0].calls).toEqual(['go 3', 'cancel']);
    answer({ kind: 'cancelled', numTensors: 0 });
    expect(run().status).toBe('cancelled');
  });

  it('after a reset to idle: cancels the run under way and ignores its messages in flight', () => {
    start();
    store.setState({ run: idle() });
    expect(made[0].calls).toEqual(['go 3', 'cancel']);
    answer({ kind: 'cell', index: 0 });
    answer({ kind: 'done', seconds: 1, numTensors: 0 });
    expect(run()).toEqual(idle());
    // A reset to a new id that is not running starts nothing.
    store.setState({ run: { ...idle(), runId: 9 } });
    expect(made[0].calls).toEqual(['go 3', 'cancel']);
  });

  it('a start that throws is the run’s error, not an exception in the caller', () => {
    fail = 'bad settings: size';
    expect(start).not.toThrow();
    expect(run()).toMatchObject({ status: 'error', error: 'bad settings: size', text: '' });
  });

  it('stop terminates the client and stops listening to the store', () => {
    start();
    stop();
    expect(made[0].calls).toEqual(['go 3', 'terminate']);
    start();
    expect(made[0].calls).toEqual(['go 3', 'terminate']);
    stop = () => {};
  });

  it('stop before any run makes and terminates nothing', () => {
    stop();
    expect(made).toHaveLength(0);
    stop = () => {};
  });
});
