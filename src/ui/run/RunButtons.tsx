import type { RunStatus } from '../../state/run/runRecord';
import './run.css';

interface RunButtonsProps {
  /** The start button's words ("Recompute on my GPU", "Compute", "Train"). */
  label: string;
  onStart(): void;
  /** True while a run is under way (this one, or one it must wait for). */
  busy: boolean;
  onCancel(): void;
  /** The status of the run Cancel would stop: only a running one can be. */
  status: RunStatus;
}

/** A run's Start and Cancel (one run abstraction: state/run/runRecord.ts). */
export function RunButtons({ label, onStart, busy, onCancel, status }: RunButtonsProps) {
  return (
    <div className="row ls-buttons">
      <button type="button" className="primary" onClick={onStart} disabled={busy}>
        {label}
      </button>
      <button type="button" onClick={onCancel} disabled={status !== 'running'}>
        Cancel
      </button>
    </div>
  );
}
