/// <reference lib="webworker" />
/**
 * The toy worker ("Train a small network"): trains the small MLP and slices its loss
 * (worker/toyCompute). Latest wins: a new `train` aborts the one running and starts when it has
 * cleaned up; `cancel` aborts the run with that seq.
 */
import './bundledWasm';
import * as tf from '@tensorflow/tfjs';
import { latestWins } from './latestWins';
import { computeToy, outcomeBuffers } from './toyCompute';
import type { ToyRequest, ToyResponse, ToyTrainRequest } from './toyProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const post = (m: ToyResponse) => {
  if (m.kind === 'done') scope.postMessage(m, outcomeBuffers(m.outcome));
  else scope.postMessage(m);
};

const runs = latestWins<ToyTrainRequest>(
  async (req, signal) => {
    await computeToy(req, post, signal);
  },
  {
    cancelled: (req) =>
      post({ kind: 'cancelled', seq: req.seq, numTensors: tf.memory().numTensors }),
    failed: (req, e) =>
      post({ kind: 'error', seq: req.seq, message: (e as Error).message ?? String(e) }),
  },
);

scope.onmessage = (e: MessageEvent<ToyRequest>) => {
  const req = e.data;
  if (req.kind === 'cancel') runs.cancel(req.seq);
  else runs.start(req);
};
