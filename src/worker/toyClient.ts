/** The page's side of the toy worker: start a run (superseding any earlier one), cancel it, hear only the newest. */
import type { ToyRequest, ToyResponse, ToyTrainRequest } from './toyProtocol';

/** Anything that carries requests to a worker and its answers back (a Worker, or a test double). */
export interface ToyPort {
  post(req: ToyRequest): void;
  onMessage(cb: (res: ToyResponse) => void): void;
  terminate(): void;
}

export function toyWorkerPort(): ToyPort {
  const worker = new Worker(new URL('./toyWorker.ts', import.meta.url), { type: 'module' });
  return {
    post: (req) => worker.postMessage(req),
    onMessage(cb) {
      worker.onmessage = (e: MessageEvent<ToyResponse>) => cb(e.data);
      worker.onerror = (e) => cb({ kind: 'error', seq: -1, message: `the training worker failed: ${e.message || 'could not load'}` });
    },
    terminate: () => worker.terminate(),
  };
}

export class ToyClient {
  private seq = 0;
  private listener: (res: ToyResponse) => void = () => {};

  constructor(private port: ToyPort) {
    port.onMessage((res) => { if (res.seq === this.seq || res.seq === -1) this.listener(res); });
  }

  onMessage(cb: (res: ToyResponse) => void): void { this.listener = cb; }

  /** Starts a run; returns its seq. */
  train(body: Omit<ToyTrainRequest, 'kind' | 'seq'>): number {
    this.seq += 1;
    this.port.post({ ...body, kind: 'train', seq: this.seq });
    return this.seq;
  }

  cancel(): void { this.port.post({ kind: 'cancel', seq: this.seq }); }

  terminate(): void { this.port.terminate(); }
}
