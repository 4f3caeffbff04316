import type { Algebra } from '../algebra';
import type { SliderScale } from '../view/sliderScale';

/** Hyperparameter values as torch takes them: numbers, booleans and (beta1, beta2) pairs. */
export type HpValue = number | boolean | readonly [number, number];
export type Hyperparams = Record<string, HpValue>;

/** How a hyperparameter is described, validated and offered as a control. */
export interface HpSpec {
  /** torch's keyword, e.g. `lr`, `betas`, `weight_decay`. */
  key: string;
  kind: 'number' | 'boolean' | 'pair';
  /** Human name shown beside the control ("Learning rate"). */
  label: string;
  /** Lower bound, inclusive unless `minExclusive`. Pairs apply bounds to each entry. */
  min?: number;
  minExclusive?: boolean;
  /** Upper bound, inclusive unless `maxExclusive`. */
  max?: number;
  maxExclusive?: boolean;
  /** Slider scale hint for the UI. */
  scale?: 'log' | 'linear';
  /**
   * The slider: the range worth sweeping by hand (min/max above say what is legal). A value
   * outside it (from a link) is kept and shown, with the slider at its end.
   */
  slider?: SliderScale;
  /** Pairs: each entry's own label and slider, e.g. β₁ and β₂. */
  entries?: readonly [PairEntry, PairEntry];
}

export interface PairEntry {
  label: string;
  slider: SliderScale;
}

/**
 * Optimizer state: named values of the algebra's type (moment buffers) or plain numbers
 * (per-run scalars such as NAdam's μ-product); `null` for a buffer not yet created.
 */
export type OptState<T> = Record<string, T | number | null>;

/**
 * Second-order information a step may use, where the run can provide it. On a 2-D surface
 * run() gives the exact Hessian at θ (the point whose gradient drives the step); networks give
 * none yet, so an optimizer that needs it says so (`curvature`) and is offered on surfaces only.
 */
export interface StepContext<T> {
  /**
   * (H + δI)⁻¹v; with `abs`, (|H| + δI)⁻¹v where |H| = Q|Λ|Qᵀ takes the absolute value of each
   * eigenvalue (Dauphin et al. 2014). H is the exact Hessian at θ.
   */
  solveHessian?(v: T, damping: number, abs: boolean): T;
  /** diag(H): the exact diagonal of the Hessian at θ (Sophia's exact estimator). */
  hessianDiag?(): T;
  /** Hv, the Hessian-vector product at θ (Hutchinson's estimator u ⊙ Hu). */
  hvp?(v: T): T;
  /**
   * A Rademacher vector shaped like `like` (entries ±1, each with probability ½), a pure
   * function of (seed, draw): the same pair gives the same vector, so a run is reproducible.
   */
  rademacher?(like: T, seed: number, draw: number): T;
  /**
   * Small dense linear algebra on the whole 2-D parameter (`core/dense2.ts`): what full-matrix
   * AdaGrad, Shampoo and SOAP need. Offered on the 2-D surfaces only.
   */
  dense?: Dense2<T>;
}

/**
 * 2×2 matrices for a 2-vector parameter: a symmetric S stored as [s00, s01, s11], a general
 * (orthogonal) Q column-major as [q00, q10, q01, q11], its columns the basis vectors.
 */
export interface Dense2<T> {
  /** v vᵀ, symmetric. */
  outer(v: T): T;
  /** f(S)v = Q f(Λ) Qᵀv, S = QΛQᵀ (f gets each eigenvalue; clamp rounding negatives there). */
  symFn(S: T, f: (lambda: number) => number, v: T): T;
  /** The eigenvectors of S as Q's columns, the largest eigenvalue's first. */
  eigvecs(S: T): T;
  /** Qᵀv: v in the basis of Q's columns. */
  project(Q: T, v: T): T;
  /** Qw: back from that basis. */
  projectBack(Q: T, w: T): T;
  /** Q's columns reordered by their Rayleigh quotients qᵀSq, largest first; v's entries alike. */
  sortColumns(S: T, Q: T, v: T): { Q: T; v: T };
  /** One power iteration SQ, orthonormalised (the Q factor of a QR decomposition). */
  powerQR(S: T, Q: T): T;
}

/** What one optimizer step returns: the new parameter and the new state. */
export interface StepResult<T> {
  theta: T;
  state: OptState<T>;
}

/**
 * One torch.optim optimizer, written once against an elementwise algebra.
 *
 * `step` gets the step count `t` (1-based, torch's `state['step']` after its increment) and
 * this step's hyperparameters (lr, and momentum/betas where a schedule cycles them, are
 * already the scheduled values). It must not mutate `state`: it returns a new one.
 */
export interface OptimizerSpec<H extends Hyperparams = Hyperparams> {
  /** torch.optim class name, also the config `type` ("SGD", "AdamW", ...). */
  type: string;
  /** A short id for URLs and the CLI ("sgd", "adamw"). */
  id: string;
  /** One-line description for the UI. */
  summary: string;
  /** The update rule as TeX, shown beside the controls. */
  tex: string;
  defaults: H;
  /**
   * Where the race differs from torch's defaults: the learning rate (and momentum) that make a
   * good race on the default surface (Rosenbrock from (−1.5, 2), 300 steps), where torch's
   * defaults would barely move (absent: torch's defaults race). test/state/raceStore.test.ts runs each.
   */
  race?: Partial<H>;
  hyperparams: readonly HpSpec[];
  /** Cross-field checks torch makes (e.g. nesterov needs momentum > 0); messages name the key. */
  validate?(hp: H): string[];
  /**
   * 'elementwise' (the default): every coordinate follows its own rule, so the 2D race steps
   * x and y apart on plain numbers (the fast path). 'whole': the rule reads the whole
   * parameter (norms, sums: LARS, LAMB), so the race steps the point (x, y) as one vector, as
   * a network steps each parameter tensor.
   */
  scope?: 'elementwise' | 'whole';
  /**
   * 'exact-hessian': the step calls `ctx.solveHessian`, `hessianDiag` or `hvp`, which only the
   * analytic surfaces provide; such an optimizer races on surfaces and is refused on networks,
   * by name. 'dense-2x2': the step calls `ctx.dense`, the 2×2 linear algebra of a 2-vector
   * parameter (full-matrix AdaGrad, Shampoo, SOAP): surfaces only, likewise.
   */
  curvature?: 'exact-hessian' | 'dense-2x2';
  init<T>(A: Algebra<T>, theta: T): OptState<T>;
  step<T>(
    A: Algebra<T>,
    theta: T,
    grad: T,
    state: OptState<T>,
    hp: H,
    t: number,
    ctx?: StepContext<T>,
  ): StepResult<T>;
}

/** Keyword arguments torch accepts that do not change the arithmetic; accepted and ignored. */
export const IGNORED_TORCH_KWARGS = ['foreach', 'capturable', 'differentiable', 'fused'] as const;

/**
 * Why `spec` cannot train a network, or null: the one message the CLI and TensorOptimizer give
 * for the optimizers that need what only a 2-D surface provides.
 */
export function networkRefusal(spec: Pick<OptimizerSpec, 'type' | 'curvature'>): string | null {
  if (!spec.curvature) return null;
  const needs =
    spec.curvature === 'exact-hessian'
      ? 'the exact Hessian'
      : 'the 2×2 matrix algebra of a 2-D parameter (x, y)';
  return `${spec.type} needs ${needs}, which only the 2-D surfaces provide: it is not offered for networks`;
}
