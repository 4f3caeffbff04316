/**
 * A link's query string → its parameters, for every page (the race's `urlState`, the landscape
 * page's `landscapeUrl`). Never throws, whatever a mail client or a slide tool did to the link:
 *
 * * a malformed percent-escape (`%E0%A4%A`, a stray `%`, `%ZZ`, an encoded lone surrogate) in a
 *   value makes that value unreadable (`value: null`, so the page names it and keeps the default);
 *   in a name, the name is listed in `badKeys` as written;
 * * a repeated name keeps its first value and says how many there were (`count`), so the page can
 *   say which value it used;
 * * `+` is a space and empty pieces (`a&&b`) are skipped, as `URLSearchParams` reads them.
 *
 * `echo` shortens user text quoted in messages, so a 10,000-character value cannot make the page
 * 100,000 px wide; the `…Note` helpers are the wording both pages share.
 */

/** One parameter name as the link gives it. */
export interface QueryValue {
  /** Its first value, decoded; null when that value's percent-escapes are malformed. */
  value: string | null;
  /** That first value as written in the link (still percent-encoded). */
  raw: string;
  /** How many times the name occurs. */
  count: number;
}

export interface DecodedQuery {
  /** Each readable name once, in the order it first appears. */
  params: ReadonlyMap<string, QueryValue>;
  /** Names whose own percent-escapes are malformed, as written, each once. */
  badKeys: readonly string[];
}

/** One component of a query (`+` is a space); null when its percent-escapes are malformed. */
export function decodeQueryComponent(s: string): string | null {
  const spaced = s.replace(/\+/g, ' ');
  if (!spaced.includes('%')) return spaced;
  try {
    return decodeURIComponent(spaced);
  } catch {
    return null;
  }
}

/** A query string, with or without its leading '?'. */
export function decodeQuery(query: string): DecodedQuery {
  const params = new Map<string, QueryValue>();
  const badKeys = new Set<string>();
  const body = query.startsWith('?') ? query.slice(1) : query;
  for (const piece of body.split('&')) {
    if (piece === '') continue;
    const eq = piece.indexOf('=');
    const rawKey = eq < 0 ? piece : piece.slice(0, eq);
    const raw = eq < 0 ? '' : piece.slice(eq + 1);
    const key = decodeQueryComponent(rawKey);
    if (key === null) {
      badKeys.add(rawKey);
      continue;
    }
    const seen = params.get(key);
    if (seen) seen.count++;
    else params.set(key, { value: decodeQueryComponent(raw), raw, count: 1 });
  }
  return { params, badKeys: [...badKeys] };
}

/** The longest user text a message quotes (characters, ellipsis included). */
export const ECHO_MAX = 40;

/**
 * User text as a message quotes it: at most `max` characters, cut with an ellipsis (and never
 * through a surrogate pair).
 */
export function echo(text: string, max = ECHO_MAX): string {
  if (text.length <= max) return text;
  let cut = max - 1;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

/** Why a value (quoted by the page, as written: `echo(raw)`) cannot be read. */
export const MALFORMED_NOTE = 'malformed percent-escape';

/** Why a parameter name cannot be read. */
export const MALFORMED_KEY_NOTE = `its name has a ${MALFORMED_NOTE}`;

/** "given 2 times; the first ('0.1') is the one read" (the value is the decoded one when readable). */
export const repeatedNote = (p: QueryValue) =>
  `given ${p.count} times; the first ('${echo(p.value ?? p.raw)}') is the one read`;

/**
 * Parameters a page knowingly ignores, with the reason. `tfjsflags` is TensorFlow.js's own
 * debug switch, which tfjs reads from `location.search` at import time; the pages run tfjs only
 * in workers, whose `location` is the worker's own script, so the page's link never reaches it.
 */
const IGNORED_PARAMS: ReadonlyMap<string, string> = new Map([
  ['tfjsflags', 'TensorFlow.js flags are not read from the link'],
]);

/** Why a page ignores `key` on purpose, or undefined for a merely unknown key. */
export const ignoredNote = (key: string): string | undefined => IGNORED_PARAMS.get(key);
