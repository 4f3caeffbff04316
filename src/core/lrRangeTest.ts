/**
 * The learning-rate range test (Smith 2017, "Cyclical Learning Rates", §3.3; fastai's `lr_find`,
 * davidtvs/pytorch-lr-finder's `range_test`): train for N minibatch steps while the lr grows
 * exponentially from `startLr` to `endLr`, smooth the loss, stop once it blows up, and read
 * a learning rate off the curve of smoothed loss against log lr.
 *
 * Conventions (stated because the two references differ):
 *   - lr_i = start · (end/start)^(i/(N−1)), i = 0 … N−1: pytorch-lr-finder's ExponentialLR, both
 *     ends reached exactly (fastai's SchedExp uses i/N and never reaches `end`).
 *   - loss_i is the loss of step i, taken before that step's update, paired with lr_i, the lr the
 *     update uses (both references; as `run()` records loss and lr). On a network it is the batch
 *     loss, as in both references; on a surface the exact loss (see `surfaceRangeTest`).
 *   - smoothed_i = avg_i / (1 − β^(i+1)), avg_i = β·avg_{i−1} + (1 − β)·loss_i, avg_{−1} = 0:
 *     fastai's bias-corrected EMA, β = 0.98 (pytorch-lr-finder's smooth_f is 1 − β and has no
 *     bias correction); smoothed_0 = loss_0.
 *   - the test stops after step i when smoothed_i > threshold · min_{j≤i} smoothed_j (fastai 4,
 *     pytorch-lr-finder 5; default 4), or when loss_i is not finite. The step that trips the rule
 *     is recorded: it is the blow-up point.
 *
 * Suggestions, read off the smoothed curve with fastai's trim (the first ⌊N/10⌋ and the last 5
 * recorded steps left out: the EMA's warm-up and the blow-up itself):
 *   - steepest: fastai's `steep`, the lr_i whose segment to i+1 has the most negative slope
 *     d smoothed / d log10 lr;
 *   - minimum: the lr of the lowest smoothed loss (fastai's `minimum` reports it ÷ 10);
 *   - blow-up: the lr of the step at which the stopping rule fired (null if the test ran out).
 * The suggested OneCycle max_lr is the blow-up lr ÷ 10 (`suggestMaxLr`): a decade below where the
 * loss diverges, as fastai's `minimum` takes a decade below the best lr. The steepest point is
 * reported but not used for it: on the ill-conditioned quadratic (SGD, default settings) it
 * wanders from 0.04 to 2× the stability limit 2/λ_max with the start, κ and the noise, while
 * blow-up ÷ 10 stays at 0.2–0.94× it (κ 10–1000, batch 1, 32 or all, 100 or 300 steps).
 *
 * The core is a recorder (`createRangeTest`): the caller asks it for the next lr, runs a step at
 * that lr and hands it the loss. `rangeTest` drives it from a "step at this lr → loss" callback;
 * `surfaceRangeTest` runs it on an analytic surface through `run()` (real minibatches, any
 * optimizer, the lr overwritten each step as a scheduler would); src/gpu/train/lrRangeTest.ts
 * runs it on a network. Results are plain arrays, ready for a chart.
 */
import type { RunConfig } from './config';
import { parseScheduleConfig } from './schedules';
import type { ScheduleConfig } from './schedules/scheduleSpec';
import { getSurface } from './surfaces/registry';
import { run } from './trajectory';

export interface RangeTestSettings {
  /** lr of the first step (> 0). */
  startLr: number;
  /** lr of the last step (> startLr). */
  endLr: number;
  /** N, steps at most (≥ 2). */
  steps: number;
  /** EMA factor β of the smoothed loss, in [0, 1): 0 is no smoothing. */
  beta: number;
  /** Stop once the smoothed loss exceeds this multiple of its best so far (> 1). */
  divergeThreshold: number;
}

/** fastai's `lr_find` defaults: 1e-7 → 10 over 100 steps, β 0.98, stop at 4× the best. */
export const RANGE_TEST_DEFAULTS: Readonly<RangeTestSettings> = {
  startLr: 1e-7,
  endLr: 10,
  steps: 100,
  beta: 0.98,
  divergeThreshold: 4,
};

/** Bounds of the settings (the CLI's range checks and `rangeTestErrors` share them). */
export const RANGE_TEST_LIMITS = {
  minLr: 1e-12,
  maxLr: 1e6,
  minSteps: 2,
  maxSteps: 100_000,
  maxBeta: 0.9999,
  maxThreshold: 1e6,
} as const;

