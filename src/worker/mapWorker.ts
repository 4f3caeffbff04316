/// <reference lib="webworker" />
/**
 * The map worker ("Trainability maps"): computes a whole map (gpu/map/computeMap) off the main
 * thread. Latest wins: a new `compute` aborts the one running and starts when it has cleaned
 * up; `cancel` aborts the run with that seq (read at computeMap's yields, every ~50 ms).
 */
import './bundledWasm';
import * as tf from '@tensorflow/tfjs';
import { latestWins } from './latestWins';
import { computeMapRun } from './mapCompute';
import {
  mapBuffers,
  type MapComputeRequest,
  type MapRequest,
  type MapResponse,
} from './mapProtocol';

const scope = self as unknown as DedicatedWorkerGlobalScope;
const numTensors = () => tf.memory().numTensors;

const post = (m: MapResponse) => {
  if (m.kind === 'done') scope.postMessage(m, mapBuffers(m.result));
  else scope.postMessage(m);
};

const runs = latestWins<MapComputeRequest>(
  (req, signal) => computeMapRun(req, post, signal, numTensors),
  {
    cancelled: (req) => post({ kind: 'cancelled', seq: req.seq, numTensors: numTensors() }),
    failed: (req, e) =>
      post({ kind: 'error', seq: req.seq, message: (e as Error).message ?? String(e) }),
  },
);

scope.onmessage = (e: MessageEvent<MapRequest>) => {
  const req = e.data;
  if (req.kind === 'cancel') runs.cancel(req.seq);
  else runs.start(req);
};
