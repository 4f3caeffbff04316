/**
 * One shipped (precomputed) slice fetched on its own, outside the page's store: the side-by-side
 * widget and the comparison view show several at once, where the page's runner keeps one.
 * Errors are returned as a sentence, never thrown.
 */
import { parseLandscapeJson } from '../io/landscapeJson';
import type { FetchJson } from './siteFetch';
import { fromLandscapeJson, type LandscapeView } from './landscapeView';

export type SliceResult = { view: LandscapeView; message: null } | { view: null; message: string };

/** `file` is a path under the site (`landscapes/resnet-56.json`); `title` names the view. */
export async function loadSliceFile(
  fetchJson: FetchJson,
  file: string,
  title: string,
): Promise<SliceResult> {
  try {
    const raw = await fetchJson(file);
    if (raw === null) return { view: null, message: `No precomputed slice is shipped (${file}).` };
    const parsed = parseLandscapeJson(raw);
    return parsed.ok
      ? { view: fromLandscapeJson(parsed.value, title), message: null }
      : { view: null, message: `${file} is not a valid landscape: ${parsed.errors.join('; ')}` };
  } catch (e) {
    return { view: null, message: `Could not load ${file}: ${(e as Error).message}` };
  }
}
