/**
 * The comparison view's data: the shipped index laid out as a grid (core/view/compareGrid), and
 * every placed slice fetched at once. A slice that fails says why in its own panel; an index
 * that fails says why in the view's.
 */
import { compareGrid, type CompareGrid } from '../core/view/compareGrid';
import { parseShippedIndex } from '../io/shippedIndex';
import { loadSliceFile, type SliceResult } from './shippedSliceFile';
import type { FetchJson } from './siteFetch';

export const SHIPPED_INDEX = 'landscapes/index.json';

export interface CompareData {
  grid: CompareGrid;
  /** By model name. */
  slices: ReadonlyMap<string, SliceResult>;
  /** The index's bad entries and unplaced models, as sentences. */
  notes: string[];
}

export async function loadCompareData(
  fetchJson: FetchJson,
): Promise<{ data: CompareData; message: null } | { data: null; message: string }> {
  let raw: unknown;
  try {
    raw = await fetchJson(SHIPPED_INDEX);
  } catch (e) {
    return { data: null, message: `Could not load ${SHIPPED_INDEX}: ${(e as Error).message}` };
  }
  if (raw === null) return { data: null, message: `No slices are shipped (${SHIPPED_INDEX}).` };
  const index = parseShippedIndex(raw);
  if (!index.entries) return { data: null, message: index.errors.join('; ') };
  const grid = compareGrid(index.entries);
  const loaded = await Promise.all(
    grid.cells.map(
      async (c) => [c.model, await loadSliceFile(fetchJson, c.file, c.label)] as const,
    ),
  );
  const notes = [...index.errors];
  if (grid.unplaced.length)
    notes.push(`Not placed in the grid (unknown model names): ${grid.unplaced.join(', ')}.`);
  return { data: { grid, slices: new Map(loaded), notes }, message: null };
}
