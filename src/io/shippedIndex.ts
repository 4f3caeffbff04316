/**
 * `landscapes/index.json`, the list of shipped slices (written by
 * scripts/make-shipped-landscapes.ts): what the comparison view reads to lay out its panels.
 * Only the fields it uses are checked; an entry with a bad one is left out and named.
 */
import type { CompareEntry } from '../core/view/compareGrid';

export const SHIPPED_INDEX_FORMAT = 'landscape-lab-shipped/1';

export function parseShippedIndex(
  raw: unknown,
): { entries: CompareEntry[]; errors: string[] } | { entries: null; errors: string[] } {
  const o = raw as { format?: unknown; landscapes?: unknown } | null;
  if (typeof o !== 'object' || o === null || !Array.isArray(o.landscapes))
    return { entries: null, errors: ['index.json: landscapes must be a list'] };
  if (o.format !== SHIPPED_INDEX_FORMAT)
    return { entries: null, errors: [`index.json: format must be ${SHIPPED_INDEX_FORMAT}`] };
  const entries: CompareEntry[] = [];
  const errors: string[] = [];
  o.landscapes.forEach((e: Record<string, unknown> | null, i: number) => {
    const where = `index.json: landscapes[${i}]`;
    const bad = (field: string, what: string) => errors.push(`${where}.${field} must be ${what}`);
    if (typeof e !== 'object' || e === null) return errors.push(`${where} must be an object`);
    for (const f of ['model', 'directions', 'file'] as const)
      if (typeof e[f] !== 'string' || e[f] === '') return bad(f, 'a non-empty string');
    // Fetched from the site: a plain name under landscapes/, never another origin or folder.
    if (!/^landscapes\/[\w.-]+\.json$/.test(e.file as string) || (e.file as string).includes('..'))
      return bad('file', 'a .json file directly under landscapes/');
    const entry: CompareEntry = {
      model: e.model as string,
      directions: e.directions as string,
      file: e.file as string,
    };
    for (const f of ['testAccuracy', 'depth', 'width'] as const) {
      if (e[f] === undefined) continue;
      if (typeof e[f] !== 'number' || !Number.isFinite(e[f])) return bad(f, 'a finite number');
      entry[f] = e[f];
    }
    if (e.skip !== undefined) {
      if (typeof e.skip !== 'boolean') return bad('skip', 'true or false');
      entry.skip = e.skip;
    }
    entries.push(entry);
  });
  return { entries, errors };
}