/** The settings' problems, each naming its field; empty when they are usable. */
export function rangeTestErrors(s: RangeTestSettings): string[] {
  const L = RANGE_TEST_LIMITS;
  const e: string[] = [];
  const inLr = (v: number) => Number.isFinite(v) && v >= L.minLr && v <= L.maxLr;
  if (!inLr(s.startLr)) e.push(`startLr: must be from ${L.minLr} to ${L.maxLr} (got ${s.startLr})`);
  if (!inLr(s.endLr)) e.push(`endLr: must be from ${L.minLr} to ${L.maxLr} (got ${s.endLr})`);
  else if (inLr(s.startLr) && !(s.endLr > s.startLr))
    e.push(`endLr: must be above startLr ${s.startLr} (got ${s.endLr})`);
  if (!Number.isInteger(s.steps) || s.steps < L.minSteps || s.steps > L.maxSteps)
    e.push(`steps: must be an integer from ${L.minSteps} to ${L.maxSteps} (got ${s.steps})`);
  if (!(s.beta >= 0 && s.beta <= L.maxBeta))
    e.push(`beta: must be from 0 to ${L.maxBeta} (got ${s.beta})`);
  // Infinity is fastai's stop_div=False: only a non-finite loss ends the test early.
  const t = s.divergeThreshold;
  if (!(t > 1 && (t <= L.maxThreshold || t === Infinity)))
    e.push(
      `divergeThreshold: must be above 1 and at most ${L.maxThreshold}, or Infinity (got ${t})`,
    );
  return e;
}

/** lr_i = start·(end/start)^(i/(N−1)); i = 0 gives `start` and i = N−1 gives `end` exactly. */
export function rangeTestLr(s: Pick<RangeTestSettings, 'startLr' | 'endLr' | 'steps'>, i: number) {
  if (i === 0) return s.startLr;
  if (i === s.steps - 1) return s.endLr;
  return s.startLr * Math.pow(s.endLr / s.startLr, i / (s.steps - 1));
}

/** Every lr of a full test. */
export function rangeTestLrs(s: Pick<RangeTestSettings, 'startLr' | 'endLr' | 'steps'>) {
  return Float64Array.from({ length: s.steps }, (_, i) => rangeTestLr(s, i));
}

/** Why the test ended. */
export type RangeTestStop = 'completed' | 'diverged' | 'non-finite';

export interface RangeTestPoint {
  lr: number;
  /** 0-based step. */
  index: number;
}

export interface RangeTestSuggestions {
  /** The steepest descent of the smoothed loss, with its slope (per decade of lr). */
  steepest: (RangeTestPoint & { slope: number }) | null;
  /** The lowest smoothed loss. */
  minimum: (RangeTestPoint & { loss: number }) | null;
  /** Where the stopping rule fired (divergence or a non-finite loss); null if it never did. */
  blowUp: RangeTestPoint | null;
  /** [steepest, blow-up] (or [steepest, end of the test] when nothing blew up). */
  range: [number, number] | null;
  /** The suggested OneCycleLR max_lr, and the rule that gave it. */
  maxLr: { lr: number; rule: string } | null;
}

export interface RangeTestResult {
  settings: RangeTestSettings;
  /** Completed steps; every array below holds this many entries. */
  steps: number;
  lrs: Float64Array;
  /** Raw loss of each step (before its update). */
  losses: Float64Array;
  smoothed: Float64Array;
  stop: RangeTestStop;
  /** The lowest smoothed loss. */
  best: number;
  suggestions: RangeTestSuggestions;
}

/** The recorder: ask `lr`, run a step at it, give the loss to `record`, until `done`. */
export interface RangeTest {
  /** 0-based index of the next step. */
  readonly step: number;
  /** The lr of the next step. */
  readonly lr: number;
  readonly done: boolean;
  /** The smoothed loss of the last recorded step (NaN before the first). */
  readonly smoothed: number;
  /** Records the next step's loss; returns true when the test has ended. */
  record(loss: number): boolean;
  result(): RangeTestResult;
}

export function createRangeTest(settings: RangeTestSettings): RangeTest {
  const errors = rangeTestErrors(settings);
  if (errors.length) throw new Error(`range test: ${errors.join('; ')}`);
  const s = { ...settings };
  const n = s.steps;
  const lrs = rangeTestLrs(s);
  const losses = new Float64Array(n),
    smoothed = new Float64Array(n);
  let k = 0,
    avg = 0,
    best = Infinity,
    betaPow = 1,
    stop: RangeTestStop | null = null;
  return {
    get step() {
      return k;
    },
    get lr() {
      return lrs[Math.min(k, n - 1)];
    },
    get done() {
      return stop !== null;
    },
    get smoothed() {
      return k ? smoothed[k - 1] : NaN;
    },
    record(loss) {
      if (stop) throw new Error('range test: record() after the test ended');
      avg = s.beta * avg + (1 - s.beta) * loss;
      betaPow *= s.beta;
      const sm = avg / (1 - betaPow);
      losses[k] = loss;
      smoothed[k] = sm;
      k++;
      if (!Number.isFinite(loss) || !Number.isFinite(sm)) stop = 'non-finite';
      else {
        if (sm < best) best = sm;
        if (sm > s.divergeThreshold * best) stop = 'diverged';
        else if (k === n) stop = 'completed';
      }
      return stop !== null;
    },
    result() {
      const r = {
        settings: s,
        steps: k,
        lrs: lrs.slice(0, k),
        losses: losses.slice(0, k),
        smoothed: smoothed.slice(0, k),
        stop: stop ?? 'completed',
        best,
      };
      return { ...r, suggestions: suggest(r.lrs, r.smoothed, r.stop) };
    },
  };
}

