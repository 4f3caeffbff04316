import { numberAlgebra } from './algebra';
import { vectorAlgebra } from './vectorAlgebra';
import type { RunConfig } from './config';
import { scheduleBase } from './config';
import {
  curvatureOf,
  surfaceRefusal,
  type Hyperparams,
  type OptimizerSpec,
  type OptState,
  type StepContext,
} from './optimizers/optimizerSpec';
import { solveSym2 } from './sym2';
import { dense2 } from './dense2';
import type { Surface } from './surfaces/surface';
import { optimizerOf } from './optimizers/registry';
import { createScheduler } from './schedules';
import { getSurface } from './surfaces/registry';
import { createMinibatchSampler } from './sampling/finiteSum';
import { rademacherSigns } from './sampling/rademacher';
import { batchPlan } from './batchScaling';

/** One optimizer run on a 2D surface, in the conventions of test/fixtures/pytorch/README.md. */
export interface RunResult {
  /** [x, y] after each completed step (flat: x₀, y₀, x₁, y₁, …); the start is not repeated. */
  params: Float64Array;
  /** Exact (full-batch) loss before each completed step: loss[k] = f(θ before step k+1). */
  loss: Float64Array;
  /** Learning rate used by each completed step. */
  lr: Float64Array;
  /**
   * The optimizer's second point after each step (its record's `shadow`: schedule-free's x,
   * Lookahead's slow weights), flat like `params`; null for optimizers without one.
   */
  shadow: Float64Array | null;
  /** Momentum (or β₁) used by each step when a schedule cycles it, else null. */
  momentum: Float64Array | null;
  /** The gradient each step used (the minibatch gradient when sampling), flat like `params`. */
  grad: Float64Array;
  /**
   * The optimizer's momentum / first-moment buffer after each step (its record's `moment`), flat
   * like `params`, NaN while the state holds none (SGD with momentum 0); null without a record.
   */
  moment: Float64Array | null;
  /** Batch size of each step when the batch config scales or schedules it (absent otherwise). */
  batch?: Int32Array;
  /** Number of completed steps (all arrays hold this many entries). */
  steps: number;
  /** 1-based step at which a loss, gradient or parameter first became non-finite; the run stops there. null if none. */
  divergedAt: number | null;
}

/**
 * Takes over a run's lr and its end, as the lr range test (core/lrRangeTest.ts) does: `lr(k)`
 * replaces the scheduler's lr of step k+1 (0-based k); `after(k, loss)` is told each completed
 * step's loss (loss[k], before the update) and ends the run there by returning true.
 */
export interface RunControl {
  lr(k: number): number;
  after(k: number, loss: number): boolean;
}

/**
 * Runs `config.steps` optimizer steps on its surface: exact gradients, or minibatch gradients of
 * the finite-sum surface when `config.batch` is set. Deterministic for a given config (and seed).
 * The optimizer's update rule runs once per coordinate on plain numbers (the float64 algebra).
 */
