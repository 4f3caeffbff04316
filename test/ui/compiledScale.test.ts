import { scaleLinear, scaleLog } from 'd3';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compiledScale } from '../../src/core/view/compiledScale';

describe('compiledScale maps like the d3 scale it compiles', () => {
  const scales = {
    linear: scaleLinear().domain([-2, 3]).range([0, 600]),
    'linear, reversed range, clamped': scaleLinear()
      .domain([1e-3, 7])
      .nice()
      .range([260, 12])
      .clamp(true),
    'log, clamped': scaleLog().domain([1e-6, 250]).range([224, 12]).clamp(true),
    'log, unclamped': scaleLog().domain([0.5, 2e4]).range([0, 500]),
  };
  for (const [name, scale] of Object.entries(scales)) {
    it(name, () => {
      const f = compiledScale(scale);
      fc.assert(
        fc.property(fc.double({ min: -1e8, max: 1e8, noNaN: true }), (v) => {
          const want = scale(v),
            got = f(v);
          if (!Number.isFinite(want)) expect(Number.isFinite(got)).toBe(false);
          else expect(Math.abs(got - want)).toBeLessThanOrEqual(1e-9 * (1 + Math.abs(want)));
        }),
        { numRuns: 2000 },
      );
    });
  }
});
