import type { Algebra } from '../algebra';
import type { SliderScale } from '../view/sliderScale';

/**
 * Hyperparameter values as torch takes them: numbers, booleans and (beta1, beta2) pairs; and
 * choices among named strings (Sophia's estimator).
 */
export type HpValue = number | boolean | string | readonly [number, number];
export type Hyperparams = Record<string, HpValue>;

/** How a hyperparameter is described, validated and offered as a control. */
export interface HpSpec {
  /** torch's keyword, e.g. `lr`, `betas`, `weight_decay`. */
  key: string;
  kind: 'number' | 'boolean' | 'pair' | 'choice';
  /** Human name shown beside the control ("Learning rate"). */
  label: string;
  /**
   * The hyperparameter's symbol in this record's `tex` (`\mu` for momentum in SGD's rule),
   * shown beside its slider so the formula reads against the controls. Absent where the rule
   * does not name it. A test checks every symbol appears in its record's tex.
   */
  symbol?: string;
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
  /** Choices: the values, as the config and the link spell them (and schedules' choices do). */
  choices?: readonly string[];
  /** What the UI calls each choice, where the value alone would not say. */
  choiceLabels?: Readonly<Record<string, string>>;
}

export interface PairEntry {
  label: string;
  /** The entry's symbol in the record's tex (`\beta_1`), as `HpSpec.symbol`. */
  symbol?: string;
  slider: SliderScale;
}

/**
 * Optimizer state: named values of the algebra's type (moment buffers) or plain numbers
 * (per-run scalars such as NAdam's μ-product); `null` for a buffer not yet created.
 */
export type OptState<T> = Record<string, T | number | null>;

/**
 * Second-order information a step may use, where the run can provide it. On a 2-D surface
 * run() gives the exact Hessian at θ (the point whose gradient drives the step); a network
 * gives Hessian-vector products and sampled-label gradients. An optimizer says which it needs
 * (`curvature`), and is refused by name where that is missing.
 */
export interface StepContext<T> {
  /**
   * (H + δI)⁻¹v; with `abs`, (|H| + δI)⁻¹v where |H| = Q|Λ|Qᵀ takes the absolute value of each
   * eigenvalue (Dauphin et al. 2014). H is the exact Hessian at θ.
   */
  solveHessian?(v: T, damping: number, abs: boolean): T;
  /** diag(H): the exact diagonal of the Hessian at θ (Sophia's exact estimator). */
  hessianDiag?(): T;
  /**
   * Hv, the Hessian-vector product at θ (Hutchinson's estimator u ⊙ Hu). On a network, H is the
   * whole network's Hessian and v this parameter's slice of a whole-network vector: the one
   * `rademacher` gave for this parameter at this step.
   */
  hvp?(v: T): T;
  /**
   * A Rademacher vector shaped like `like` (entries ±1, each with probability ½), a pure
   * function of (seed, draw): the same pair gives the same vector, so a run is reproducible. On
   * a network it is this parameter's slice of one whole-network vector (`gpu/curvature.ts`).
   */
  rademacher?(like: T, seed: number, draw: number): T;
  /**
   * Small dense linear algebra on the whole 2-D parameter (`core/dense2.ts`): what full-matrix
   * AdaGrad, Shampoo and SOAP need. Offered on the 2-D surfaces only.
   */
  dense?: Dense2<T>;
  /**
   * Sophia's Gauss–Newton–Bartlett estimate for this parameter: B·ĝ⊙ĝ, with ĝ the batch-mean
   * gradient of the loss at θ when each example's label is drawn from the model's own predicted
   * distribution (Liu et al. 2023, Algorithm 2), B the batch size. Networks only.
   */
  gaussNewtonBartlett?(seed: number, draw: number): T;
}

/**
 * What a step needs beyond its gradient. 'exact-hessian' (`solveHessian`, `hessianDiag`): the
 * analytic surfaces only. 'dense-2x2' (`dense`): a 2-vector parameter, surfaces only. 'hvp'
 * (`hvp`, `rademacher`): surfaces and networks. 'sampled-labels' (`gaussNewtonBartlett`):
 * networks only (a surface has no labels to sample).
 */
export type Curvature = 'exact-hessian' | 'dense-2x2' | 'hvp' | 'sampled-labels';

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

