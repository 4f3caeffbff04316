/**
 * The map widget's `get` / `set` in the map page's link vocabulary (state/mapUrl.ts): the store's
 * state as the page's link, keys merged into it and read back through the page's own parser, so
 * a slide, a link and the page agree on every key and message.
 */
import { useMapStore } from '../../state/mapStore';
import { mapUrlValues, parseMapUrl } from '../../state/mapUrl';
import { currentMapQuery, linkOf } from '../../state/mapUrlSync';

const queryOf = (params: Record<string, string>) => new URLSearchParams(params).toString();
const written = () => Object.fromEntries(new URLSearchParams(currentMapQuery()));

/** The settings as link keys: those the link writes, or each named one the link knows (defaults too). */
export function mapLinkParams(keys?: readonly string[]): Record<string, string> {
  if (!keys) return written();
  const all = mapUrlValues(linkOf(useMapStore.getState()));
  return Object.fromEntries(keys.filter((k) => k in all).map((k) => [k, all[k]]));
}

/**
 * Lays `params` over the current link and loads the result (a new spec starts its run). Each key
 * is judged in the context of the others: a refused one is named ("…; unchanged") and keeps its
 * value, the rest apply.
 */
export function setMapLinkParams(params: Readonly<Record<string, string>>): string[] {
  const merged = written();
  const errors: string[] = [];
  for (const [k, v] of Object.entries(params)) {
    const refused = parseMapUrl(queryOf({ ...merged, [k]: v })).errors.filter((m) =>
      m.startsWith(`Invalid URL parameter '${k}'`),
    );
    if (refused.length)
      errors.push(...refused.map((m) => m.replace(/; (using|ignored).*$/, '; unchanged')));
    else merged[k] = v;
  }
  if (queryOf(merged) !== queryOf(written())) {
    const { errors: _e, theme, large, ...link } = parseMapUrl(queryOf(merged));
    const store = useMapStore.getState();
    store.setLook({ theme, large });
    store.load(link);
  }
  return errors;
}
