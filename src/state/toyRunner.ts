/**
 * The toy panel's I/O (one-way: store → runner → worker → store): train() → a run in a worker of
 * its own, its progress and outcome written back into the toy store; cancel() → cancel. The worker
 * is created on the first Train, so the panel costs the page nothing until it is used. The run's
 * wiring is the shared one (run/runRunner.ts); this file adds training's request and messages.
 */
import type { BackendName } from '../gpu/backend';
import type { ToyClient } from '../worker/toyClient';
import type { ToyResponse } from '../worker/toyProtocol';
import { startRunRunner } from './run/runRunner';
import { useToyStore, type ToyRun } from './toyStore';
import { toySpec } from './toySpec';

/** A tiny MLP: WebAssembly beats WebGL's per-op overhead, and the CPU backend is the fallback. */
export const TOY_BACKENDS: BackendName[] = ['wasm', 'cpu'];

/** Training's own messages; the shared ones (backend, done, cancelled, error) are the run's. */
function toyMessage(m: ToyResponse): Partial<ToyRun> | void {
  switch (m.kind) {
    case 'train':
      return { step: m.step, steps: m.steps, loss: m.loss, live: m.live };
    case 'slice':
      return { sliceDone: m.done, sliceTotal: m.total };
    case 'done':
      return { outcome: m.outcome, step: m.outcome.steps };
  }
}

export function startToyRunner(
  makeClient: () => ToyClient,
  backends: BackendName[] = TOY_BACKENDS,
): () => void {
  return startRunRunner(useToyStore, {
    select: (s) => s.run,
    patch: (s, p) => ({ run: { ...s.run, ...p } }),
    makeClient,
    // toySpec throws on settings it cannot run: that is the run's error.
    start: (client, { run }) => client.train({ spec: toySpec(run.trained!), backends }),
    message: toyMessage,
  });
}
