/**
 * Wires one run of a store to a worker client (one run abstraction: see runRecord.ts). The store
 * says what to do, the runner does the I/O (one-way: store → runner → worker → store):
 * - a new `runId` with the status 'running' → `start(client, state)` (the client is made by
 *   `makeClient` on the first start, so a run costs the page nothing until it is used; a throw
 *   becomes the run's error);
 * - the status turning 'cancelling' → `client.cancel()`; a reset to 'idle' while under way (the
 *   run no longer applies, e.g. another network) cancels too;
 * - each message → the shared change (runMessages.ts) merged with the run's own (`message`), one
 *   store update; none at all while the record is idle (messages still in flight after a reset);
 * - the returned stop → unsubscribe and `client.terminate()`.
 */
import type { StoreApi } from 'zustand';
import { runBusy, type RunRecord } from './runRecord';
import { runMessagePatch } from './runMessages';

/** What the runner needs of a worker client (a LatestClient: only the newest run's messages). */
export interface RunClient<M> {
  onMessage(cb: (m: M) => void): void;
  cancel(): void;
  terminate(): void;
}

/** The messages a client delivers. */
export type MessageOf<C> = C extends RunClient<infer M> ? M : never;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any client; its messages are inferred
type AnyClient = RunClient<any>;

export interface RunWiring<S, R extends RunRecord, C extends AnyClient> {
  /** The run's record in the state (for several records, the newest run's). */
  select(s: S): R;
  /** The state update that merges `p` into that record. */
  patch(s: S, p: Partial<R>): Partial<S>;
  makeClient(): C;
  /** Sends the run's request. */
  start(client: C, s: S): void;
  /**
   * The run's own change for a message (its own kinds, or its own fields on a shared kind), or
   * nothing. `run` is the record when the message came; a handler with side effects on the store
   * reads it again itself.
   */
  message?(m: MessageOf<C>, run: R): Partial<R> | void;
}

export function startRunRunner<S, R extends RunRecord, C extends AnyClient>(
  store: StoreApi<S>,
  w: RunWiring<S, R, C>,
): () => void {
  let client: C | null = null;
  const update = (p: Partial<R>) => store.setState((s) => w.patch(s, p));

  const onMessage = (m: MessageOf<C>) => {
    const run = w.select(store.getState());
    if (run.status === 'idle') return; // reset while its messages were in flight
    const own = w.message?.(m, run);
    const shared = runMessagePatch(m);
    if (shared || own) update({ ...shared, ...own } as Partial<R>);
  };

  const start = (s: S) => {
    if (!client) {
      client = w.makeClient();
      client.onMessage(onMessage);
    }
    try {
      w.start(client, s);
    } catch (e) {
      update({ status: 'error', error: (e as Error).message, text: '' } as Partial<R>);
    }
  };

  const unsub = store.subscribe((s, prev) => {
    const r = w.select(s),
      was = w.select(prev);
    if (r.runId !== was.runId && r.status === 'running') start(s);
    if (r.status === 'cancelling' && was.status !== 'cancelling') client?.cancel();
    if (r.status === 'idle' && runBusy(was)) client?.cancel();
  });
  return () => {
    unsub();
    client?.terminate();
  };
}