export function run(config: RunConfig, control?: RunControl): RunResult {
  const surface = getSurface(config.surface, config.surfaceParams);
  // The registry record, inside Lookahead when the config says so: an ordinary spec either way.
  const spec = optimizerOf(config.optimizer);
  if (!spec) throw new Error(`unknown optimizer '${config.optimizer.type}'`);
  const base = scheduleBase(config.optimizer);
  const scheduler = createScheduler(config.scheduler, base);
  // Without a schedule, a control or a batch plan every step's lr is the optimizer's own, so the loop skips
  // the scheduler's getter and advance: a 2-D Adam step ran 1.1–1.3× faster for it (bench
  // core_vs_fused, measured interleaved).
  const sampler = config.batch ? createMinibatchSampler(config.batch) : null;
  // A batch-size schedule or scaling rule: B and an lr factor per step (null: the fast path).
  const plan = config.batch ? batchPlan(config.batch) : null;
  const fixedLr = config.scheduler === null && !control && !plan ? (base.lr as number) : null;
  // A private copy: the scheduler's lr/momentum are written into it each step.
  const hp: Hyperparams = { ...config.optimizer.hp };
  const n = config.steps;
  const params = new Float64Array(2 * n),
    loss = new Float64Array(n),
    lr = new Float64Array(n);
  const momentum = scheduler.momentum !== undefined ? new Float64Array(n) : null;
  const shadowKey = spec.shadow?.key;
  const shadow = shadowKey ? new Float64Array(2 * n) : null;
  const grad = new Float64Array(2 * n);
  const momentKey = spec.moment?.key;
  const moment = momentKey ? new Float64Array(2 * n) : null;
  const batch = plan ? new Int32Array(n) : null;
  let x = config.start[0],
    y = config.start[1];
  // Elementwise rules step x and y apart on plain numbers, inline (the race's hot loop); rules
  // that read the whole parameter step the vector (x, y) through wholeStepper.
  const A = numberAlgebra;
  let sx: OptState<number> = spec.init(A, x),
    sy: OptState<number> = spec.init(A, y);
  const stepWhole = spec.scope === 'whole' ? wholeStepper(spec, surface, x, y) : null;
  if (!stepWhole && curvatureOf(spec, hp))
    throw new Error(`${spec.type}: an optimizer that needs the Hessian must have scope 'whole'`);
  const refusal = surfaceRefusal(spec, hp);
  if (refusal) throw new Error(`optimizer.${refusal}`);
  const g = new Float64Array(2),
    next = new Float64Array(2);
  let divergedAt: number | null = null;
  let k = 0;
  for (; k < n; k++) {
    const f = surface.value(x, y);
    surface.gradient(x, y, g);
    if (plan) sampler!.setBatchSize((batch![k] = plan.size(k)));
    if (sampler) sampler.addBatchNoise(g);
    if (!Number.isFinite(f) || !Number.isFinite(g[0]) || !Number.isFinite(g[1])) {
      divergedAt = k + 1;
      break;
    }
    if (fixedLr !== null) lr[k] = fixedLr;
    // The control's lr replaces everything; a batch plan scales the scheduler's.
    else hp.lr = lr[k] = control ? control.lr(k) : scheduler.lr * (plan ? plan.lrFactor(k) : 1);
    if (momentum) {
      const m = (momentum[k] = scheduler.momentum as number);
      if (base.momentumKey === 'momentum') hp.momentum = m;
      else hp.betas = [m, (hp.betas as readonly [number, number])[1]];
    }
    let nx: number, ny: number;
    if (stepWhole) {
      stepWhole(x, y, g, hp, k + 1, next);
      nx = next[0];
      ny = next[1];
    } else {
      const rx = spec.step(A, x, g[0], sx, hp, k + 1);
      const ry = spec.step(A, y, g[1], sy, hp, k + 1);
      sx = rx.state;
      sy = ry.state;
      nx = rx.theta;
      ny = ry.theta;
    }
    if (!Number.isFinite(nx) || !Number.isFinite(ny)) {
      divergedAt = k + 1;
      break;
    }
    x = nx;
    y = ny;
    params[2 * k] = x;
    params[2 * k + 1] = y;
    grad[2 * k] = g[0];
    grad[2 * k + 1] = g[1];
    if (moment) {
      if (stepWhole) {
        const m = stepWhole.state()[momentKey!] as Float64Array | null;
        if (m) moment.set(m, 2 * k);
        else moment[2 * k] = moment[2 * k + 1] = NaN;
      } else {
        moment[2 * k] = (sx[momentKey!] as number | null) ?? NaN;
        moment[2 * k + 1] = (sy[momentKey!] as number | null) ?? NaN;
      }
    }
    if (shadow) {
      if (stepWhole) shadow.set(stepWhole.state()[shadowKey!] as Float64Array, 2 * k);
      else {
        shadow[2 * k] = sx[shadowKey!] as number;
        shadow[2 * k + 1] = sy[shadowKey!] as number;
      }
    }
    loss[k] = f;
    if (fixedLr !== null) continue;
    scheduler.advance(f);
    if (control?.after(k, f)) {
      k++;
      break;
    }
  }
  return {
    params: params.subarray(0, 2 * k),
    loss: loss.subarray(0, k),
    lr: lr.subarray(0, k),
    shadow: shadow ? shadow.subarray(0, 2 * k) : null,
    momentum: momentum ? momentum.subarray(0, k) : null,
    grad: grad.subarray(0, 2 * k),
    moment: moment ? moment.subarray(0, 2 * k) : null,
    ...(batch ? { batch: batch.subarray(0, k) } : {}),
    steps: k,
    divergedAt,
  };
}

