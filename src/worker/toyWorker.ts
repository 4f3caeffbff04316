/// <reference lib="webworker" />
/**
 * The toy worker ("Train a small network"): trains the small MLP and slices its loss
 * (worker/toyCompute). Latest wins: a new `train` aborts the one running and starts when it has
 * cleaned up; `cancel` aborts the run with that seq.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs';
import { computeToy, outcomeBuffers } from './toyCompute';
import type { ToyRequest, ToyResponse, ToyTrainRequest } from './toyProtocol';

const isAbort = (e: unknown) => (e as { name?: string })?.name === 'AbortError';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// The wasm backend fetches its binaries from wherever Vite put them.
setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });

const post = (m: ToyResponse) => {
  if (m.kind === 'done') scope.postMessage(m, outcomeBuffers(m.outcome));
  else scope.postMessage(m);
};
let current: { seq: number; abort: AbortController; finished: Promise<void> } | null = null;

function run(req: ToyTrainRequest, previous: Promise<void> | null): void {
  const abort = new AbortController();
  const finished = (async () => {
    await previous;
    try {
      abort.signal.throwIfAborted();
      await computeToy(req, post, abort.signal);
    } catch (e) {
      if (isAbort(e)) post({ kind: 'cancelled', seq: req.seq, numTensors: tf.memory().numTensors });
      else post({ kind: 'error', seq: req.seq, message: (e as Error).message ?? String(e) });
    }
  })();
  current = { seq: req.seq, abort, finished };
}

scope.onmessage = (e: MessageEvent<ToyRequest>) => {
  const req = e.data;
  if (req.kind === 'cancel') {
    if (current?.seq === req.seq) current.abort.abort();
    return;
  }
  const prev = current;
  prev?.abort.abort();
  run(req, prev?.finished ?? null);
};
