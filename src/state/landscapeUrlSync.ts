import { useLandscapeStore } from './landscapeStore';
import { parseLandscapeUrl, serializeLandscapeUrl } from './landscapeUrl';

/** Applies a link's settings to the store; returns the messages for its invalid parameters. */
export function loadLandscapeUrl(query: string): string[] {
  const { settings, errors } = parseLandscapeUrl(query);
  useLandscapeStore.setState({ settings });
  return errors;
}

/**
 * Keeps the address bar equal to the settings (coalesced to one write per `delayMs`), so a
 * copied link reopens the same model, view and knobs. Returns an unsubscribe.
 */
export function startLandscapeUrlSync(write: (query: string) => void, delayMs = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => { timer = null; write(serializeLandscapeUrl(useLandscapeStore.getState().settings)); };
  const unsub = useLandscapeStore.subscribe((s, prev) => {
    if (s.settings !== prev.settings && timer === null) timer = setTimeout(flush, delayMs);
  });
  return () => { unsub(); if (timer !== null) clearTimeout(timer); };
}
