import { useEffect, useState } from 'react';
import type { WidgetController } from './controller';
import { useEmbedNotices } from './embedNotices';

/** A query from link keys, commas left readable as the pages write them. */
const queryOf = (params: Record<string, string>) =>
  Object.entries(params)
    .map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(v).replace(/%2C/gi, ',')}`)
    .join('&');

/**
 * What the embed page shows around its widget: no site chrome, only the link's problems as small
 * text (never markup from the link) and a link to the full page in the widget's current state,
 * in a new tab, since the embed sits in someone else's slide.
 */
export function EmbedShell({
  page,
  controller,
}: {
  /** The full page of the widget's family ('race.html', 'landscape.html'). */
  page: string;
  controller: WidgetController | null;
}) {
  const messages = useEmbedNotices((s) => s.messages);
  const [query, setQuery] = useState('');
  useEffect(() => {
    if (!controller) return;
    setQuery(queryOf(controller.get()));
    return controller.subscribe((e) => {
      if (e.type === 'state') setQuery(queryOf(e.params));
    });
  }, [controller]);
  return (
    <>
      {messages.length > 0 && (
        <ul className="embed-notices" aria-label="Problems with this widget's link">
          {messages.map((m) => (
            <li key={m}>{m}</li>
          ))}
        </ul>
      )}
      <footer className="embed-footer">
        <a href={query ? `${page}?${query}` : page} target="_blank" rel="noopener">
          Loss Landscape Lab ↗<span className="sr-only"> (the full page, in a new tab)</span>
        </a>
      </footer>
    </>
  );
}