interface PointStep {
  (x: number, y: number, g: Float64Array, hp: Hyperparams, t: number, out: Float64Array): void;
  /** The optimizer's state after the last step. */
  state(): OptState<Float64Array>;
}

/**
 * One step of the point (x, y) as one vector into `out`, keeping the optimizer's state, for the
 * rules that read the whole parameter (scope 'whole'), with the surface's second-order context.
 */
function wholeStepper(spec: OptimizerSpec, surface: Surface, x0: number, y0: number): PointStep {
  const A = vectorAlgebra;
  let s: OptState<Float64Array> = spec.init(A, Float64Array.of(x0, y0));
  const h = new Float64Array(3);
  const step = (
    x: number,
    y: number,
    g: Float64Array,
    hp: Hyperparams,
    t: number,
    out: Float64Array,
  ) => {
    // The exact Hessian at θ, for the optimizers that ask for it (Newton, Sophia), taken
    // once per step and only when asked: h = [f_xx, f_xy, f_yy].
    let hAtTheta = false;
    const hessian = () => {
      if (!hAtTheta) surface.hessian(x, y, h);
      hAtTheta = true;
      return h;
    };
    const ctx: StepContext<Float64Array> = {
      solveHessian(v, damping, abs) {
        const [a, b, c] = hessian();
        const r = new Float64Array(2);
        solveSym2(a, b, c, v[0], v[1], damping, abs, r);
        return r;
      },
      hessianDiag() {
        const [a, , c] = hessian();
        return Float64Array.of(a, c);
      },
      hvp(v) {
        const [a, b, c] = hessian();
        return Float64Array.of(a * v[0] + b * v[1], b * v[0] + c * v[1]);
      },
      rademacher: (like, seed, draw) => rademacherSigns(like.length, seed, draw),
      dense: dense2,
    };
    const r = spec.step(A, Float64Array.of(x, y), Float64Array.of(g[0], g[1]), s, hp, t, ctx);
    s = r.state;
    out.set(r.theta);
  };
  return Object.assign(step, { state: () => s });
}

/**
 * The run as the reference/CLI JSON: `{params: [[x, y], …], loss, lr, divergedAt}`, and for an
 * optimizer with a second point `shadow: {of, params}` (`of`: its record's shadow label).
 */
export function runToJson(
  r: RunResult,
  shadowLabel?: string,
): {
  params: [number, number][];
  loss: number[];
  lr: number[];
  momentum?: number[];
  batch?: number[];
  shadow?: { of: string; params: [number, number][] };
  divergedAt: number | null;
} {
  const pairs = (flat: Float64Array) => {
    const out: [number, number][] = [];
    for (let k = 0; k < r.steps; k++) out.push([flat[2 * k], flat[2 * k + 1]]);
    return out;
  };
  return {
    params: pairs(r.params),
    loss: Array.from(r.loss),
    lr: Array.from(r.lr),
    ...(r.momentum ? { momentum: Array.from(r.momentum) } : {}),
    ...(r.batch ? { batch: Array.from(r.batch) } : {}),
    ...(r.shadow ? { shadow: { of: shadowLabel ?? 'second point', params: pairs(r.shadow) } } : {}),
    divergedAt: r.divergedAt,
  };
}
