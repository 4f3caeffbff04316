/**
 * The map page's link ↔ its store: `loadMapUrl` puts a link into the store (and returns its
 * problems, named); `startMapUrlSync` writes the link back whenever what it holds changes (the
 * shown spec, so a zoom is in the link; the colour mode, the selected cell, the look).
 */
import { parseMapUrl, serializeMapUrl, type MapLink } from './mapUrl';
import { shownSpec, useMapStore, type MapState } from './mapStore';

/** What the link holds of the store's state. */
export const linkOf = (s: MapState): MapLink => ({
  preset: s.preset,
  spec: shownSpec(s),
  mode: s.mode,
  selected: s.selected,
  ...s.look,
});

/** The store's state as a query (without '?'). */
export const currentMapQuery = (): string => serializeMapUrl(linkOf(useMapStore.getState()));

/** Loads a link (and starts its run: start the runner first); returns the link's problems. */
export function loadMapUrl(query: string): string[] {
  const { errors, theme, large, ...link } = parseMapUrl(query);
  const store = useMapStore.getState();
  store.setLook({ theme, large });
  store.load(link);
  return errors;
}

/** Writes the link (through `write`, e.g. history.replaceState) after each change it holds. */
export function startMapUrlSync(write: (query: string) => void): () => void {
  let last = currentMapQuery();
  return useMapStore.subscribe((s, prev) => {
    // Hover and progress change many times a second and are not in the link.
    const held: (keyof MapState)[] = ['preset', 'crumbs', 'mode', 'selected', 'look'];
    if (held.every((k) => s[k] === prev[k])) return;
    const q = currentMapQuery();
    if (q !== last) {
      last = q;
      write(q);
    }
  });
}
