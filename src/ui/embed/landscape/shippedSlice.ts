/**
 * A shipped (precomputed) slice fetched on its own, outside the page's store: the side-by-side
 * widget shows a model and its skip/no-skip twin at once, where the page's runner keeps one.
 * Errors are returned as a sentence, never thrown.
 */
import { parseLandscapeJson } from '../../../io/landscapeJson';
import { shippedFile } from '../../../state/landscapeRunner';
import type { FetchJson } from '../../../state/siteFetch';
import { modelLabel, type LandscapeSettings } from '../../../state/landscapeUrl';
import { fromLandscapeJson, type LandscapeView } from '../../../state/landscapeView';

export type SliceResult = { view: LandscapeView; message: null } | { view: null; message: string };

export async function loadShippedSlice(
  fetchJson: FetchJson,
  s: Pick<LandscapeSettings, 'depth' | 'skip' | 'view'>,
): Promise<SliceResult> {
  const file = `landscapes/${shippedFile(s)}`;
  const title = `${modelLabel(s)}${s.view === 'pca' ? ' · PCA plane' : ''}`;
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
