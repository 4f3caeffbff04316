/**
 * One run abstraction, the record: what the page knows of a run computed in a worker (the
 * landscape's 2D recompute, a line run, the toy MLP's training and range test, the trainability
 * map).
 *
 * A run is a `Run<X>`: the fields every run shares (this file) plus its own extras `X` (a line's
 * view, the toy's outcome). The pieces, each in its own file:
 * - `runRecord.ts`: the record, `idleRun()`, `runBusy()`;
 * - `runTransitions.ts`: the pure store-side moves, `startedRun` (a new id, 'running') and
 *   `cancellingRun` (only a running run can be cancelled);
 * - `runMessages.ts`: `runMessagePatch`, what the worker messages every run shares ('status',
 *   'backend', 'done', 'cancelled', 'error') do to the record;
 * - `runRunner.ts`: `startRunRunner`, wiring a store's run to a worker client (made on the first
 *   start, a start per new runId, a cancel when the status turns 'cancelling', messages ignored
 *   after a reset to idle, terminated on stop); a run supplies its request and its own messages;
 * - `ui/run/RunStatus.tsx` / `ui/run/RunButtons.tsx`: the status block and the Start/Cancel pair.
 * Usage: `type MyRun = Run<{ grid: Grid | null }>`; `idle = () => ({ ...idleRun(), grid: null })`;
 * the store's start action sets `run: startedRun(idle(), run)`, its cancel `cancellingRun(run)`;
 * `startRunRunner(useMyStore, { select: (s) => s.run, patch: (s, p) => ({ run: { ...s.run, ...p } }),
 * makeClient, start: (client, s) => client.go(...), message: (m, run) => ... })`.
 */

/** idle → running → (cancelling →) done | cancelled | error; a reset goes back to idle. */
export type RunStatus = 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'error';

/** The fields every run has. */
export interface RunRecord {
  /** Bumped by each start; the runner starts a run for each new id. */
  runId: number;
  status: RunStatus;
  /** What it is doing now ("Loading weights…"), or how it ended. */
  text: string;
  /** The tfjs backend in use, and the first one asked for (they differ after a fallback). */
  backend: string | null;
  wanted: string | null;
  /** The software rasteriser WebGL runs on here ('SwiftShader'), or null for a GPU. */
  softwareWebgl: string | null;
  /** Why this backend: each candidate tried before it and what happened (backendReason.ts). */
  reason: string | null;
  /** Progress: units done of total (points, cells); 0 of 0 before it is known. */
  done: number;
  total: number;
  error: string | null;
  /** Wall time of a finished run. */
  seconds: number | null;
  /** tf.memory().numTensors in the worker after the run (flat across runs = no leak). */
  numTensors: number | null;
}

/** A run with its own extra fields. */
export type Run<X extends object = object> = RunRecord & X;

export const idleRun = (): RunRecord => ({
  runId: 0,
  status: 'idle',
  text: '',
  backend: null,
  wanted: null,
  softwareWebgl: null,
  reason: null,
  done: 0,
  total: 0,
  error: null,
  seconds: null,
  numTensors: null,
});

/** Under way: started and not yet ended (a cancel asked for still runs until the worker answers). */
export const runBusy = (r: Pick<RunRecord, 'status'>): boolean =>
  r.status === 'running' || r.status === 'cancelling';
