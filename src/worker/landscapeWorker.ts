/// <reference lib="webworker" />
/**
 * The landscape worker: runs computeLandscape (2D slices) or computeLine (the 1D panel) off the
 * main thread. Latest wins: a new `compute`
 * aborts the one running and starts when it has cleaned up (one GPU job at a time); `cancel`
 * aborts the run with that seq.
 */
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import wasmPlain from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import { computeLandscape, isAbort, LandscapeCache, NoWeightsError } from './landscapeCompute';
import type { LandscapeComputeRequest, LandscapeLineRequest, LandscapeRequest, LandscapeResponse } from './landscapeProtocol';
import { computeLine } from './lineCompute';
import * as tf from '@tensorflow/tfjs';

const scope = self as unknown as DedicatedWorkerGlobalScope;
// The wasm fallback fetches its binaries from wherever Vite put them.
setWasmPaths({ 'tfjs-backend-wasm.wasm': wasmPlain, 'tfjs-backend-wasm-simd.wasm': wasmSimd, 'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded });

let baseUrl = '';
const cache = new LandscapeCache({
  async readBytes(path) {
    const res = await fetch(new URL(path, baseUrl));
    // A static server may answer a missing file with the site's index.html: that is "missing" too.
    if (!res.ok || (res.headers.get('content-type') ?? '').startsWith('text/html')) return null;
    return new Uint8Array(await res.arrayBuffer());
  },
});

const post = (m: LandscapeResponse) => scope.postMessage(m);
let current: { seq: number; abort: AbortController; finished: Promise<void> } | null = null;

async function run(req: LandscapeComputeRequest | LandscapeLineRequest, previous: Promise<void> | null): Promise<void> {
  const abort = new AbortController();
  const finished = (async () => {
    await previous;
    try {
      abort.signal.throwIfAborted();
      baseUrl = req.baseUrl;
      if (req.kind === 'line') await computeLine(req, cache, post, abort.signal);
      else await computeLandscape(req, cache, post, abort.signal);
    } catch (e) {
      if (isAbort(e)) post({ kind: 'cancelled', seq: req.seq, numTensors: tf.memory().numTensors });
      else post({ kind: 'error', seq: req.seq, code: e instanceof NoWeightsError ? 'no-weights' : 'error', message: (e as Error).message ?? String(e) });
    }
  })();
  current = { seq: req.seq, abort, finished };
  await finished;
}

scope.onmessage = (e: MessageEvent<LandscapeRequest>) => {
  const req = e.data;
  if (req.kind === 'cancel') {
    if (current?.seq === req.seq) current.abort.abort();
    return;
  }
  const prev = current;
  prev?.abort.abort();
  void run(req, prev?.finished ?? null);
};
