/// <reference lib="webworker" />
/**
 * The landscape worker: runs computeLandscape (2D slices) or computeLine (the 1D panel) off the
 * main thread. Latest wins: a new `compute`
 * aborts the one running and starts when it has cleaned up (one GPU job at a time); `cancel`
 * aborts the run with that seq. A lost WebGL context ends the run at once with code
 * 'context-lost' (landscapeContextLoss.ts).
 */
import './bundledWasm';
import * as tf from '@tensorflow/tfjs';
import { computeLandscape, LandscapeCache, NoWeightsError } from './landscapeCompute';
import type {
  LandscapeComputeRequest,
  LandscapeLineRequest,
  LandscapeRequest,
  LandscapeResponse,
} from './landscapeProtocol';
import { ContextLostError, untilContextLost } from './landscapeContextLoss';
import { latestWins } from './latestWins';
import { computeLine } from './lineCompute';

const scope = self as unknown as DedicatedWorkerGlobalScope;

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

const runs = latestWins<LandscapeComputeRequest | LandscapeLineRequest>(
  (req, signal) => {
    baseUrl = req.baseUrl;
    return untilContextLost(req.kind === 'line' ? 'line run' : 'recompute', (arm) => {
      // The backend is known (and its context watchable) once the run reports it.
      const emit = (m: LandscapeResponse) => {
        post(m);
        if (m.kind === 'backend') arm();
      };
      return req.kind === 'line'
        ? computeLine(req, cache, emit, signal)
        : computeLandscape(req, cache, emit, signal);
    });
  },
  {
    cancelled: (req) =>
      post({ kind: 'cancelled', seq: req.seq, numTensors: tf.memory().numTensors }),
    failed: (req, e) =>
      post({
        kind: 'error',
        seq: req.seq,
        code:
          e instanceof NoWeightsError
            ? 'no-weights'
            : e instanceof ContextLostError
              ? 'context-lost'
              : 'error',
        message: (e as Error).message ?? String(e),
      }),
  },
);

scope.onmessage = (e: MessageEvent<LandscapeRequest>) => {
  const req = e.data;
  if (req.kind === 'cancel') runs.cancel(req.seq);
  else runs.start(req);
};
