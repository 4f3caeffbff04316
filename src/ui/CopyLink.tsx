import { useEffect, useRef } from 'react';
import { useClipboard } from './useClipboard';
import './copyLink.css';

/**
 * "Copy link", for both pages: the address bar already holds the whole state (each page's URL
 * sync), so the link is `location.href` at the moment of the click. A polite status says when
 * it was copied; where the clipboard is missing or refuses (`useClipboard`), the link appears
 * in a read-only field, selected, to copy by hand.
 */
export function CopyLink() {
  const { outcome, copy } = useClipboard();
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (outcome.kind === 'manual') field.current?.select();
  }, [outcome]);
  return (
    <div className="copy-link">
      <button type="button" onClick={() => void copy(window.location.href)}>
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
          value={outcome.text}
          onFocus={(e) => e.currentTarget.select()}
        />
      )}
    </div>
  );
}
