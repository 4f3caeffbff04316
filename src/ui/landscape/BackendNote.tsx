import { backendLabel, backendWords } from '../../state/landscapeView';

interface BackendNoteProps {
  /** The tfjs backend the worker runs on, and the one it asked for first. */
  backend: string;
  wanted: string | null;
  /** The software rasteriser WebGL runs on here, or null (a GPU, or not known). */
  softwareWebgl?: string | null;
  /** Why this backend: the candidates before it and their fate, or null (the first was used). */
  reason?: string | null;
  /** The run's status: 'running' or 'cancelling' reads as under way. */
  status: string;
  /** "Computing" / "Computed", "Training" / "Trained". */
  verbs: readonly [busy: string, done: string];
  /** Names the panel in a data attribute the tests read (`data-backend`, `data-line-backend`, …). */
  dataKey: `data-${string}`;
  /** Also name tfjs's backend id ("webgl"), for the main recompute. */
  withId?: boolean;
}

/**
 * Which backend a worker ran on and why: the worker's reason (each candidate before it and what
 * happened to it); from a worker that gives none, a warning when it fell back.
 */
export function BackendNote({
  backend,
  wanted,
  softwareWebgl = null,
  reason = null,
  status,
  verbs,
  dataKey,
  withId = false,
}: BackendNoteProps) {
  const busy = status === 'running' || status === 'cancelling';
  const { label, why } = backendWords(backend, wanted, softwareWebgl);
  const fellBack = reason === null && wanted !== null && backend !== wanted && why === null;
  return (
    <p className="ls-backend" {...{ [dataKey]: backend }} data-software-webgl={softwareWebgl ?? ''}>
      {busy ? verbs[0] : verbs[1]} on {label}
      {why && reason === null && <> — {why}</>}
      {withId && <> · tfjs backend “{backend}”</>}
      {fellBack && (
        <span className="ls-warning">
          {' '}
          — {backendLabel(wanted)} is not available in this browser, so this runs on the fallback
          (slower).
        </span>
      )}
      {reason && (
        <span className="ls-backend-reason" data-backend-reason>
          Tried in order: {reason}
        </span>
      )}
    </p>
  );
}
