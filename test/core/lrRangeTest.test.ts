import { describe, expect, it } from 'vitest';
import { parseRunConfig, type RunConfig } from '../../src/core/config';
import {
  createRangeTest,
  oneCycleFromSuggestion,
  RANGE_TEST_DEFAULTS,
  rangeTest,
  rangeTestErrors,
  rangeTestLrs,
  suggest,
  surfaceRangeTest,
  type RangeTestSettings,
} from '../../src/core/lrRangeTest';
import { createScheduler } from '../../src/core/schedules';
import { run } from '../../src/core/trajectory';

const settings = (o: Partial<RangeTestSettings> = {}): RangeTestSettings => ({
  ...RANGE_TEST_DEFAULTS,
  ...o,
});

function config(raw: Record<string, unknown>): RunConfig {
  const p = parseRunConfig(raw);
  if (!p.ok) throw new Error(p.errors.join('; '));
  return p.value;
}

const quadratic = (kappa: number, batch: Record<string, number> | null, opt = { type: 'SGD' }) =>
  config({ surface: 'quadratic', surface_params: { kappa }, optimizer: opt, batch });

describe('the lr sequence', () => {
  it.each([
    [1e-7, 10, 100],
    [1e-4, 1, 2],
    [0.003, 7.5, 37],
    [1e-12, 1e6, 1000],
  ])('is exponential from %g to %g over %i steps, both ends exact', (startLr, endLr, steps) => {
    const lrs = rangeTestLrs({ startLr, endLr, steps });
    expect(lrs.length).toBe(steps);
    expect(lrs[0]).toBe(startLr);
    expect(lrs[steps - 1]).toBe(endLr);
    const ratio = Math.pow(endLr / startLr, 1 / (steps - 1));
    for (let i = 0; i + 1 < steps; i++)
      expect(Math.abs(lrs[i + 1] / lrs[i] / ratio - 1)).toBeLessThan(1e-12);
  });

  it('is the lr each step is run at, up to where the test stops', () => {
    const seen: number[] = [];
    const r = rangeTest(settings({ steps: 50, beta: 0 }), (lr, i) => {
      seen.push(lr);
      return i < 30 ? 1 : 10; // 10 > 4 × 1: stops at step 30 (0-based)
    });
    expect(r.steps).toBe(31);
    expect(seen).toEqual(Array.from(rangeTestLrs(settings({ steps: 50 })).subarray(0, 31)));
    expect(Array.from(r.lrs)).toEqual(seen);
  });
});

describe('the smoothing and the stopping rule', () => {
  it('is the bias-corrected EMA, derived by hand for three steps (β = 0.9)', () => {
    const t = createRangeTest(settings({ beta: 0.9, steps: 3 }));
    [1, 2, 4].forEach((l) => t.record(l));
    const r = t.result();
    // avg₀ = 0.1, avg₁ = 0.09 + 0.2 = 0.29, avg₂ = 0.261 + 0.4 = 0.661; ÷ (1 − 0.9^(i+1)).
    expect(r.smoothed[0]).toBeCloseTo(1, 14);
    expect(r.smoothed[1]).toBeCloseTo(0.29 / 0.19, 14);
    expect(r.smoothed[2]).toBeCloseTo(0.661 / 0.271, 14);
    expect(Array.from(r.losses)).toEqual([1, 2, 4]);
    expect(r.stop).toBe('completed');
  });

  it('stops at the first smoothed loss above the threshold × the best, and records that step', () => {
    const losses = [8, 2, 1, 3, 4, 4.5, 6, 7];
    const at = (divergeThreshold: number) =>
      rangeTest(
        settings({ beta: 0, steps: losses.length, divergeThreshold }),
        (_lr, i) => losses[i],
      );
    // β = 0: smoothed = loss. Best 1; 4 is not above 4 × 1, 4.5 is.
    const four = at(4);
    expect(four.stop).toBe('diverged');
    expect(four.steps).toBe(6);
    expect(four.suggestions.blowUp).toEqual({ lr: four.lrs[5], index: 5 });
    const five = at(5);
    expect(five.steps).toBe(7);
    expect(at(7.5).stop).toBe('completed');
    expect(at(7.5).steps).toBe(8);
    expect(at(7.5).suggestions.blowUp).toBeNull();
  });

  it('stops on a non-finite loss and refuses more', () => {
    const t = createRangeTest(settings({ steps: 10 }));
    expect(t.record(1)).toBe(false);
    expect(t.record(Infinity)).toBe(true);
    expect(t.result().stop).toBe('non-finite');
    expect(() => t.record(1)).toThrow(/after the test ended/);
  });

  it('names each bad setting', () => {
    const e = rangeTestErrors({ startLr: 0, endLr: 1e9, steps: 1, beta: 1, divergeThreshold: 1 });
    expect(e.map((m) => m.split(':')[0])).toEqual([
      'startLr',
      'endLr',
      'steps',
      'beta',
      'divergeThreshold',
    ]);
    expect(rangeTestErrors(settings({ startLr: 1, endLr: 0.5 }))[0]).toMatch(
      /^endLr: must be above/,
    );
    expect(rangeTestErrors(RANGE_TEST_DEFAULTS)).toEqual([]);
  });
});

