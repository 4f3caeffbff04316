import { useEffect, useRef, useState } from 'react';
import './copyLink.css';

type Outcome = { kind: 'idle' } | { kind: 'copied' } | { kind: 'manual'; link: string };

/** How long "Link copied" stays before the status empties again. */
const COPIED_MS = 4000;

/**
 * "Copy link", for both pages: the address bar already holds the whole state (each page's URL
 * sync), so the link is `location.href` at the moment of the click. A polite status says when
 * it was copied; where the clipboard is missing (an insecure origin, an old browser) or refuses
 * (no permission, no focus), the link appears in a read-only field, selected, to copy by hand.
 */
export function CopyLink() {
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'idle' });
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (outcome.kind === 'manual') field.current?.select();
    if (outcome.kind !== 'copied') return;
    const t = setTimeout(() => setOutcome({ kind: 'idle' }), COPIED_MS);
    return () => clearTimeout(t);
  }, [outcome]);
  const copy = async () => {
    const link = window.location.href;
    try {
      // Throws where there is no clipboard; rejects where it is denied.
      await navigator.clipboard.writeText(link);
      setOutcome({ kind: 'copied' });
    } catch {
      setOutcome({ kind: 'manual', link });
    }
  };
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy()}>
        Copy link
      </button>
      <span role="status" className="copy-status">
        {outcome.kind === 'copied'
          ? 'Link copied'
          : outcome.kind === 'manual'
            ? 'The clipboard is unavailable: copy the link below'
            : ''}
      </span>
      {outcome.kind === 'manual' && (
        <input
          ref={field}
          className="copy-field"
          type="text"
          readOnly
          aria-label="Link to this view"
          value={outcome.link}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
