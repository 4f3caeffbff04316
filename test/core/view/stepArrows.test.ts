/** The geometry of "anatomy of a step": three displacements in parameter units, then arrows. */
import { describe, expect, it } from 'vitest';
import { parseRunConfig } from '../../../src/core/config';
import { findOptimizer } from '../../../src/core/optimizers/registry';
import { run } from '../../../src/core/trajectory';
import {
  arrowsOf,
  magnificationFor,
  MIN_ARROW,
  SHORT_ARROW,
  stepArrows,
  stepVectors,
  type StepArrowRun,
} from '../../../src/core/view/stepArrows';
import { viewScales } from '../../../src/core/view/viewScales';

function race(optimizer: Record<string, unknown>): StepArrowRun {
  const parsed = parseRunConfig({ surface: 'rosenbrock', start: [-1.5, 2], steps: 50, optimizer });
  if (!parsed.ok) throw new Error(parsed.errors.join('\n'));
  const r = run(parsed.value);
  const spec = findOptimizer(String(optimizer.type))!;
  return { ...r, start: parsed.value.start, momentOf: spec.moment ?? null };
}

describe('stepVectors', () => {
  it('update is θₖ₊₁ − θₖ; gradient −lr·g; moment −lr·m (SGD with momentum)', () => {
    const r = race({ type: 'SGD', lr: 1e-3, momentum: 0.9 });
    for (const k of [0, 1, 20, 49]) {
      const v = stepVectors(r, k)!;
      const from = k === 0 ? r.start : [r.params[2 * k - 2], r.params[2 * k - 1]];
      expect(v.index).toBe(k);
      expect(v.from).toEqual([from[0], from[1]]);
      expect(v.update).toEqual([r.params[2 * k] - from[0], r.params[2 * k + 1] - from[1]]);
      expect(v.gradient).toEqual([-1e-3 * r.grad![2 * k], -1e-3 * r.grad![2 * k + 1]]);
      // Without Nesterov the update is −lr·b: the moment arrow is the update.
      expect(v.moment![0]).toBeCloseTo(v.update[0], 12);
      expect(v.moment![1]).toBeCloseTo(v.update[1], 12);
    }
  });

  it('at the end of the run shows the last step; fractional steps floor', () => {
    const r = race({ type: 'Adam', lr: 0.1 });
    expect(stepVectors(r, 50)!.index).toBe(49);
    expect(stepVectors(r, 999)!.index).toBe(49);
    expect(stepVectors(r, 7.9)!.index).toBe(7);
    expect(stepVectors({ ...r, steps: 0, params: new Float64Array(0) }, 0)).toBeNull();
  });

  it('has no moment arrow where the state holds no buffer (SGD, momentum 0) or no record', () => {
    expect(stepVectors(race({ type: 'SGD', lr: 1e-3, momentum: 0 }), 3)!.moment).toBeNull();
    expect(stepVectors(race({ type: 'Adagrad', lr: 0.5 }), 3)!.moment).toBeNull();
  });

  it('draws a buffer kept in step units (LARS) as −b, without lr again', () => {
    const r = race({ type: 'LARS', lr: 1, momentum: 0.9, trust_coefficient: 0.01 });
    const v = stepVectors(r, 10)!;
    expect(v.moment![0]).toBeCloseTo(v.update[0], 12);
    expect(v.moment![1]).toBeCloseTo(v.update[1], 12);
  });
});

describe('magnification and arrows', () => {
  it('is the least 1–2–5 factor that makes the longest arrow MIN_ARROW long', () => {
    expect(magnificationFor(MIN_ARROW)).toBe(1);
    expect(magnificationFor(100)).toBe(1);
    expect(magnificationFor(10)).toBe(10);
    expect(magnificationFor(25)).toBe(5);
    expect(magnificationFor(MIN_ARROW / 2)).toBe(2);
    expect(magnificationFor(0.05)).toBe(2000);
    expect(magnificationFor(0)).toBe(1);
    expect(magnificationFor(1e-30)).toBe(1e6);
  });

  it('maps to the drawing with y up, one factor for all three, short ones marked', () => {
    // 10 units ↦ 600 drawing units: 1 unit = 60, y flipped.
    const s = viewScales({ xmin: 0, xmax: 10, ymin: 0, ymax: 10 }, 600, 600);
    const set = arrowsOf(
      { index: 0, from: [5, 5], gradient: [0.1, 0], moment: [0, 0.001], update: [0.05, 0.05] },
      s,
    );
    // Longest: the gradient, 6 drawing units → ×10 makes it 60, MIN_ARROW.
    expect(set.magnification).toBe(10);
    const [g, m, u] = set.arrows;
    expect([g.kind, m.kind, u.kind]).toEqual(['gradient', 'moment', 'update']);
    expect([g.x0, g.y0]).toEqual([300, 300]);
    expect(g.x1).toBeCloseTo(360, 9);
    expect(g.y1).toBeCloseTo(300, 9);
    expect(u.x1).toBeCloseTo(330, 9);
    expect(u.y1).toBeCloseTo(270, 9); // up on the plot is down on the canvas
    expect(g.short).toBe(false);
    // 0.001 × 60 × 10 = 0.6 drawing units: below SHORT_ARROW, a marker.
    expect(0.6).toBeLessThan(SHORT_ARROW);
    expect(m.short).toBe(true);
  });

  it('leaves a visible step at ×1 (Adam at the start of Rosenbrock)', () => {
    const r = race({ type: 'Adam', lr: 0.1 });
    const s = viewScales({ xmin: -2, xmax: 2, ymin: -1, ymax: 3 }, 600, 600);
    const set = stepArrows(r, 0, s)!;
    // Adam's first step moves each coordinate by lr = 0.1: 15 drawing units; −lr·g is far longer.
    expect(set.magnification).toBe(1);
    expect(set.arrows.map((a) => a.kind)).toEqual(['gradient', 'moment', 'update']);
    const u = set.arrows[2];
    expect(Math.abs(u.x1 - u.x0)).toBeCloseTo(15, 6);
  });
});
