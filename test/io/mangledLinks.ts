/**
 * Mangled links for the fuzz tests of both pages' URL codecs (urlState.fuzz.test.ts,
 * test/state/landscapeUrl.fuzz.test.ts): a query string built from entries whose values are
 * known to be invalid for every key ('bad') or may be anything ('maybe'), so a property can say
 * which keys the parser must name and what the state must be without re-implementing it.
 */
import fc from 'fast-check';
import { decodeQueryComponent } from '../../src/io/queryParams';

/** One `key=value` piece as written in the link (both already percent-encoded or mangled). */
export interface Entry {
  key: string;
  /** null: the key alone, with no '=' (its value reads as ''). */
  value: string | null;
  /** 'bad': no key of either page accepts this value; 'maybe': valid for some keys, or not. */
  tag: 'bad' | 'maybe';
}

export interface MangledLink {
  query: string;
  entries: Entry[];
}

/** Percent-escapes that are not UTF-8 (truncated, not hex, an encoded lone surrogate, a stray %). */
export const BROKEN_ESCAPES = [
  '%',
  '%E0%A4%A',
  '%ZZ',
  '%ED%A0%80',
  '%C3',
  '%%',
  '%G1',
  'abc%',
  '1%2',
  '0.1%',
  '%FF%FE',
  '%E2%82',
];

/** 10,000 characters: echoed in full, it made the page 100,000 px wide. */
export const HUGE = 'x'.repeat(10_000);

/** Values no key of either page accepts. */
const badValue: fc.Arbitrary<string | null> = fc.oneof(
  fc.constantFrom<string | null>(
    null,
    '',
    'banana',
    'NaN',
    'Infinity',
    '-Infinity',
    '1e999',
    '-1e999',
    'null',
    'undefined',
    '%20',
    HUGE,
    '9'.repeat(10_000),
  ),
  fc.constantFrom(...BROKEN_ESCAPES),
  // A broken escape inside or around otherwise fine text.
  fc
    .tuple(
      fc.constantFrom('0.1', 'adam', 'resnet-20', 'on', '1'),
      fc.constantFrom(...BROKEN_ESCAPES),
    )
    .map(([a, b]) => a + b),
);

/**
 * Any string as a link carries it: percent-encoded UTF-8, except that a lone surrogate (which
 * encodeURIComponent refuses) is written as its three CESU bytes, which no decoder accepts.
 */
export function encodeAny(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const pair =
      c >= 0xd800 && c <= 0xdbff && i + 1 < s.length && (s.charCodeAt(i + 1) & 0xfc00) === 0xdc00;
    if (pair) {
      out += encodeURIComponent(s.slice(i, i + 2));
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff)
      out += [0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63)]
        .map((b) => `%${b.toString(16).toUpperCase()}`)
        .join('');
    else out += encodeURIComponent(s[i]);
  }
  return out;
}

/**
 * Any UTF-16 text, lone surrogates included (fc.string's 'binary' unit does the same, but builds
 * a table of every code point first: 2 s per test file).
 */
export function anyText(maxLength: number): fc.Arbitrary<string> {
  const unit = fc.oneof(
    { weight: 3, arbitrary: fc.integer({ min: 0, max: 0x7f }).map((c) => String.fromCharCode(c)) },
    {
      weight: 3,
      arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    },
    {
      weight: 1,
      arbitrary: fc.integer({ min: 0x10000, max: 0x10ffff }).map((c) => String.fromCodePoint(c)),
    },
  );
  return fc.array(unit, { maxLength }).map((a) => a.join(''));
}

/** Random bytes, percent-encoded: mostly not UTF-8 (malformed), sometimes readable text. */
const percentBytes = fc
  .uint8Array({ maxLength: 12 })
  .map((b) => [...b].map((x) => `%${x.toString(16).padStart(2, '0')}`).join(''));

/** Values that may suit some key: tokens of both pages, numbers, random text and bytes. */
function maybeValue(tokens: readonly string[]): fc.Arbitrary<string | null> {
  return fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...tokens) },
    { weight: 2, arbitrary: fc.double().map((x) => encodeURIComponent(String(x))) },
    { weight: 2, arbitrary: fc.integer({ min: -5, max: 20_000 }).map(String) },
    { weight: 1, arbitrary: anyText(12).map(encodeAny) },
    { weight: 1, arbitrary: percentBytes },
    { weight: 1, arbitrary: badValue },
  );
}

/**
 * A mangled link over `known` keys (and unknown, mangled and huge ones): entries in random order
 * with repeats, maybe a leading '?', empty pieces ('a&&b'); `tokens` are values the page knows.
 */
export function mangledLink(
  known: readonly string[],
  tokens: readonly string[],
): fc.Arbitrary<MangledLink> {
  const key = fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...known) },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'zoom',
        'lr.bogus',
        'tfjsflags',
        '__proto__',
        'constructor',
        'toString',
        '',
        'x'.repeat(5_000),
      ),
    },
    { weight: 1, arbitrary: anyText(10).map(encodeAny) },
    { weight: 1, arbitrary: fc.constantFrom('%ZZ', 'model%', '%E0%A4%A', 'lr.adam%', '%ED%A0%80') },
  );
  const entry: fc.Arbitrary<Entry> = fc.oneof(
    fc.record({ key, value: badValue, tag: fc.constant('bad' as const) }),
    fc.record({ key, value: maybeValue(tokens), tag: fc.constant('maybe' as const) }),
  );
  return fc
    .record({
      entries: fc.array(entry, { maxLength: 14 }),
      question: fc.boolean(),
      empties: fc.array(fc.nat(14), { maxLength: 2 }),
    })
    .map(({ entries, question, empties }) => {
      const pieces = entries.map((e) => (e.value === null ? e.key : `${e.key}=${e.value}`));
      for (const at of empties) pieces.splice(Math.min(at, pieces.length), 0, '');
      return { query: (question ? '?' : '') + pieces.join('&'), entries };
    });
}

/** An entry's key as the page reads it; null when the key's own escapes are malformed. */
export const keyOf = (e: Entry) => decodeQueryComponent(e.key);

/** An empty piece ('a&&b', or '&' alone with no key) is no parameter at all. */
const isParam = (e: Entry) => !(e.key === '' && e.value === null);

/**
 * The readable keys whose first occurrence is bad (the page must name each and keep its default),
 * the keys given more than once, and the unreadable keys (as written).
 */
export function classify(entries: readonly Entry[]): {
  badFirst: Set<string>;
  repeated: Set<string>;
  unreadable: Set<string>;
} {
  const first = new Map<string, Entry>();
  const repeated = new Set<string>();
  const unreadable = new Set<string>();
  for (const e of entries.filter(isParam)) {
    const k = keyOf(e);
    if (k === null) unreadable.add(e.key);
    else if (first.has(k)) repeated.add(k);
    else first.set(k, e);
  }
  const badFirst = new Set([...first].filter(([, e]) => e.tag === 'bad').map(([k]) => k));
  return { badFirst, repeated, unreadable };
}

/** The link without any entry of `keys` (what the page must read when it rejects them). */
export function without(link: MangledLink, keys: ReadonlySet<string>): string {
  return link.entries
    .filter(isParam)
    .filter((e) => {
      const k = keyOf(e);
      return k === null || !keys.has(k);
    })
    .map((e) => (e.value === null ? e.key : `${e.key}=${e.value}`))
    .join('&');
}

/** The seed and the case count of every fuzz property (fixed, so a failure reproduces). */
export const FUZZ = { seed: 16, numRuns: 1_000 } as const;
