import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../src/core/config';
import { run } from '../../src/core/trajectory';
import { referenceRuns } from './referenceCases';

/** Largest violation of |a − ref| ≤ atol + rtol·|ref| over two arrays; ≤ 0 means all within. */
function worstExcess(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  atol: number,
  rtol: number,
): number {
  let worst = -Infinity;
  for (let i = 0; i < expected.length; i++) {
    worst = Math.max(
      worst,
      Math.abs(actual[i] - expected[i]) - (atol + rtol * Math.abs(expected[i])),
    );
  }
  return worst;
}

describe('every PyTorch reference trajectory is reproduced by run()', () => {
  const cases = referenceRuns();
  it('covers all 137 reference cases', () => expect(cases.length).toBe(137));
  for (const ref of cases) {
    it(`${ref.id}: params, loss and lr on every step`, () => {
      const parsed = parseRunConfig(ref.config);
      if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
      const result = run(parsed.value);
      expect(result.divergedAt).toBeNull();
      expect(result.steps).toBe(ref.params.length);
      expect(worstExcess(result.params, ref.params.flat(), ref.atol, 1e-9)).toBeLessThanOrEqual(0);
      // Losses: |a − ref| ≤ atol·(1 + |ref|), atol inherited from the params (reference/README.md).
      expect(worstExcess(result.loss, ref.loss, ref.atol, ref.atol)).toBeLessThanOrEqual(0);
      expect(Array.from(result.lr).every((v) => v === ref.lr)).toBe(true);
    });
  }
});
