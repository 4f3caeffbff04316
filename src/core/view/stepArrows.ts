import type { MomentSpec } from '../optimizers/optimizerSpec';
import type { ViewScales } from './viewScales';

/**
 * "Anatomy of a step": at the shown point θₖ, the step the optimizer takes from it (step k+1),
 * split into what drives it. All three are displacements in parameter units, the contour axes'
 * units, so their lengths compare honestly:
 * - `gradient`: −lrₖ·gₖ, the step plain gradient descent would take with this lr (g is the
 *   gradient the step used, the minibatch gradient when sampling);
 * - `moment`: −lrₖ·mₖ₊₁, the same lr on the optimizer's momentum / first-moment buffer after the
 *   step (not bias-corrected, not divided by √v); a buffer kept in step units (LARS: it holds lr)
 *   is drawn as −b itself;
 * - `update`: θₖ₊₁ − θₖ, what the optimizer actually did.
 */
export type StepArrowKind = 'gradient' | 'moment' | 'update';

/** What one racer's run gives the arrows (RacerResult and the trajectory scene's runs alike). */
export interface StepArrowRun {
  start: readonly [number, number];
  /** θ after each step, flat [x₁, y₁, x₂, y₂, …] (RunResult.params). */
  params: Float64Array;
  steps: number;
  /** The gradient each step used, flat (RunResult.grad). */
  grad?: Float64Array | null;
  /** The lr each step used (RunResult.lr). */
  lr?: Float64Array | null;
  /** The buffer after each step, flat, NaN where there is none (RunResult.moment). */
  moment?: Float64Array | null;
  momentOf?: MomentSpec | null;
}

type Vec = readonly [number, number];

/** The three displacements of one step, in parameter units; null where the run has none. */
export interface StepVectors {
  /** 0-based: the vectors of step `index` + 1, taken from θ_index (0 = the start). */
  index: number;
  from: Vec;
  gradient: Vec | null;
  moment: Vec | null;
  update: Vec;
}

/**
 * The step from the shown point: `shown` steps played (the painter's step), so the step taken
 * from θ_shown; at the end of the run, where no step follows, the last one (from θ_{steps−1}).
 */
export function stepVectors(run: StepArrowRun, shown: number): StepVectors | null {
  if (run.steps < 1 || run.params.length < 2 * run.steps) return null;
  const k = Math.max(0, Math.min(Math.floor(shown), run.steps - 1));
  const p = run.params;
  const from: Vec = k === 0 ? [run.start[0], run.start[1]] : [p[2 * k - 2], p[2 * k - 1]];
  const update: Vec = [p[2 * k] - from[0], p[2 * k + 1] - from[1]];
  const lr = run.lr && run.lr.length > k ? run.lr[k] : NaN;
  const scaled = (flat: Float64Array | null | undefined, by: number): Vec | null => {
    if (!flat || flat.length < 2 * k + 2) return null;
    const v: Vec = [-by * flat[2 * k], -by * flat[2 * k + 1]];
    return Number.isFinite(v[0]) && Number.isFinite(v[1]) ? v : null;
  };
  return {
    index: k,
    from,
    gradient: scaled(run.grad, lr),
    moment: scaled(run.moment, run.momentOf?.units === 'step' ? 1 : lr),
    update,
  };
}

/** One arrow in drawing units: from (x0, y0) to (x1, y1). */
export interface StepArrow {
  kind: StepArrowKind;
  x0: number;
  y0: number;
  x1: number;
  y1: number;
  /** Too short to show as an arrow even magnified (under SHORT_ARROW): drawn as a marker. */
  short: boolean;
}

export interface StepArrows {
  index: number;
  /**
   * How much every arrow of this racer is lengthened (1, 2, 5, 10, 20, …): the least that makes
   * its longest arrow MIN_ARROW drawing units long, so the three keep their proportions.
   */
  magnification: number;
  arrows: StepArrow[];
}

/** The longest arrow of a racer is magnified up to this length (drawing units; the race is 600 wide: a tenth of it). */
export const MIN_ARROW = 60;
/** Arrows shorter than this after magnification have no room for a head. */
export const SHORT_ARROW = 4;
/** Beyond this a step is as good as zero at any zoom: its arrows stay markers. */
export const MAX_MAGNIFICATION = 1e6;

/** The least factor of the 1–2–5 series that brings `length` to at least `target` (1 if it is there). */
export function magnificationFor(length: number, target = MIN_ARROW): number {
  if (!(length > 0) || length >= target) return 1;
  for (let decade = 1; decade <= MAX_MAGNIFICATION; decade *= 10)
    for (const f of [1, 2, 5]) if (f * decade * length >= target) return f * decade;
  return MAX_MAGNIFICATION;
}

/** Drawing coordinates far outside the view are clamped, as trajectoryPoints does. */
const CLAMP = 1e4;
const clamp = (v: number) => (v > CLAMP ? CLAMP : v < -CLAMP ? -CLAMP : v);

/** The step's vectors as arrows on the race's drawing (one magnification for the racer). */
export function arrowsOf(v: StepVectors, s: ViewScales): StepArrows {
  const x0 = s.x(v.from[0]),
    y0 = s.y(v.from[1]);
  const parts = (
    [
      ['gradient', v.gradient],
      ['moment', v.moment],
      ['update', v.update],
    ] as const
  ).flatMap(([kind, d]) =>
    d ? [{ kind, dx: s.x(v.from[0] + d[0]) - x0, dy: s.y(v.from[1] + d[1]) - y0 }] : [],
  );
  const longest = Math.max(0, ...parts.map((p) => Math.hypot(p.dx, p.dy)));
  const magnification = magnificationFor(longest);
  return {
    index: v.index,
    magnification,
    arrows: parts.map(({ kind, dx, dy }) => ({
      kind,
      x0: clamp(x0),
      y0: clamp(y0),
      x1: clamp(x0 + magnification * dx),
      y1: clamp(y0 + magnification * dy),
      short: magnification * Math.hypot(dx, dy) < SHORT_ARROW,
    })),
  };
}

/** The arrows of the step from the shown point, or null for a run with no step. */
export function stepArrows(run: StepArrowRun, shown: number, s: ViewScales): StepArrows | null {
  const v = stepVectors(run, shown);
  return v ? arrowsOf(v, s) : null;
}
