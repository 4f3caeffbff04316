import { useId } from 'react';
import { openH5File } from '../../state/landscapeRunner';
import { useLandscapeStore } from '../../state/landscapeStore';

/** Opens a surface .h5 written by tomgoldstein/loss-landscape (or our CLI) into the same panels. */
export function H5Open() {
  const id = useId();
  const h5 = useLandscapeStore((s) => s.h5);
  const onFile = (file: File | undefined) => file && openH5File(file);
  return (
    <section className="card ls-h5" aria-label="Open a surface file">
      <h3>Your own surface file</h3>
      <p className="explain">
        A surface file from tomgoldstein/loss-landscape's <code>plot_surface.py</code> or{' '}
        <code>landscape-lab landscape</code> (<code>xcoordinates</code>, <code>ycoordinates</code>,{' '}
        <code>train_loss</code>), or a 1-D one without <code>ycoordinates</code> (
        <code>plot_1D</code>, <code>landscape-lab interpolate</code>). It stays on your machine.
      </p>
      <label htmlFor={id} className="ls-file-label">
        Open .h5
      </label>{' '}
      <input
        id={id}
        type="file"
        accept=".h5,.hdf5,application/x-hdf5"
        aria-label="Open .h5"
        onChange={(e) => void onFile(e.currentTarget.files?.[0])}
      />
      {h5.status === 'reading' && <p className="explain">Reading {h5.attempt}…</p>}
      {h5.status === 'ready' && (
        <p className="explain">
          Showing {h5.fileName}
          {h5.line ? ': a 1-D slice, drawn in “Along a line”' : ''}.
        </p>
      )}
      {h5.status === 'error' && (
        <p className="ls-error" role="alert">
          Could not open {h5.attempt}: {h5.error}
          {h5.fileName !== null && ` Still showing ${h5.fileName}.`}
        </p>
      )}
    </section>
  );
}
