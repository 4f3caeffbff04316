import { useEffect } from 'react';
import { shownStep, usePlaybackStore } from '../../state/playbackStore';

/**
 * Calls `apply(step)` now and whenever the shown step changes, outside React's render: for
 * per-frame DOM updates (a dash length, a marker position) without re-rendering.
 */
export function useStepEffect(apply: (step: number) => void, deps: readonly unknown[]): void {
  useEffect(() => {
    let last = shownStep(usePlaybackStore.getState());
    apply(last);
    return usePlaybackStore.subscribe((s) => {
      const k = shownStep(s);
      if (k !== last) {
        last = k;
        apply(k);
      }
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps);
}
