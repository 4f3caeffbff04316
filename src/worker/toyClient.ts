/** The page's side of the toy worker: start a run (superseding any earlier one), cancel it, hear only the newest (latestClient.ts). */
import { LatestClient, portOf, type WorkerPort } from './latestClient';
import type { ToyFindRequest, ToyRequest, ToyResponse, ToyTrainRequest } from './toyProtocol';

export type ToyPort = WorkerPort<ToyRequest, ToyResponse>;

export function toyWorkerPort(): ToyPort {
  return portOf(
    new Worker(new URL('./toyWorker.ts', import.meta.url), { type: 'module' }),
    (message) => ({ kind: 'error', seq: -1, message: `the training worker failed: ${message}` }),
  );
}

export class ToyClient extends LatestClient<ToyRequest, ToyResponse> {
  constructor(port: ToyPort) {
    super(port, (seq) => ({ kind: 'cancel', seq }));
  }

  /** Starts a run; returns its seq. */
  train(body: Omit<ToyTrainRequest, 'kind' | 'seq'>): number {
    return this.send((seq) => ({ ...body, kind: 'train', seq }));
  }

  /** Starts a range test; returns its seq. */
  find(body: Omit<ToyFindRequest, 'kind' | 'seq'>): number {
    return this.send((seq) => ({ ...body, kind: 'find', seq }));
  }
}
