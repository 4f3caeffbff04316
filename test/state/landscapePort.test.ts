import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { WorkerPort } from '../../src/worker/latestClient';
import type { LandscapeRequest, LandscapeResponse } from '../../src/worker/landscapeProtocol';
import { CANCEL_GRACE_MS, replaceablePort } from '../../src/worker/landscapePort';

/** Fake workers: each records what it was sent and whether it was terminated, and can answer. */
function fakeWorkers() {
  const made: {
    sent: LandscapeRequest[];
    terminated: boolean;
    answer(m: LandscapeResponse): void;
  }[] = [];
  const make = (): WorkerPort<LandscapeRequest, LandscapeResponse> => {
    let cb: (m: LandscapeResponse) => void = () => {};
    const w = {
      sent: [] as LandscapeRequest[],
      terminated: false,
      answer: (m: LandscapeResponse) => cb(m),
    };
    made.push(w);
    return {
      post: (req) => w.sent.push(req),
      onMessage: (f) => (cb = f),
      terminate: () => (w.terminated = true),
    };
  };
  const port = replaceablePort(make);
  const heard: LandscapeResponse[] = [];
  port.onMessage((m) => heard.push(m));
  return { made, port, heard };
}

/** A run request: the port reads only its kind and seq, so the rest is left out. */
const run = (seq: number) => ({ kind: 'compute', seq }) as LandscapeRequest;
const lost = (seq: number): LandscapeResponse => ({
  kind: 'error',
  seq,
  code: 'context-lost',
  message: 'The GPU context was lost during the recompute',
});
const seqs = (reqs: LandscapeRequest[]) => reqs.map((r) => `${r.kind} ${r.seq}`);

describe('the landscape worker port: a fresh worker after a lost context or a stuck run', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('makes its worker at once, and sends no cancel for a run it never had', () => {
    const { made, port } = fakeWorkers();
    expect(made).toHaveLength(1);
    port.post({ kind: 'cancel', seq: 1 });
    port.post(run(1));
    expect(seqs(made[0].sent)).toEqual(['compute 1']);
  });

  it('passes the context-lost error on, then replaces the worker: the next run goes to a fresh one', () => {
    const { made, port, heard } = fakeWorkers();
    port.post(run(1));
    made[0].answer({ kind: 'status', seq: 1, text: 'Loading weights…' });
    made[0].answer(lost(1));
    expect(heard.map((m) => m.kind)).toEqual(['status', 'error']);
    expect(made[0].terminated).toBe(true);
    expect(made).toHaveLength(2); // the fresh worker starts before the next run is asked for
    port.post(run(2));
    expect(made).toHaveLength(2);
    expect(seqs(made[1].sent)).toEqual(['compute 2']);
    // The replaced worker's late messages are dropped.
    made[0].answer({ kind: 'done', seq: 1, seconds: 1, numTensors: 0 });
    expect(heard).toHaveLength(2);
  });

  it('sends the newest run again when an older run loses the context', () => {
    const { made, port } = fakeWorkers();
    port.post(run(1));
    port.post(run(2)); // waits in worker 1 behind run 1
    made[0].answer(lost(1));
    expect(made[0].terminated).toBe(true);
    expect(seqs(made[1].sent)).toEqual(['compute 2']);
  });

  it('ends a cancelled run the worker does not answer as cancelled, after the grace, in a fresh worker', () => {
    const { made, port, heard } = fakeWorkers();
    port.post(run(1));
    port.post({ kind: 'cancel', seq: 1 });
    expect(seqs(made[0].sent)).toEqual(['compute 1', 'cancel 1']);
    vi.advanceTimersByTime(CANCEL_GRACE_MS - 1);
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual([{ kind: 'cancelled', seq: 1, numTensors: null }]);
    expect(made[0].terminated).toBe(true);
    expect(made[1].sent).toEqual([]); // nothing left to run
    port.post(run(2));
    expect(seqs(made[1].sent)).toEqual(['compute 2']);
  });

  it('leaves a worker that answers the cancel in time alone', () => {
    const { made, port, heard } = fakeWorkers();
    port.post(run(1));
    port.post({ kind: 'cancel', seq: 1 });
    made[0].answer({ kind: 'cancelled', seq: 1, numTensors: 42 });
    vi.advanceTimersByTime(10 * CANCEL_GRACE_MS);
    expect(heard).toEqual([{ kind: 'cancelled', seq: 1, numTensors: 42 }]);
    expect(made[0].terminated).toBe(false);
    port.post(run(2));
    expect(made).toHaveLength(1);
  });

  it('moves a newer run stuck behind an older one that never ends to a fresh worker', () => {
    const { made, port, heard } = fakeWorkers();
    port.post(run(1));
    port.post(run(2));
    vi.advanceTimersByTime(CANCEL_GRACE_MS);
    expect(made[0].terminated).toBe(true);
    expect(seqs(made[1].sent)).toEqual(['compute 2']);
    expect(heard).toEqual([{ kind: 'cancelled', seq: 1, numTensors: null }]);
    // Run 2 now runs normally in the fresh worker: no second watchdog.
    vi.advanceTimersByTime(10 * CANCEL_GRACE_MS);
    expect(made).toHaveLength(2);
    expect(made[1].terminated).toBe(false);
  });

  it('terminates the worker with the port', () => {
    const { made, port } = fakeWorkers();
    port.post(run(1));
    port.post({ kind: 'cancel', seq: 1 });
    port.terminate();
    expect(made[0].terminated).toBe(true);
    vi.advanceTimersByTime(10 * CANCEL_GRACE_MS);
    expect(made).toHaveLength(1); // and none made after it
  });
});