describe('the suggestions', () => {
  it('find the steepest descent per decade and the minimum inside fastai’s window', () => {
    // 40 steps: the window is [4, 35). Steepest drop between 20 and 21; minimum at 30.
    const n = 40;
    const lrs = rangeTestLrs({ startLr: 1e-4, endLr: 1, steps: n });
    const curve = Float64Array.from({ length: n }, (_, i) =>
      i < 4 ? -100 : i <= 20 ? 10 - 0.1 * i : i <= 30 ? 5 - 0.1 * i : 100,
    );
    const s = suggest(lrs, curve, 'diverged');
    expect(s.steepest?.index).toBe(20);
    expect(s.steepest?.slope).toBeCloseTo((2.9 - 8) / Math.log10(lrs[21] / lrs[20]), 9);
    expect(s.minimum).toEqual({ lr: lrs[30], index: 30, loss: curve[30] });
    expect(s.blowUp).toEqual({ lr: lrs[n - 1], index: n - 1 });
    expect(s.range).toEqual([lrs[20], lrs[n - 1]]);
    expect(s.maxLr).toEqual({ lr: lrs[n - 1] / 10, rule: 'blow-up lr / 10' });
    // Nothing blew up: a decade below the minimum.
    expect(suggest(lrs, curve, 'completed').maxLr?.lr).toBe(lrs[30] / 10);
  });
});

describe('the OneCycle action', () => {
  it('makes a OneCycleLR that peaks at the suggested max_lr, and runs it on the surface', () => {
    const cfg = quadratic(25, { size: 32, samples: 256, noise: 1, seed: 0 });
    const r = surfaceRangeTest(cfg, settings());
    const sched = oneCycleFromSuggestion(r.suggestions, 200)!;
    expect(sched).toMatchObject({ type: 'OneCycleLR', max_lr: r.suggestions.maxLr!.lr });
    const s = createScheduler(sched, { lr: 1, momentum: 0, momentumKey: 'momentum' });
    let peak = 0;
    for (let k = 0; k < 200; k++, s.advance()) peak = Math.max(peak, s.lr);
    expect(peak).toBeCloseTo(r.suggestions.maxLr!.lr, 15);
    // Trained with it, SGD converges where the blow-up lr itself would not.
    const trained = run({ ...cfg, steps: 200, scheduler: sched });
    expect(trained.divergedAt).toBeNull();
    expect(trained.loss[199]).toBeLessThan(1e-2 * trained.loss[0]);
    const atBlowUp = {
      ...cfg.optimizer,
      hp: { ...cfg.optimizer.hp, lr: r.suggestions.blowUp!.lr },
    };
    const blown = run({ ...cfg, steps: 200, optimizer: atBlowUp });
    expect(blown.divergedAt ?? Infinity).toBeLessThan(200);
    const noSuggestion = { ...r.suggestions, maxLr: null };
    expect(oneCycleFromSuggestion(noSuggestion, 200)).toBeNull();
  });
});

describe('on an analytic surface', () => {
  const batch32 = { size: 32, samples: 256, noise: 1, seed: 0 };
  it.each([
    [25, batch32],
    [100, batch32],
    [1000, batch32],
    [25, null],
  ])(
    'quadratic κ = %i, SGD, batch %o: max_lr is below 2/λ_max and above a tenth of it',
    (kappa, batch) => {
      const limit = 2 / kappa; // λ_max = κ
      const r = surfaceRangeTest(quadratic(kappa, batch), settings());
      expect(r.stop).toBe('diverged');
      // Gradient descent on a quadratic cannot blow up below its stability limit.
      expect(r.suggestions.blowUp!.lr).toBeGreaterThan(limit);
      const maxLr = r.suggestions.maxLr!.lr;
      expect(maxLr).toBeLessThan(limit);
      expect(maxLr).toBeGreaterThan(0.1 * limit);
    },
  );

  it('records run()’s exact loss at the test’s lrs, with minibatch gradients', () => {
    const cfg = quadratic(25, { size: 8, samples: 256, noise: 1, seed: 3 });
    const s = settings({ steps: 60, endLr: 0.05 });
    const r = surfaceRangeTest(cfg, s);
    expect(r.stop).toBe('completed');
    const lrs = rangeTestLrs(s);
    const same = run({ ...cfg, steps: 60 }, { lr: (k) => lrs[k], after: () => false });
    expect(Array.from(r.losses)).toEqual(Array.from(same.loss));
    expect(Array.from(same.lr)).toEqual(Array.from(lrs));
    // The gradients are the batches': the full batch takes another path.
    const full = surfaceRangeTest(quadratic(25, { size: 256, samples: 256, noise: 1, seed: 3 }), s);
    expect(Math.abs(full.losses[59] - r.losses[59])).toBeGreaterThan(1e-3);
  });

  it('refuses a surface unbounded below, naming the field', () => {
    expect(() =>
      surfaceRangeTest(config({ surface: 'saddle', optimizer: { type: 'SGD' } }), settings()),
    ).toThrow(/^surface: saddle is unbounded below/);
  });

  it('is reproducible for a seed and changes with it', () => {
    const at = (seed: number) =>
      surfaceRangeTest(
        quadratic(100, { size: 16, samples: 256, noise: 1, seed }, { type: 'Adam' }),
        settings(),
      );
    const a = at(5);
    expect(at(5)).toEqual(a);
    expect(Array.from(at(6).losses)).not.toEqual(Array.from(a.losses));
  });

  it('ends on a non-finite loss as its blow-up without a threshold (fastai’s stop_div=False)', () => {
    const r = surfaceRangeTest(
      quadratic(25, null),
      settings({ startLr: 1, endLr: 1e6, steps: 400, divergeThreshold: Infinity }),
    );
    expect(r.stop).toBe('non-finite');
    expect(Number.isFinite(r.losses[r.steps - 1])).toBe(false);
    expect(r.suggestions.blowUp).toEqual({ lr: r.lrs[r.steps - 1], index: r.steps - 1 });
  });
});
