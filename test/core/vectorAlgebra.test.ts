import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { norm, numberAlgebra as N } from '../../src/core/algebra';
import { vectorAlgebra as V } from '../../src/core/vectorAlgebra';

const v = (...xs: number[]) => Float64Array.from(xs);
const finite = fc.double({ noNaN: true, min: -1e6, max: 1e6 });

describe('vectorAlgebra', () => {
  it('is numberAlgebra elementwise, with numbers and length-1 vectors broadcasting', () => {
    fc.assert(
      fc.property(finite, finite, finite, finite, (a, b, c, d) => {
        for (const op of ['add', 'sub', 'mul', 'div', 'maximum', 'minimum'] as const) {
          expect(Array.from(V[op](v(a, b), v(c, d)))).toEqual([N[op](a, c), N[op](b, d)]);
          expect(Array.from(V[op](v(a, b), c))).toEqual([N[op](a, c), N[op](b, c)]);
          expect(Array.from(V[op](c, v(a, b)))).toEqual([N[op](c, a), N[op](c, b)]);
          expect(Array.from(V[op](v(a, b), v(c)))).toEqual([N[op](a, c), N[op](b, c)]);
        }
        expect(Array.from(V.where(v(a, -1), v(b, c), d))).toEqual([a > 0 ? b : d, d]);
      }),
      { numRuns: 200 },
    );
  });

  it('sums the whole vector (the one reduction) and refuses lengths that do not broadcast', () => {
    expect(Array.from(V.sum(v(3, 4)))).toEqual([7]);
    expect(Array.from(norm(V, v(3, 4)))).toEqual([5]);
    // On numbers one coordinate is the whole value: norm(x) = |x|.
    expect(norm(N, -3)).toBe(3);
    expect(() => V.add(v(1, 2), v(1, 2, 3))).toThrow(/do not broadcast/);
  });
});
