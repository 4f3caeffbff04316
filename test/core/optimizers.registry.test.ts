/**
 * The optimizer registry's records carry their own facts: each hyperparameter's slider range,
 * each pair's entries, and the race's learning rate. Adding an optimizer is its file and one
 * registry line; these checks say what that file must hold.
 */
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { OPTIMIZERS, findOptimizer } from '../../src/core/optimizers/registry';
import type { HpSpec } from '../../src/core/optimizers/optimizerSpec';
import type { SliderScale } from '../../src/core/view/sliderScale';

/** A slider never offers a value torch would refuse. */
function withinBounds(spec: HpSpec, s: SliderScale): boolean {
  const lo = s.zero ? 0 : s.min;
  const okLow = spec.min === undefined || (spec.minExclusive ? lo > spec.min : lo >= spec.min);
  const okHigh =
    spec.max === undefined || (spec.maxExclusive ? s.max < spec.max : s.max <= spec.max);
  return okLow && okHigh && s.min < s.max;
}

describe('optimizer records', () => {
  it('have unique types and ids, each found by either', () => {
    expect(new Set(OPTIMIZERS.map((o) => o.id)).size).toBe(OPTIMIZERS.length);
    expect(new Set(OPTIMIZERS.map((o) => o.type)).size).toBe(OPTIMIZERS.length);
    for (const o of OPTIMIZERS) {
      expect(findOptimizer(o.id)).toBe(o);
      expect(findOptimizer(o.type)).toBe(o);
    }
  });

  it('give every numeric hyperparameter a slider, and every pair two, inside the legal bounds', () => {
    for (const o of OPTIMIZERS)
      for (const h of o.hyperparams) {
        const where = `${o.id}.${h.key}`;
        if (h.kind === 'number') {
          expect(h.slider, where).toBeDefined();
          expect(withinBounds(h, h.slider!), where).toBe(true);
        } else if (h.kind === 'pair') {
          expect(h.entries?.length, where).toBe(2);
          for (const e of h.entries!)
            expect(withinBounds(h, e.slider), `${where} ${e.label}`).toBe(true);
        }
      }
  });

  it('write their update rule in TeX that KaTeX renders', () => {
    for (const o of OPTIMIZERS)
      expect(() => katex.renderToString(o.tex, { throwOnError: true }), o.id).not.toThrow();
  });

  it('name only their own hyperparameters in the race settings, and every default has a control', () => {
    for (const o of OPTIMIZERS) {
      const keys = o.hyperparams.map((h) => h.key);
      expect(
        Object.keys(o.race ?? {}).filter((k) => !keys.includes(k)),
        o.id,
      ).toEqual([]);
      expect(Object.keys(o.defaults).sort(), o.id).toEqual([...keys].sort());
    }
  });
});
