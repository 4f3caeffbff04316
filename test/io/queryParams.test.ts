import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeQuery,
  decodeQueryComponent,
  echo,
  ECHO_MAX,
  ignoredNote,
} from '../../src/io/queryParams';
import { anyText, BROKEN_ESCAPES, encodeAny, FUZZ } from './mangledLinks';

describe('decodeQuery, the one query decoder of both pages', () => {
  it('reads keys and values as URLSearchParams does: + is a space, empty pieces skipped', () => {
    const { params, badKeys } = decodeQuery('?a=1&&b=x+y%2C%C3%A9&c&=e&a=2');
    expect(badKeys).toEqual([]);
    expect([...params]).toEqual([
      ['a', { value: '1', raw: '1', count: 2 }],
      ['b', { value: 'x y,é', raw: 'x+y%2C%C3%A9', count: 1 }],
      ['c', { value: '', raw: '', count: 1 }],
      ['', { value: 'e', raw: 'e', count: 1 }],
    ]);
  });

  it('makes a value with a malformed escape unreadable, and lists a key with one as written', () => {
    for (const bad of BROKEN_ESCAPES) {
      expect(decodeQueryComponent(bad)).toBeNull();
      expect(decodeQuery(`k=${bad}`).params.get('k')).toEqual({ value: null, raw: bad, count: 1 });
      expect(decodeQuery(`${bad}=1&${bad}=2`).badKeys).toEqual([bad]);
    }
  });

  it(`agrees with URLSearchParams on ${FUZZ.numRuns} well-formed queries (first value of each key)`, () => {
    const piece = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 6 }).map(encodeURIComponent),
      fc.constantFrom('+', '%20', '%2B', '%26', '%3D', 'a', 'b'),
    );
    const query = fc
      .array(fc.tuple(fc.array(piece, { maxLength: 3 }), fc.array(piece, { maxLength: 3 })), {
        maxLength: 8,
      })
      .map((kv) => kv.map(([k, v]) => `${k.join('')}=${v.join('')}`).join('&'));
    fc.assert(
      fc.property(query, (q) => {
        const ours = decodeQuery(q);
        const theirs = new URLSearchParams(q);
        expect(ours.badKeys).toEqual([]);
        expect([...ours.params.keys()]).toEqual([...new Set(theirs.keys())]);
        expect([...ours.params].map(([k, p]) => [k, p.value, p.count])).toEqual(
          [...ours.params.keys()].map((k) => [k, theirs.get(k), theirs.getAll(k).length]),
        );
      }),
      FUZZ,
    );
  });

  it(`never throws on ${FUZZ.numRuns} arbitrary strings (lone surrogates, stray %, any bytes)`, () => {
    const any = fc.oneof(
      anyText(40),
      anyText(20).map(encodeAny),
      fc
        .array(fc.constantFrom('%', '&', '=', '+', '?', 'a', '%E0', '%A4', '%ZZ', '%ED%A0%80'), {
          maxLength: 30,
        })
        .map((a) => a.join('')),
    );
    fc.assert(
      fc.property(any, (q) => {
        const { params, badKeys } = decodeQuery(q);
        // (Plain checks in the loop: an expect() per key costs more than the decoding.)
        expect([...params.values()].every((p) => p.count > 0)).toBe(true);
        expect(new Set(badKeys).size).toBe(badKeys.length);
      }),
      FUZZ,
    );
  });
});

describe('echo, the quoting of user text in messages', () => {
  it('keeps short text and cuts long text to ECHO_MAX characters with an ellipsis', () => {
    expect(echo('0.1')).toBe('0.1');
    expect(echo('x'.repeat(ECHO_MAX))).toBe('x'.repeat(ECHO_MAX));
    expect(echo('x'.repeat(10_000))).toBe(`${'x'.repeat(ECHO_MAX - 1)}…`);
  });

  it('never cuts through a surrogate pair', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', minLength: 30, maxLength: 60 }), (s) => {
        const e = echo(s);
        expect(e.length).toBeLessThanOrEqual(ECHO_MAX);
        expect(() => encodeURIComponent(e)).not.toThrow(); // no lone surrogate
      }),
      { seed: FUZZ.seed, numRuns: 200 },
    );
  });
});

describe('ignoredNote', () => {
  it('names tfjsflags and nothing inherited from Object.prototype', () => {
    expect(ignoredNote('tfjsflags')).toMatch(/TensorFlow\.js/);
    for (const k of ['__proto__', 'constructor', 'toString', 'zoom'])
      expect(ignoredNote(k)).toBe(undefined);
  });
});
