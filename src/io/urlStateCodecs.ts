import { echo } from './queryParams';

/**
 * Value codecs for URL parameters: each turns one readable string into a typed value (or a
 * complaint) and back. `format(parse(s))` need not equal `s`, but `parse(format(v))` equals v.
 */
export interface Codec<T> {
  parse(raw: string): { ok: true; value: T } | { ok: false; error: string };
  format(value: T): string;
}

const ok = <T>(value: T) => ({ ok: true as const, value });
const bad = (error: string) => ({ ok: false as const, error });

/** A finite number; `check` returns a complaint or null. Written in JS's shortest round-trip form. */
export function numberCodec(check: (v: number) => string | null = () => null): Codec<number> {
  return {
    parse(raw) {
      const v = raw.trim() === '' ? NaN : Number(raw);
      if (!Number.isFinite(v)) return bad('must be a finite number');
      const why = check(v);
      // -0 reads as 0 (String(-0) is '0': the link writes it so, and reads it back the same).
      return why ? bad(why) : ok(v + 0);
    },
    format: (v) => String(v),
  };
}

export function intCodec(min: number, max: number): Codec<number> {
  return numberCodec((v) =>
    Number.isInteger(v) && v >= min && v <= max ? null : `must be an integer from ${min} to ${max}`,
  );
}

export const boolCodec: Codec<boolean> = {
  parse: (raw) =>
    raw === '1' || raw === 'true'
      ? ok(true)
      : raw === '0' || raw === 'false'
        ? ok(false)
        : bad('must be 1 or 0'),
  format: (v) => (v ? '1' : '0'),
};

export function enumCodec<T extends string>(values: readonly T[]): Codec<T> {
  return {
    parse: (raw) =>
      (values as readonly string[]).includes(raw)
        ? ok(raw as T)
        : bad(`must be one of ${values.join(', ')}`),
    format: (v) => v,
  };
}

/** Comma-separated values, each through `item`; `length` fixes the count (pairs, points). */
export function listCodec<T>(
  item: Codec<T>,
  opts: { length?: number; min?: number; unique?: boolean } = {},
): Codec<T[]> {
  return {
    parse(raw) {
      const parts = raw === '' ? [] : raw.split(',');
      if (opts.length !== undefined && parts.length !== opts.length)
        return bad(`must be ${opts.length} comma-separated values`);
      if (opts.min !== undefined && parts.length < opts.min)
        return bad(`must list at least ${opts.min} value${opts.min > 1 ? 's' : ''}`);
      const out: T[] = [];
      for (const p of parts) {
        const r = item.parse(p);
        if (!r.ok) return bad(`'${echo(p)}': ${r.error}`);
        out.push(r.value);
      }
      if (opts.unique && new Set(out).size !== out.length) return bad('must not repeat a value');
      return ok(out);
    },
    format: (v) => v.map((x) => item.format(x)).join(','),
  };
}

/** A value or the word `none` (torch's None). */
export function nullableCodec<T>(inner: Codec<T>): Codec<T | null> {
  return {
    parse: (raw) => (raw === 'none' ? ok(null) : inner.parse(raw)),
    format: (v) => (v === null ? 'none' : inner.format(v)),
  };
}
