/**
 * The toy range test's I/O (store → runner → worker → store) on the shared run wiring
 * (run/runRunner.ts), as toyRunner.ts does training's: a toy worker of its own (created on the
 * first test), so that a test never aborts a training run; the client's latest-wins seqs drop an
 * older test's messages. This file adds the test's request and its own messages.
 */
import type { BackendName } from '../gpu/backend';
import type { ToyClient } from '../worker/toyClient';
import type { ToyResponse } from '../worker/toyProtocol';
import { startRunRunner } from './run/runRunner';
import { TOY_FIND_SETTINGS, useToyFindStore, type ToyFind } from './toyFindStore';
import { TOY_BACKENDS } from './toyRunner';
import { toySpec } from './toySpec';

/** The test's own messages; the shared ones (backend, cancelled, error) are the run's. */
function findMessage(m: ToyResponse): Partial<ToyFind> | void {
  switch (m.kind) {
    case 'find-step':
      return { step: m.step, steps: m.steps, lr: m.lr, smoothed: m.smoothed };
    case 'found':
      return { status: 'done', result: m.result, numTensors: m.numTensors, step: m.result.steps };
  }
}

export function startToyFindRunner(
  makeClient: () => ToyClient,
  backends: BackendName[] = TOY_BACKENDS,
): () => void {
  return startRunRunner(useToyFindStore, {
    select: (s) => s.find,
    patch: (s, p) => ({ find: { ...s.find, ...p } }),
    makeClient,
    // toySpec throws on settings it cannot run: that is the test's error.
    start: (client, { find }) =>
      client.find({ spec: toySpec(find.tested!), settings: { ...TOY_FIND_SETTINGS }, backends }),
    message: findMessage,
  });
}
