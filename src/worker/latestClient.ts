/**
 * The page's side of a "latest wins" worker (the worker's side is latestWins.ts): each request
 * gets the next seq and supersedes the earlier ones, cancel names the newest, and only the newest
 * run's messages (or a seq −1 failure of the worker itself) reach the listener.
 */

/** Anything that carries requests to a worker and its answers back (a Worker, or a test double). */
export interface WorkerPort<Req, Res> {
  post(req: Req): void;
  onMessage(cb: (res: Res) => void): void;
  terminate(): void;
}

/**
 * A Worker as a port. The caller constructs the Worker (Vite finds a worker only in a literal
 * `new Worker(new URL('./x.ts', import.meta.url))`); `loadFailure` turns its load error into
 * the protocol's seq −1 error message, so a worker that fails to load never leaves a page waiting.
 */
export function portOf<Req, Res>(
  worker: Worker,
  loadFailure: (message: string) => Res,
): WorkerPort<Req, Res> {
  return {
    post: (req) => worker.postMessage(req),
    onMessage(cb) {
      worker.onmessage = (e: MessageEvent<Res>) => cb(e.data);
      worker.onerror = (e) => cb(loadFailure(e.message || 'could not load'));
    },
    terminate: () => worker.terminate(),
  };
}

export class LatestClient<Req, Res extends { seq: number }> {
  private seq = 0;
  private listener: (res: Res) => void = () => {};

  constructor(
    private port: WorkerPort<Req, Res>,
    private cancelRequest: (seq: number) => Req,
  ) {
    port.onMessage((res) => {
      if (res.seq === this.seq || res.seq === -1) this.listener(res);
    });
  }

  onMessage(cb: (res: Res) => void): void {
    this.listener = cb;
  }

  /** Posts the request made for the next seq (superseding every earlier run); returns that seq. */
  protected send(request: (seq: number) => Req): number {
    this.seq += 1;
    this.port.post(request(this.seq));
    return this.seq;
  }

  /** Cancels the newest run (its 'cancelled' message still arrives). */
  cancel(): void {
    this.port.post(this.cancelRequest(this.seq));
  }

  terminate(): void {
    this.port.terminate();
  }
}
