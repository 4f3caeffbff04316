import {
  decodeQuery,
  echo,
  ignoredNote,
  MALFORMED_KEY_NOTE,
  MALFORMED_NOTE,
  repeatedNote,
  type QueryValue,
} from './queryParams';
import type { Codec } from './urlStateCodecs';

/**
 * The one mechanism behind every page's link (as tensorflow/playground's state table): a page
 * declares a table of fields, each a key with a value codec and where it lives in the page's
 * state `S`; reading and writing the link, the embeds' `set`/`get` and the messages about bad
 * parameters all come from that table. The tables live beside the stores they fill
 * (`state/raceUrl.ts`, `state/landscapeUrl.ts`).
 */
export interface UrlField<S, T = unknown> {
  key: string;
  codec: Codec<T>;
  get(s: S): T;
  set(s: S, v: T): void;
  /** Its default in context; a value equal to it is left out of the link, unless `always`. */
  def(s: S): T;
  always?: boolean;
  /** Read when present but not written. */
  skip?(s: S): boolean;
}

/** A field, checked against its own value type, then kept in a table of mixed types. */
export const urlField = <S, T>(f: UrlField<S, T>): UrlField<S> => f as unknown as UrlField<S>;

/**
 * A page's table: groups of fields in order, each group a function of the state read so far,
 * since some keys exist only because of earlier ones (the race's `lr.<racer>` after `opt=`).
 */
export type UrlTable<S> = readonly ((s: S) => readonly UrlField<S>[])[];

/** The message for one parameter, in the same words on every page. */
export const paramNote = (key: string, why: string): string =>
  `Invalid URL parameter '${echo(key)}': ${why}`;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
/** Commas stay readable (`opt=adam,sgd`); everything else is percent-encoded. */
const enc = (v: string) => encodeURIComponent(v).replace(/%2C/gi, ',');

/** The state's parameters, in the table's order, defaults left out: `[key, value]` pairs. */
export function tableParams<S>(table: UrlTable<S>, state: S): [string, string][] {
  const out: [string, string][] = [];
  for (const group of table)
    for (const f of group(state)) {
      if (f.skip?.(state)) continue;
      const v = f.get(state);
      if (v === undefined || (!f.always && same(v, f.def(state)))) continue;
      out.push([f.key, f.codec.format(v)]);
    }
  return out;
}

/** The state as a query string without the leading '?': readable keys, defaults left out. */
export const writeUrlTable = <S>(table: UrlTable<S>, state: S): string =>
  tableParams(table, state)
    .map(([k, v]) => `${k}=${enc(v)}`)
    .join('&');

export interface TableRead {
  /** One message per bad parameter (value, escape, repetition), each naming its key. */
  errors: string[];
  /** The link's parameters, decoded. */
  params: ReadonlyMap<string, QueryValue>;
  /** The keys of the table, for the page to name the link's other keys. */
  used: ReadonlySet<string>;
}

/**
 * Reads a query string (with or without '?') into `state` (which holds the defaults): a bad value,
 * or one with a malformed percent-escape, leaves the default and is named; a repeated parameter is
 * read once, from its first value, and named. Never throws (queryParams.ts decodes any link).
 * Keys the table does not know are the page's to name (`unknownNote`).
 */
export function readUrlTable<S>(table: UrlTable<S>, query: string, state: S): TableRead {
  const { params, badKeys } = decodeQuery(query);
  const errors: string[] = [];
  const say = (key: string, why: string) => errors.push(paramNote(key, why));
  for (const key of badKeys) say(key, `${MALFORMED_KEY_NOTE}; ignored`);
  const used = new Set<string>();
  for (const group of table)
    for (const f of group(state)) {
      const p = params.get(f.key);
      used.add(f.key);
      if (p === undefined) continue;
      if (p.count > 1) say(f.key, repeatedNote(p));
      if (p.value === null) {
        say(f.key, `${MALFORMED_NOTE} (got '${echo(p.raw)}'); using the default`);
        continue;
      }
      const r = f.codec.parse(p.value);
      if (r.ok) f.set(state, r.value);
      else say(f.key, `${r.error} (got '${echo(p.value)}'); using the default`);
    }
  return { errors, params, used };
}

/** The message for a key no table field reads, unless the page knows better (`why`). */
export const unknownNote = (key: string, why?: string | null): string =>
  paramNote(key, `${why ?? ignoredNote(key) ?? 'unknown parameter'}; ignored`);
