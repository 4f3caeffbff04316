/**
 * The page's side of the landscape worker: start a run (which supersedes any earlier one),
 * cancel it, and receive only the newest run's messages.
 */
import type { LandscapeComputeRequest, LandscapeLineRequest, LandscapeRequest, LandscapeResponse } from './landscapeProtocol';

type Body = Omit<LandscapeComputeRequest, 'kind' | 'seq'>;
type LineBody = Omit<LandscapeLineRequest, 'kind' | 'seq'>;

/** Anything that carries requests to a worker and its answers back (a Worker, or a test double). */
export interface LandscapePort {
  post(req: LandscapeRequest): void;
  onMessage(cb: (res: LandscapeResponse) => void): void;
  terminate(): void;
}

export function workerPort(): LandscapePort {
  const worker = new Worker(new URL('./landscapeWorker.ts', import.meta.url), { type: 'module' });
  return {
    post: (req) => worker.postMessage(req),
    onMessage(cb) {
      worker.onmessage = (e: MessageEvent<LandscapeResponse>) => cb(e.data);
      // A worker that fails to load (syntax, network) would otherwise leave the page waiting.
      worker.onerror = (e) => cb({ kind: 'error', seq: -1, code: 'error', message: `the compute worker failed: ${e.message || 'could not load'}` });
    },
    terminate: () => worker.terminate(),
  };
}

/** Latest wins: messages of any run but the newest are dropped. */
export class LandscapeClient {
  private seq = 0;
  private listener: (res: LandscapeResponse) => void = () => {};

  constructor(private port: LandscapePort) {
    port.onMessage((res) => { if (res.seq === this.seq || res.seq === -1) this.listener(res); });
  }

  onMessage(cb: (res: LandscapeResponse) => void): void { this.listener = cb; }

  /** Starts a run; returns its seq. */
  compute(body: Body): number {
    this.seq += 1;
    this.port.post({ ...body, kind: 'compute', seq: this.seq });
    return this.seq;
  }

  /** Starts a 1D line run (supersedes any earlier run of this client); returns its seq. */
  line(body: LineBody): number {
    this.seq += 1;
    this.port.post({ ...body, kind: 'line', seq: this.seq });
    return this.seq;
  }

  /** Cancels the newest run (its 'cancelled' message still arrives). */
  cancel(): void { this.port.post({ kind: 'cancel', seq: this.seq }); }

  terminate(): void { this.port.terminate(); }
}
