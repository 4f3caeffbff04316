/**
 * An analytic loss surface f: R² → R with its exact gradient and Hessian (DESIGN §2).
 *
 * A surface is a plain record, in the spirit of benfred/fmin's `{f, fprime, initial, domain}`:
 * the core steps optimizers on it, the UI draws it, and neither needs to know which one it is.
 */

import type { Algebra } from '../algebra';
import type { HpValue } from '../optimizers/optimizerSpec';

/** An axis-aligned rectangle of the (x, y) plane. */
export interface ViewBox {
  xmin: number;
  xmax: number;
  ymin: number;
  ymax: number;
}

/** f(x, y) and its gradient, in some algebra (see `Surface.field`). */
export interface SurfaceField<T> {
  value: T;
  gx: T;
  gy: T;
}

export interface Surface {
  /** Registry id; also the URL and CLI value (`"rosenbrock"`). */
  readonly id: string;
  /** Human name ("Rosenbrock"). */
  readonly name: string;
  /** The formula as KaTeX source. */
  readonly tex: string;
  /** One or two sentences: what this surface teaches. */
  readonly description: string;
  /** f(x, y). */
  value(x: number, y: number): number;
  /** Writes [∂f/∂x, ∂f/∂y] into `out` (no allocation: it runs in hot loops). */
  gradient(x: number, y: number, out: Float64Array): void;
  /** Writes [f_xx, f_xy, f_yy] into `out` (the Hessian is symmetric, so three numbers suffice). */
  hessian(x: number, y: number, out: Float64Array): void;
  /**
   * f and ∇f written once against the optimizer algebra, where the formula needs only + − ×
   * (the polynomial surfaces): a trainability map (core/map) evaluates it on tensors that hold
   * one (x, y) per run. `value` and `gradient` stay as they are because the race's hot loop must
   * not allocate; test/core/surfaceField.test.ts holds the two forms equal.
   */
  readonly field?: <T>(A: Algebra<T>, x: T, y: T) => SurfaceField<T>;
  /** Suggested view. */
  readonly domain: ViewBox;
  /**
   * The global minimisers (every one has value `minimumValue`); empty when f is unbounded
   * below. Each is exact or Newton-refined, so the analytic gradient there is below 1e-8.
   */
  readonly minima: readonly (readonly [number, number])[];
  /** inf f, or null when f is unbounded below (saddle, monkey saddle). */
  readonly minimumValue: number | null;
  /** The start the lessons use unless told otherwise. */
  readonly defaultStart: readonly [number, number];
  /** Colour by log(f − min) because the range spans orders of magnitude (Rosenbrock, Beale). */
  readonly logColor: boolean;
}

/** A numeric knob of a surface family (e.g. the quadratic's condition number κ). */
export interface SurfaceParamSpec {
  key: string;
  label: string;
  default: number;
  min: number;
  max: number;
  scale?: 'log' | 'linear';
}

/**
 * How a race on this surface starts, so that picking the surface gives a good race: its
 * racers, its number of steps, and per optimizer the learning rate (and any other
 * hyperparameter) over the optimizer record's own `race` (tuned on Rosenbrock). Absent fields
 * take the page's defaults. test/state/surfaceRace.test.ts races every optimizer with them.
 */
export interface SurfaceRaceSettings {
  /** Optimizer ids of the racers a fresh race starts with. */
  readonly racers?: readonly string[];
  readonly steps?: number;
  /** Learning rate by optimizer id. */
  readonly lr?: Readonly<Record<string, number>>;
  /** Other hyperparameters by optimizer id (e.g. SGD's momentum). */
  readonly hp?: Readonly<Record<string, Readonly<Record<string, HpValue>>>>;
}

/** A registry record: one surface family and how to build an instance from its knobs. */
export interface SurfaceSpec {
  id: string;
  name: string;
  params: readonly SurfaceParamSpec[];
  /** Starting settings of a race on this surface (absent: the optimizers' own `race`). */
  race?: SurfaceRaceSettings;
  /** Builds the surface; missing params take their defaults, bad ones throw (naming the key). */
  create(params?: Record<string, number>): Surface;
}
