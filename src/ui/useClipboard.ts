import { useCallback, useEffect, useState } from 'react';

/** What the last copy did: nothing yet, copied, or refused (the text is then to copy by hand). */
export type CopyOutcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; text: string };

/** How long "copied" stays before the status empties again. */
const COPIED_MS = 4000;

/**
 * Copying text for the Copy link button and the Share / Embed dialog: the clipboard where it
 * works, else `manual`, for the caller to show the text selected in a read-only field (the
 * clipboard is missing on an insecure origin or an old browser, and refuses without permission
 * or focus).
 */
export function useClipboard(): { outcome: CopyOutcome; copy(text: string): Promise<void> } {
  const [outcome, setOutcome] = useState<CopyOutcome>({ kind: 'idle' });
  useEffect(() => {
    if (outcome.kind !== 'copied') return;
    const t = setTimeout(() => setOutcome({ kind: 'idle' }), COPIED_MS);
    return () => clearTimeout(t);
  }, [outcome]);
  const copy = useCallback(async (text: string) => {
    try {
      // Throws where there is no clipboard; rejects where it is denied.
      await navigator.clipboard.writeText(text);
      setOutcome({ kind: 'copied' });
    } catch {
      setOutcome({ kind: 'manual', text });
    }
  }, []);
  return { outcome, copy };
}
