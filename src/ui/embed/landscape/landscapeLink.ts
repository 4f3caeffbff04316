/**
 * The landscape widgets' `set` / `get` in the landscape page's link vocabulary: the stores'
 * state serialised as the page's link, keys merged into it and the result read back through
 * the page's own parser, so a slide, a link and the page agree on every key and message.
 */
import { useLandscapeStore } from '../../../state/landscapeStore';
import {
  LANDSCAPE_URL_FIELDS,
  parseLandscapeUrl,
  serializeLandscapeUrl,
} from '../../../state/landscapeUrl';
import { useToyStore } from '../../../state/toyStore';

/** The stores' state as the page's link (without '?'). */
export function currentLandscapeQuery(): string {
  const { settings, look } = useLandscapeStore.getState();
  return serializeLandscapeUrl(settings, look, useToyStore.getState().settings);
}

/**
 * The settings as link keys: those the link writes, or, when `keys` are named, each of those
 * the page knows (a default included, since the link leaves defaults out); unknown keys are
 * left out.
 */
export function landscapeLinkParams(keys?: readonly string[]): Record<string, string> {
  const written = Object.fromEntries(new URLSearchParams(currentLandscapeQuery()));
  if (!keys) return written;
  const { settings, look } = useLandscapeStore.getState();
  const values: Record<string, unknown> = {
    ...settings,
    ...look,
    ...useToyStore.getState().settings,
  };
  const out: Record<string, string> = {};
  for (const key of keys) {
    const f = LANDSCAPE_URL_FIELDS.find((x) => x.key === key);
    const v = f && values[f.field];
    if (key in written) out[key] = written[key];
    else if (f && v !== undefined) out[key] = (f.write as (x: unknown) => string)(v);
  }
  return out;
}

/**
 * Merges `params` into the current link and applies the result through the stores' actions (so
 * a new model goes back to its shipped slice, as a click would). Returns the parser's message
 * for each refused key or value, which stays as it was; the others are applied.
 */
export function setLandscapeLinkParams(params: Readonly<Record<string, string>>): string[] {
  const q = new URLSearchParams(currentLandscapeQuery());
  const errors: string[] = [];
  // Each key is checked alone first, so a refused one keeps the current value (not the default).
  for (const [k, v] of Object.entries(params)) {
    const refused = parseLandscapeUrl(new URLSearchParams([[k, v]]).toString()).errors;
    if (refused.length === 0) q.set(k, v);
    else errors.push(...refused.map((m) => m.replace(/; using .*$/, '; unchanged')));
  }
  const { settings, look, toy } = parseLandscapeUrl(q.toString());
  const store = useLandscapeStore.getState();
  if (settings.line !== store.settings.line) store.setLine(settings.line);
  store.set(settings);
  // The parser leaves out optional look keys that are off; the store's patch must clear them.
  store.setLook({ camera: undefined, view3d: undefined, ...look });
  useToyStore.getState().set(toy);
  return errors;
}
