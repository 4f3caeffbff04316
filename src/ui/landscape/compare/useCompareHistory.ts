import { useCallback, useEffect } from 'react';
import { useLandscapeStore } from '../../../state/landscapeStore';
import { parseLandscapeUrl } from '../../../state/landscapeUrl';

/**
 * Opening a comparison panel large is a step in the browser's history, so Back closes it: the
 * open pushes a copy of the grid's address (the link sync then writes `open=` into the new
 * entry), Back pops to the grid's, and the popstate reads `open` and `compare` from the address
 * again (useCompareBack, on the page for as long as it lives: Back after "Open in the
 * single-model view" returns to the grid too). A panel opened by a link (no entry pushed here)
 * closes in place.
 */
let pushed = false; // one page, one history

/** The page's popstate: the comparison view and its open panel follow the address. */
export function useCompareBack(): void {
  const setLook = useLandscapeStore((s) => s.setLook);
  useEffect(() => {
    const onPop = () => {
      pushed = false;
      const { look } = parseLandscapeUrl(window.location.search);
      setLook({ open: look.open, compare: look.compare });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [setLook]);
}

/**
 * Open and close a panel. `inHistory` false (an embed, which keeps its frame's address and must
 * not add to its host's history): they only set `open`.
 */
export function useCompareHistory(inHistory = true): { open(model: string): void; close(): void } {
  const setLook = useLandscapeStore((s) => s.setLook);
  const open = useCallback(
    (model: string) => {
      if (inHistory) {
        window.history.pushState(window.history.state, '', window.location.href);
        pushed = true;
      }
      setLook({ open: model });
    },
    [setLook, inHistory],
  );
  const close = useCallback(() => {
    if (inHistory && pushed) window.history.back();
    else setLook({ open: undefined });
  }, [setLook, inHistory]);
  return { open, close };
}
