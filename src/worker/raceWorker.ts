/// <reference lib="webworker" />
import { computeRace, computeSurface, transferables } from './computeRace';
import type { WorkerRequest, WorkerResponse } from './raceProtocol';

/** The race worker: one request in, one response out, in order. The client drops stale ones. */
const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<WorkerRequest>) => {
  const req = e.data;
  try {
    const res = req.kind === 'race' ? computeRace(req) : computeSurface(req);
    scope.postMessage(res satisfies WorkerResponse, transferables(res));
  } catch (err) {
    scope.postMessage({ kind: 'error', seq: req.seq, request: req.kind, message: (err as Error).message } satisfies WorkerResponse);
  }
};
