/** Shared pieces of every parser of untrusted input (configs, URL state, CLI files). */

/** A parsed value, or the errors that name each bad field. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** A plain JSON object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** A received value as an error message quotes it: strings in quotes, the rest as JSON. */
export const quoteValue = (v: unknown): string =>
  typeof v === 'string' ? `'${v}'` : (JSON.stringify(v) ?? String(v));