/** Runs a whole test against a "step at this lr → loss" callback (i is the 0-based step). */
export function rangeTest(
  settings: RangeTestSettings,
  stepAt: (lr: number, i: number) => number,
): RangeTestResult {
  const t = createRangeTest(settings);
  while (!t.done) t.record(stepAt(t.lr, t.step));
  return t.result();
}

/** fastai's trim: skip the EMA's first ⌊N/10⌋ steps and the last 5 recorded (the blow-up). */
export function suggestionWindow(recorded: number, steps: number): [number, number] {
  return [Math.floor(steps / 10), recorded - 5];
}

/** The suggestions of a recorded curve (see the file's comment for each rule). */
export function suggest(
  lrs: Float64Array,
  smoothed: Float64Array,
  stop: RangeTestStop,
  steps = lrs.length,
): RangeTestSuggestions {
  const k = lrs.length;
  const blowUp = stop === 'completed' || k === 0 ? null : { lr: lrs[k - 1], index: k - 1 };
  const [lo, hi] = suggestionWindow(k, steps);
  let steepest: RangeTestSuggestions['steepest'] = null;
  let minimum: RangeTestSuggestions['minimum'] = null;
  for (let i = lo; i < hi; i++) {
    if (!Number.isFinite(smoothed[i])) break;
    if (!minimum || smoothed[i] < minimum.loss)
      minimum = { lr: lrs[i], index: i, loss: smoothed[i] };
    if (i + 1 < hi && Number.isFinite(smoothed[i + 1])) {
      const slope = (smoothed[i + 1] - smoothed[i]) / Math.log10(lrs[i + 1] / lrs[i]);
      if (!steepest || slope < steepest.slope) steepest = { lr: lrs[i], index: i, slope };
    }
  }
  const upper = blowUp?.lr ?? lrs[k - 1];
  const range: [number, number] | null = steepest ? [steepest.lr, upper] : null;
  return { steepest, minimum, blowUp, range, maxLr: suggestMaxLr(blowUp, minimum) };
}

/**
 * OneCycleLR's max_lr: one decade below where the loss blew up (Smith; fastai's `minimum`
 * takes the same decade below the best lr). When nothing blew up, one decade below the lr of
 * the lowest smoothed loss.
 */
export function suggestMaxLr(
  blowUp: RangeTestPoint | null,
  minimum: RangeTestPoint | null,
): RangeTestSuggestions['maxLr'] {
  if (blowUp) return { lr: blowUp.lr / 10, rule: 'blow-up lr / 10' };
  if (minimum) return { lr: minimum.lr / 10, rule: 'minimum-loss lr / 10 (nothing blew up)' };
  return null;
}

/**
 * The "use as OneCycle max_lr" action: OneCycleLR over `totalSteps` peaking at the suggested
 * max_lr (torch's other defaults), parsed as any schedule is; null when there is no suggestion.
 */
export function oneCycleFromSuggestion(
  s: RangeTestSuggestions,
  totalSteps: number,
): ScheduleConfig | null {
  if (!s.maxLr) return null;
  const raw = { type: 'OneCycleLR', max_lr: s.maxLr.lr, total_steps: totalSteps };
  const parsed = parseScheduleConfig(raw, 'scheduler');
  if (!parsed.ok) throw new Error(parsed.errors.join('; '));
  return parsed.value;
}

/**
 * The test on an analytic surface: `run()` from the config's start with its optimizer and batch
 * (minibatch gradients of the finite sum), the test's lr replacing any schedule. The loss it
 * reads is the exact f(θ) before each step, not the batch's: a sample's loss f + ξᵢ·θ is
 * unbounded below, so near the minimum a batch loss can be negative and the multiplicative
 * stopping rule would fire on noise. For the same reason a surface unbounded below (saddle,
 * monkey_saddle) is refused. A non-finite loss, gradient or parameter ends the test.
 */
export function surfaceRangeTest(config: RunConfig, settings: RangeTestSettings): RangeTestResult {
  const refusal = surfaceRangeTestRefusal(config.surface, config.surfaceParams);
  if (refusal) throw new Error(refusal);
  const t = createRangeTest(settings);
  run(
    { ...config, steps: settings.steps, scheduler: null },
    { lr: () => t.lr, after: (_k, loss) => t.record(loss) },
  );
  // run() ended on a non-finite value before recording that step: it is the blow-up.
  if (!t.done) t.record(NaN);
  return t.result();
}

/** Why a surface cannot take the test (its loss is not bounded below by 0), or null. */
export function surfaceRangeTestRefusal(
  surface: string,
  params: Record<string, number> = {},
): string | null {
  const min = getSurface(surface, params).minimumValue;
  return min !== null && min >= 0
    ? null
    : `surface: ${surface} is unbounded below; the range test's stopping rule (smoothed loss > threshold × its best) needs a loss ≥ 0`;
}
