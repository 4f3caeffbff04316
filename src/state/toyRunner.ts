/**
 * The toy panel's I/O (one-way: store → runner → worker → store): train() → a run in a worker of
 * its own, its progress and outcome written back into the toy store; cancel() → cancel. The worker
 * is created on the first Train, so the panel costs the page nothing until it is used.
 */
import type { BackendName } from '../gpu/backend';
import type { ToyClient } from '../worker/toyClient';
import type { ToyResponse } from '../worker/toyProtocol';
import { useToyStore, type ToyRun } from './toyStore';
import { toySpec } from './toySpec';

/** A tiny MLP: WebAssembly beats WebGL's per-op overhead, and the CPU backend is the fallback. */
export const TOY_BACKENDS: BackendName[] = ['wasm', 'cpu'];

export function startToyRunner(
  makeClient: () => ToyClient,
  backends: BackendName[] = TOY_BACKENDS,
): () => void {
  const store = useToyStore;
  let client: ToyClient | null = null;
  const patch = (p: Partial<ToyRun>) => store.setState((s) => ({ run: { ...s.run, ...p } }));

  const onMessage = (m: ToyResponse) => {
    if (store.getState().run.status === 'idle') return;
    switch (m.kind) {
      case 'backend':
        patch({ backend: m.backend, wanted: m.wanted });
        break;
      case 'train':
        patch({ step: m.step, steps: m.steps, loss: m.loss, live: m.live });
        break;
      case 'slice':
        patch({ sliceDone: m.done, sliceTotal: m.total });
        break;
      case 'done':
        patch({
          status: 'done',
          outcome: m.outcome,
          numTensors: m.numTensors,
          step: m.outcome.steps,
        });
        break;
      case 'cancelled':
        patch({ status: 'cancelled', numTensors: m.numTensors });
        break;
      case 'error':
        patch({ status: 'error', error: m.message });
        break;
    }
  };

  const start = () => {
    const { run } = store.getState();
    if (!client) {
      client = makeClient();
      client.onMessage(onMessage);
    }
    try {
      client.train({ spec: toySpec(run.trained!), backends });
    } catch (e) {
      patch({ status: 'error', error: (e as Error).message });
    }
  };

  const unsub = store.subscribe((s, prev) => {
    if (s.run.runId !== prev.run.runId) start();
    if (s.run.status === 'cancelling' && prev.run.status !== 'cancelling') client?.cancel();
  });
  return () => {
    unsub();
    client?.terminate();
  };
}
