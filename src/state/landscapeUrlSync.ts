import { useLandscapeStore } from './landscapeStore';
import { parseLandscapeUrl, serializeLandscapeUrl } from './landscapeUrl';
import { useToyStore } from './toyStore';

/** Applies a link's settings and look to the store; returns the messages for its invalid parameters. */
export function loadLandscapeUrl(query: string): string[] {
  const { settings, look, toy, errors } = parseLandscapeUrl(query);
  useLandscapeStore.setState({ settings, look });
  useToyStore.setState({ settings: toy });
  return errors;
}

/**
 * Keeps the address bar equal to the settings and look (coalesced to one write per `delayMs`), so
 * a copied link reopens the same model, view, knobs, theme, type size and toy panel. Returns an unsubscribe.
 */
export function startLandscapeUrlSync(write: (query: string) => void, delayMs = 100): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const { settings, look } = useLandscapeStore.getState();
    write(serializeLandscapeUrl(settings, look, useToyStore.getState().settings));
  };
  const later = () => {
    if (timer === null) timer = setTimeout(flush, delayMs);
  };
  const unsub = useLandscapeStore.subscribe((s, prev) => {
    if (s.settings !== prev.settings || s.look !== prev.look) later();
  });
  const unsubToy = useToyStore.subscribe((s, prev) => {
    if (s.settings !== prev.settings) later();
  });
  return () => {
    unsub();
    unsubToy();
    if (timer !== null) clearTimeout(timer);
  };
}
