import type { ReactNode } from 'react';
import type { RunRecord } from '../../state/run/runRecord';
import { BackendNote } from '../landscape/BackendNote';
import './run.css';

/** The `data-*` attributes a panel's tests read. */
export type DataHooks = Partial<Record<`data-${string}`, string | number | undefined>>;

interface RunStatusProps {
  run: Pick<
    RunRecord,
    'status' | 'text' | 'backend' | 'wanted' | 'softwareWebgl' | 'reason' | 'error'
  >;
  /** The backend line: "Computing" / "Computed", its data attribute, and tfjs's id or not. */
  verbs: readonly [busy: string, done: string];
  backendKey: `data-${string}`;
  withBackendId?: boolean;
  /** A progress bar, its accessible name and an optional caption ("12/49 points"); null: none. */
  progress?: { label: string; done: number; total: number; caption?: string } | null;
  /** The status line (default the record's text), and the hooks on it. */
  text?: string;
  textHooks?: DataHooks;
  /** Shown with the 'error' status, default "The computation failed: <error>" as an alert. */
  error?: ReactNode;
  /** A run's own notes, between the progress and the status line. */
  children?: ReactNode;
}

/**
 * One run's status (one run abstraction: state/run/runRecord.ts): the backend and why, progress,
 * what it is doing, and what went wrong, read out politely as it changes. Nothing while idle.
 */
export function RunStatus({
  run,
  verbs,
  backendKey,
  withBackendId = false,
  progress = null,
  text = run.text,
  textHooks = {},
  error,
  children,
}: RunStatusProps) {
  if (run.status === 'idle') return null;
  return (
    <div className="ls-status" aria-live="polite">
      {run.backend && (
        <BackendNote
          backend={run.backend}
          wanted={run.wanted}
          softwareWebgl={run.softwareWebgl}
          reason={run.reason}
          status={run.status}
          verbs={verbs}
          dataKey={backendKey}
          withId={withBackendId}
        />
      )}
      {progress && (
        <div className="ls-progress">
          <progress aria-label={progress.label} max={progress.total || 1} value={progress.done} />
          {progress.caption && <span>{progress.caption}</span>}
        </div>
      )}
      {children}
      {text && (
        <p className="explain" {...textHooks}>
          {text}
        </p>
      )}
      {run.status === 'error' &&
        (error ?? (
          <p className="ls-error" role="alert">
            The computation failed: {run.error}
          </p>
        ))}
    </div>
  );
}
