import { useLandscapeStore } from './landscapeStore';
import { parseLandscapeUrl, serializeLandscapeUrl } from './landscapeUrl';

/** Applies a link's settings and look to the store; returns the messages for its invalid parameters. */
export function loadLandscapeUrl(query: string): string[] {
  const { settings, look, errors } = parseLandscapeUrl(query);
  useLandscapeStore.setState({ settings, look });
  return errors;
}

/**
 * Keeps the address bar equal to the settings and look (coalesced to one write per `delayMs`), so
 * a copied link reopens the same model, view, knobs, theme and type size. Returns an unsubscribe.
 */
export function startLandscapeUrlSync(write: (query: string) => void, delayMs = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => { timer = null; const { settings, look } = useLandscapeStore.getState(); write(serializeLandscapeUrl(settings, look)); };
  const unsub = useLandscapeStore.subscribe((s, prev) => {
    if ((s.settings !== prev.settings || s.look !== prev.look) && timer === null) timer = setTimeout(flush, delayMs);
  });
  return () => { unsub(); if (timer !== null) clearTimeout(timer); };
}
