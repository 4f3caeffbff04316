/**
 * The landscape and toy workers' run discipline, "latest wins": a new request aborts the one
 * running and starts once that one has cleaned up (one tfjs job at a time, so a run's tensors are
 * freed before the next one allocates); `cancel(seq)` aborts the run with that seq. A run that
 * ends by its abort is reported as cancelled, any other failure as failed.
 */
export interface LatestWins<R> {
  start(req: R): void;
  cancel(seq: number): void;
}

/** Whether `e` is what an aborted AbortSignal throws (its default reason, a DOMException). */
export function isAbort(e: unknown): boolean {
  return (e as { name?: string } | null)?.name === 'AbortError';
}

export function latestWins<R extends { seq: number }>(
  compute: (req: R, signal: AbortSignal) => Promise<void>,
  report: { cancelled(req: R): void; failed(req: R, e: unknown): void },
): LatestWins<R> {
  let current: { seq: number; abort: AbortController; finished: Promise<void> } | null = null;
  return {
    start(req) {
      const previous = current;
      previous?.abort.abort();
      const abort = new AbortController();
      const finished = (async () => {
        await previous?.finished;
        try {
          abort.signal.throwIfAborted();
          await compute(req, abort.signal);
        } catch (e) {
          if (isAbort(e)) report.cancelled(req);
          else report.failed(req, e);
        }
      })();
      current = { seq: req.seq, abort, finished };
    },
    cancel(seq) {
      if (current?.seq === seq) current.abort.abort();
    },
  };
}
