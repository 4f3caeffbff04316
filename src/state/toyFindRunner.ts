/**
 * The toy range test's I/O (store → runner → worker → store), as toyRunner.ts does training's:
 * a toy worker of its own (created on the first test), so that a test never aborts a training
 * run; the client's latest-wins seqs drop an older test's messages.
 */
import type { BackendName } from '../gpu/backend';
import type { ToyClient } from '../worker/toyClient';
import type { ToyResponse } from '../worker/toyProtocol';
import { TOY_FIND_SETTINGS, useToyFindStore, type ToyFind } from './toyFindStore';
import { TOY_BACKENDS } from './toyRunner';
import { toySpec } from './toySpec';

export function startToyFindRunner(
  makeClient: () => ToyClient,
  backends: BackendName[] = TOY_BACKENDS,
): () => void {
  const store = useToyFindStore;
  let client: ToyClient | null = null;
  const patch = (p: Partial<ToyFind>) => store.setState((s) => ({ find: { ...s.find, ...p } }));

  const onMessage = (m: ToyResponse) => {
    if (store.getState().find.status === 'idle') return;
    if (m.kind === 'find-step')
      patch({ step: m.step, steps: m.steps, lr: m.lr, smoothed: m.smoothed });
    else if (m.kind === 'found')
      patch({ status: 'done', result: m.result, numTensors: m.numTensors, step: m.result.steps });
    else if (m.kind === 'cancelled') patch({ status: 'cancelled', numTensors: m.numTensors });
    else if (m.kind === 'error') patch({ status: 'error', error: m.message });
  };

  const start = () => {
    const { find } = store.getState();
    if (!client) {
      client = makeClient();
      client.onMessage(onMessage);
    }
    try {
      client.find({ spec: toySpec(find.tested!), settings: { ...TOY_FIND_SETTINGS }, backends });
    } catch (e) {
      patch({ status: 'error', error: (e as Error).message });
    }
  };

  const unsub = store.subscribe((s, prev) => {
    if (s.find.findId !== prev.find.findId) start();
    if (s.find.status === 'cancelling' && prev.find.status !== 'cancelling') client?.cancel();
  });
  return () => {
    unsub();
    client?.terminate();
  };
}
