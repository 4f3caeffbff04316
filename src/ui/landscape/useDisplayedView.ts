import { useMemo } from 'react';
import { refineGrid } from '../../core/view/gridSurface';
import { useLandscapeStore } from '../../state/landscapeStore';
import type { LandscapeView } from '../../state/landscapeView';

export interface Displayed {
  view: LandscapeView;
  /** Losses to draw: computed points, and (while a fine grid streams in) the coarse preview elsewhere. */
  loss: Float64Array;
  /** y from which the drawn values are still the coarse preview; null when none is (missing points are NaN). */
  pendingFromY: number | null;
}

/** The landscape the panels draw now (or null) and why there is none. */
export function useDisplayedView(): { shown: Displayed | null; message: string | null } {
  const showing = useLandscapeStore((s) => s.showing);
  const shipped = useLandscapeStore((s) => s.shipped);
  const h5 = useLandscapeStore((s) => s.h5);
  const coarse = useLandscapeStore((s) => s.gpu.coarse);
  const fine = useLandscapeStore((s) => s.gpu.fine);
  const gpuStatus = useLandscapeStore((s) => s.gpu.status);
  return useMemo(() => {
    if (showing === 'h5') {
      if (h5.view) return { shown: whole(h5.view), message: null };
      if (h5.line)
        return {
          shown: null,
          message: `${h5.fileName} is a 1-D slice (no ycoordinates): it is drawn in “Along a line” below, not in these 2-D panels.`,
        };
      return {
        shown: null,
        message:
          h5.status === 'reading'
            ? `Reading ${h5.fileName}…`
            : h5.error
              ? `Could not open ${h5.fileName}: ${h5.error}`
              : 'Open a .h5 file.',
      };
    }
    if (showing === 'gpu') {
      // The coarse preview stands in for the fine grid's missing rows only while the run goes on;
      // a cancelled or failed run shows what it computed and hatches the rest (NotComputedMask).
      const live = gpuStatus === 'running' || gpuStatus === 'cancelling';
      const fineStarted = fine && fine.loss.some((v) => v === v);
      if (fine && (fineStarted || (coarse && live))) {
        const g = (v: LandscapeView) => ({ xs: v.xs, ys: v.ys, values: v.loss });
        const preview = live && coarse ? g(coarse) : null;
        const loss = refineGrid(g(fine), preview);
        const pendingFromY = preview ? firstPendingY(fine) : null;
        return { shown: { view: fine, loss, pendingFromY }, message: null };
      }
      if (coarse) return { shown: whole(coarse), message: null };
      return {
        shown: null,
        message:
          gpuStatus === 'running'
            ? 'Computing: the first rows appear in a moment…'
            : 'No rows were computed.',
      };
    }
    if (shipped.view) return { shown: whole(shipped.view), message: null };
    return {
      shown: null,
      message: shipped.status === 'loading' ? 'Loading the precomputed slice…' : shipped.message,
    };
  }, [showing, shipped, h5, coarse, fine, gpuStatus]);
}

const whole = (view: LandscapeView): Displayed => ({ view, loss: view.loss, pendingFromY: null });

/** y of the first row (rows are computed in order) that still has a missing point. */
function firstPendingY(v: LandscapeView): number | null {
  const nx = v.xs.length;
  for (let j = 0; j < v.ys.length; j++) {
    for (let i = 0; i < nx; i++) if (v.loss[j * nx + i] !== v.loss[j * nx + i]) return v.ys[j];
  }
  return null;
}
