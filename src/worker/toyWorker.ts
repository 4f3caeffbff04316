/// <reference lib="webworker" />
/**
 * The toy worker ("Train a small network"): trains the small MLP and slices its loss
 * (worker/toyCompute), or runs the LR range test on it (the page gives the range test a worker
 * of its own, so that it never aborts a training run). Latest wins: a new `train` aborts the one running and starts when it has
 * cleaned up; `cancel` aborts the run with that seq.
 */
import './bundledWasm';
import * as tf from '@tensorflow/tfjs';
import { latestWins } from './latestWins';
import { computeToy, computeToyFind, outcomeBuffers } from './toyCompute';
import type { ToyFindRequest, ToyRequest, ToyResponse, ToyTrainRequest } from './toyProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const post = (m: ToyResponse) => {
  if (m.kind === 'done') scope.postMessage(m, outcomeBuffers(m.outcome));
  else scope.postMessage(m);
};

const runs = latestWins<ToyTrainRequest | ToyFindRequest>(
  async (req, signal) => {
    if (req.kind === 'find') await computeToyFind(req, post, signal);
    else await computeToy(req, post, signal);
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
