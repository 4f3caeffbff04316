/** The shipped slice of a depth, skip choice and plane, for the side-by-side widget. */
import { shippedFile } from '../../../state/landscapeRunner';
import type { FetchJson } from '../../../state/siteFetch';
import { modelLabel, type LandscapeSettings } from '../../../state/landscapeUrl';
import { loadSliceFile, type SliceResult } from '../../../state/shippedSliceFile';

export type { SliceResult } from '../../../state/shippedSliceFile';

export function loadShippedSlice(
  fetchJson: FetchJson,
  s: Pick<LandscapeSettings, 'depth' | 'skip' | 'view'>,
): Promise<SliceResult> {
  const title = `${modelLabel(s)}${s.view === 'pca' ? ' · PCA plane' : ''}`;
  return loadSliceFile(fetchJson, `landscapes/${shippedFile(s)}`, title);
}
