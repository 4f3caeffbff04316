/** The store-side moves of a run (runRecord.ts); pure, so every run starts and cancels alike. */
import type { RunRecord } from './runRecord';

/**
 * A new run: the run's idle record with a new id, 'running', "Starting…", and the last run's
 * `numTensors` kept (the worker's count only changes when a run ends). `patch` sets the run's own
 * start fields (the settings it runs with).
 */
export function startedRun<R extends RunRecord>(
  idle: R,
  prev: Pick<RunRecord, 'runId' | 'numTensors'>,
  patch: Partial<R> = {},
): R {
  return {
    ...idle,
    runId: prev.runId + 1,
    status: 'running',
    text: 'Starting…',
    numTensors: prev.numTensors,
    ...patch,
  };
}

/** Asks a running run to stop (the runner sends the cancel); anything else is left as it is. */
export function cancellingRun<R extends RunRecord>(r: R): R {
  return r.status === 'running' ? { ...r, status: 'cancelling', text: 'Cancelling…' } : r;
}
