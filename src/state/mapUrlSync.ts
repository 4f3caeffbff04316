/**
 * The map page's link ↔ its store: `loadMapUrl` puts a link into the store (and returns its
 * problems, named); `startMapUrlSync` writes the link back whenever what it holds changes (the
 * shown spec, so a zoom is in the link; the colour mode, the selected cell, the look).
 */
import { parseMapUrl, serializeMapUrl, type MapLink } from './mapUrl';
import { sameSpec, shownSpec, useMapStore, type MapState } from './mapStore';

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

/**
 * The address after Back or Forward: a crumb of the breadcrumb goes back to it (the zooms before
 * it kept); any other link loads as a new start. Returns the link's problems.
 */
export function followMapHistory(query: string): string[] {
  const link = parseMapUrl(query);
  const { crumbs } = useMapStore.getState();
  const k = crumbs.findIndex((c) => sameSpec(c, link.spec));
  if (k >= 0 && k < crumbs.length - 1) {
    useMapStore.getState().back(k);
    return [];
  }
  return k === crumbs.length - 1 ? [] : loadMapUrl(query);
}

/** Loads a link (and starts its run: start the runner first); returns the link's problems. */
export function loadMapUrl(query: string): string[] {
  const { errors, theme, large, ...link } = parseMapUrl(query);
  const store = useMapStore.getState();
  store.setLook({ theme, large });
  store.load(link);
  return errors;
}

/** The parts of the state the link holds (hover and progress change often and are not in it). */
const HELD: readonly (keyof MapState)[] = ['preset', 'crumbs', 'mode', 'selected', 'look'];

/** Whether a store change may change the link (else serialising it again is wasted). */
export const holdsChanged = (s: MapState, prev: MapState): boolean =>
  HELD.some((k) => s[k] !== prev[k]);

/**
 * Writes the link after each change it holds: `write(query, push)`, with `push` true for a zoom
 * (a new history entry, so the browser's Back leaves the zoom as a crumb does).
 */
export function startMapUrlSync(write: (query: string, push: boolean) => void): () => void {
  let last = currentMapQuery();
  return useMapStore.subscribe((s, prev) => {
    if (!holdsChanged(s, prev)) return;
    const q = currentMapQuery();
    if (q !== last) {
      last = q;
      write(q, s.crumbs.length > prev.crumbs.length);
    }
  });
}