/** A hyperparameter a trainability map may vary per run (`OptimizerSpec.perRun`). */
export type PerRunKey = 'lr' | 'momentum' | 'alpha' | 'beta1' | 'beta2';

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
   * What the step needs from its context (see `Curvature`): Newton the exact Hessian, SOAP and
   * Shampoo the 2×2 algebra. Where it depends on a hyperparameter (Sophia's estimator),
   * `curvatureFor` says it instead and `curvatureKey` names that hyperparameter, so that a
   * refusal names the field to change.
   */
  curvature?: Curvature;
  curvatureFor?(hp: H): Curvature | undefined;
  curvatureKey?: string;
  /**
   * A second point the optimizer keeps beside the one it returns, worth drawing: `key` names
   * the state buffer (schedule-free's x, the average it evaluates, beside y where the gradient
   * is taken; Lookahead's slow weights beside the fast ones). run() records it each step.
   */
  shadow?: {
    key: string;
    /** What the dashed line is ("slow weights (Lookahead)"). */
    label: string;
    /** What the solid line and the loss curve are ("y, where the gradient is taken"). */
    main: string;
  };
  /**
   * The momentum / first-moment buffer the optimizer keeps, for the race's "anatomy of a step":
   * `key` names the state buffer (null in the state while there is none, e.g. SGD with momentum
   * 0); run() records it after each step. `units`: 'gradient' (the default) when lr·buffer is a
   * step in parameter units, as for SGD's b or Adam's m; 'step' when the buffer already holds
   * the lr (LARS adds lr·λ·g into it), so the buffer itself is the displacement.
   */
  moment?: MomentSpec;
  /**
   * The hyperparameters a batched run may give one value per run (a trainability map's axes,
   * core/map): `step` reads each of them only through the algebra, so it may arrive as a T that
   * holds a value per run (see `perRun` in common.ts). 'beta1' and 'beta2' are the entries of
   * `betas`. test/gpu/map/surfaceMap.test.ts holds a batched map equal to the scalar runs for
   * every key listed here.
   */
  perRun?: readonly PerRunKey[];
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

/** What an optimizer's momentum buffer is called and in which units it is kept (OptimizerSpec.moment). */
export interface MomentSpec {
  key: string;
  /** What the legend calls it ("momentum buffer b", "first moment m"). */
  label: string;
  units?: 'gradient' | 'step';
}

/** Adam's m and its kin (NAdam, RAdam, Adamax, LAMB, Sophia, Signum): β₁-averaged gradients. */
export const FIRST_MOMENT: MomentSpec = { key: 'm', label: 'first moment m' };

/** Keyword arguments torch accepts that do not change the arithmetic; accepted and ignored. */
export const IGNORED_TORCH_KWARGS = ['foreach', 'capturable', 'differentiable', 'fused'] as const;

/** What `spec` needs with these hyperparameters (torch's defaults where `hp` is partial). */
export function curvatureOf(
  spec: Pick<OptimizerSpec, 'curvature' | 'curvatureFor' | 'defaults'>,
  hp: Partial<Hyperparams> = {},
): Curvature | undefined {
  return spec.curvatureFor
    ? spec.curvatureFor({ ...spec.defaults, ...hp } as Hyperparams)
    : spec.curvature;
}

const NEEDS: Record<Curvature, string> = {
  'exact-hessian': 'the exact Hessian',
  'dense-2x2': 'the 2×2 matrix algebra of a 2-D parameter (x, y)',
  hvp: 'Hessian-vector products',
  'sampled-labels': "labels sampled from a network's own predictions",
};

type Refusable = Pick<
  OptimizerSpec,
  'type' | 'curvature' | 'curvatureFor' | 'curvatureKey' | 'defaults'
>;

function refusal(spec: Refusable, hp: Partial<Hyperparams>, where: 'network' | 'surface') {
  const c = curvatureOf(spec, hp);
  const refused =
    where === 'network' ? c === 'exact-hessian' || c === 'dense-2x2' : c === 'sampled-labels';
  if (!c || !refused) return null;
  const key = spec.curvatureKey;
  const value = key ? JSON.stringify(hp[key] ?? spec.defaults[key]) : '';
  const who = key ? `${key}: ${spec.type} with ${key} ${value}` : `type: ${spec.type}`;
  return where === 'network'
    ? `${who} needs ${NEEDS[c]}, which only the 2-D surfaces provide: it is not offered for networks`
    : `${who} needs ${NEEDS[c]}, which only networks provide: it is not offered on the 2-D surfaces`;
}

/**
 * Why `spec` (with `hp`) cannot train a network, or null: the one message the CLI and
 * TensorOptimizer give for the optimizers that need what only a 2-D surface provides. It starts
 * with the field to change, `type` or the hyperparameter that decides (`curvatureKey`), so a
 * caller prefixes its own path ("--optimizer.type: Newton needs …").
 */
export function networkRefusal(spec: Refusable, hp: Partial<Hyperparams> = {}): string | null {
  return refusal(spec, hp, 'network');
}

/** Why `spec` (with `hp`) cannot race on a 2-D surface, or null (Sophia's GNB estimator). */
export function surfaceRefusal(spec: Refusable, hp: Partial<Hyperparams> = {}): string | null {
  return refusal(spec, hp, 'surface');
}
