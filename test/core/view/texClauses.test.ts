import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { texClauses } from '../../../src/core/view/texClauses';
import { OPTIMIZERS } from '../../../src/core/optimizers/registry';

describe('texClauses', () => {
  it('splits at top-level ",\\ " and ",\\quad", keeping each comma', () => {
    expect(texClauses('a = 1,\\ b = 2,\\quad c = 3')).toEqual(['a = 1,', 'b = 2,', 'c = 3']);
    expect(texClauses('a,\\qquad b')).toEqual(['a,', 'b']);
  });

  it('never splits inside a group, \\left…\\right or an environment', () => {
    const sgd = OPTIMIZERS.find((o) => o.id === 'sgd')!.tex;
    const parts = texClauses(sgd);
    expect(parts).toHaveLength(2);
    expect(parts[1]).toContain('\\begin{cases}');
    expect(texClauses('f\\left(a,\\ b\\right),\\ c')).toEqual(['f\\left(a,\\ b\\right),', 'c']);
    expect(texClauses('\\frac{a,\\ b}{c}')).toEqual(['\\frac{a,\\ b}{c}']);
    expect(texClauses('\\{a,\\ b\\}')).toEqual(['\\{a,', 'b\\}']);
  });

  it('a plain comma or a spacing command alone is not a separator', () => {
    expect(texClauses('\\max(a, b)\\ c')).toEqual(['\\max(a, b)\\ c']);
    expect(texClauses('x\\,y')).toEqual(['x\\,y']);
  });

  it("every record's rule splits into clauses KaTeX renders on their own (no group cut)", () => {
    for (const o of OPTIMIZERS)
      for (const clause of texClauses(o.tex))
        expect(
          () => katex.renderToString(clause, { throwOnError: true }),
          `${o.id}: ${clause}`,
        ).not.toThrow();
    // The long rules do split: Sophia's into its five clauses.
    expect(texClauses(OPTIMIZERS.find((o) => o.id === 'sophia')!.tex)).toHaveLength(5);
  });
});
