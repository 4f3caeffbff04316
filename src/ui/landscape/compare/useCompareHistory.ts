import { useCallback, useEffect, useRef } from 'react';
import { useLandscapeStore } from '../../../state/landscapeStore';
import { parseLandscapeUrl } from '../../../state/landscapeUrl';

/**
 * Opening a comparison panel large is a step in the browser's history, so Back closes it: the
 * open pushes a copy of the grid's address (the link sync then writes `open=` into the new
 * entry), Back pops to the grid's, and the popstate reads `open` from the address again.
 * A panel opened by a link (no entry pushed here) closes in place. `inHistory` false (an embed,
 * which keeps its frame's address and must not add to its host's history): open and close only.
 */
export function useCompareHistory(inHistory = true): { open(model: string): void; close(): void } {
  const setLook = useLandscapeStore((s) => s.setLook);
  const pushed = useRef(false);
  useEffect(() => {
    if (!inHistory) return;
    const onPop = () => {
      pushed.current = false;
      const { look } = parseLandscapeUrl(window.location.search);
      setLook({ open: look.open, compare: look.compare });
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [setLook, inHistory]);
  const open = useCallback(
    (model: string) => {
      if (inHistory) {
        window.history.pushState(window.history.state, '', window.location.href);
        pushed.current = true;
      }
      setLook({ open: model });
    },
    [setLook, inHistory],
  );
  const close = useCallback(() => {
    if (pushed.current) window.history.back();
    else setLook({ open: undefined });
  }, [setLook]);
  return { open, close };
}
