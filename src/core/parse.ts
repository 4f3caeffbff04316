/** Shared pieces of every parser of untrusted input (configs, URL state, CLI files). */

/** A parsed value, or the errors that name each bad field. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; errors: string[] };

/** A plain JSON object (not null, not an array). */
export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** How long a quoted value may be in a message: a 10,000-character value must not be echoed. */
const MAX_QUOTE = 60;

/**
 * A received value as an error message quotes it: strings in quotes, non-finite numbers by
 * name (JSON would say null for Infinity and NaN, which the user never wrote), the rest as JSON,
 * cut to MAX_QUOTE characters. Every parser of untrusted input in the core quotes through this.
 */
export function quoteValue(v: unknown): string {
  let text: string;
  if (typeof v === 'string') text = `'${v}'`;
  else if (typeof v === 'number' && !Number.isFinite(v)) text = String(v);
  else {
    try {
      const finite = (_k: string, x: unknown) =>
        typeof x === 'number' && !Number.isFinite(x) ? String(x) : x;
      text = JSON.stringify(v, finite) ?? String(v);
    } catch {
      text = 'a value nested too deep to show'; // JSON.stringify overflows the stack first
    }
  }
  return text.length > MAX_QUOTE ? `${text.slice(0, MAX_QUOTE - 1)}…` : text;
}
