/**
 * The network of Sohl-Dickstein (2024), "The boundary of neural network trainability is
 * fractal": one hidden tanh layer in the mean-field parameterisation, trained full-batch by
 * gradient descent with its own learning rate per layer, on a small seeded data set.
 *
 *   z = W x / √d,   a = tanh(z),   ŷ = vᵀa / h,   L = (1/n) Σ (ŷ − y)²
 *   W ← W − η₁ ∂L/∂W,   v ← v − η₂ ∂L/∂v
 *
 * with x ∈ ℝᵈ, W ∈ ℝʰˣᵈ, v ∈ ℝʰ; inputs, targets and initial weights all standard normal from
 * one seed, so every cell of a map starts from the same network. This file is the scalar
 * float64 path (a clicked cell's loss curve; the reference the batched tensor path in gpu/map
 * must equal).
 */
import { createRng } from '../sampling/rng';
import { outcomeOf, type CellOutcome } from './mapOutcome';
import { axisValueAt } from './mapAxes';
import type { MlpMapSpec } from './mapSpec';

export interface MlpProblem {
  width: number;
  inputs: number;
  examples: number;
  /** Inputs, row-major [examples × inputs]. */
  X: Float64Array;
  /** Targets [examples]. */
  Y: Float64Array;
  /** Initial input weights, row-major [width × inputs]. */
  W0: Float64Array;
  /** Initial output weights [width]. */
  v0: Float64Array;
}

/** The data set and initial weights of a spec (a pure function of its sizes and seed). */
export function mlpProblem(
  spec: Pick<MlpMapSpec, 'width' | 'inputs' | 'examples' | 'seed'>,
): MlpProblem {
  const rng = createRng(spec.seed);
  const draw = (n: number) => Float64Array.from({ length: n }, () => rng.normal());
  const X = draw(spec.examples * spec.inputs);
  const Y = draw(spec.examples);
  const W0 = draw(spec.width * spec.inputs);
  const v0 = draw(spec.width);
  return { width: spec.width, inputs: spec.inputs, examples: spec.examples, X, Y, W0, v0 };
}

/**
 * Trains a copy of the problem's network for `steps` steps at learning rates (lr1, lr2); returns
 * the losses L₀ … L_T (stopping after the first that is not finite).
 */
export function mlpLosses(p: MlpProblem, lr1: number, lr2: number, steps: number): Float64Array {
  const { width: h, inputs: d, examples: n, X, Y } = p;
  const W = Float64Array.from(p.W0),
    v = Float64Array.from(p.v0);
  const a = new Float64Array(h * n),
    e = new Float64Array(n),
    dW = new Float64Array(h * d),
    dv = new Float64Array(h);
  const sd = 1 / Math.sqrt(d);
  const losses = new Float64Array(steps + 1);
  for (let k = 0; ; k++) {
    // Forward: a[j, m] = tanh(W[j]·x[m] / √d); ŷ[m] = Σ v[j] a[j, m] / h.
    let loss = 0;
    for (let m = 0; m < n; m++) {
      let out = 0;
      for (let j = 0; j < h; j++) {
        let z = 0;
        for (let c = 0; c < d; c++) z += W[j * d + c] * X[m * d + c];
        const aj = Math.tanh(z * sd);
        a[j * n + m] = aj;
        out += v[j] * aj;
      }
      const err = out / h - Y[m];
      loss += err * err;
      e[m] = (2 * err) / n; // ∂L/∂ŷ[m]
    }
    losses[k] = loss / n;
    if (k === steps || !Number.isFinite(losses[k])) return losses.subarray(0, k + 1);
    // Backward: ∂L/∂v[j] = Σ e[m] a[j, m] / h; ∂L/∂W[j, c] = Σ e[m] v[j]/h (1 − a²) x[m, c] / √d.
    dW.fill(0);
    for (let j = 0; j < h; j++) {
      let g = 0;
      for (let m = 0; m < n; m++) {
        const ajm = a[j * n + m];
        g += e[m] * ajm;
        const dz = ((e[m] * v[j]) / h) * (1 - ajm * ajm) * sd;
        for (let c = 0; c < d; c++) dW[j * d + c] += dz * X[m * d + c];
      }
      dv[j] = g / h;
    }
    for (let q = 0; q < h * d; q++) W[q] -= lr1 * dW[q];
    for (let j = 0; j < h; j++) v[j] -= lr2 * dv[j];
  }
}

/** Cell (i, j) by the scalar path: its learning rates, losses and outcome. */
export function mlpScalarCell(
  spec: MlpMapSpec,
  i: number,
  j: number,
  problem = mlpProblem(spec),
): { lr1: number; lr2: number; losses: Float64Array; outcome: CellOutcome } {
  const at = (key: 'lr1' | 'lr2') =>
    spec.x.key === key ? axisValueAt(spec.x, i + 0.5) : axisValueAt(spec.y, j + 0.5);
  const lr1 = at('lr1'),
    lr2 = at('lr2');
  const losses = mlpLosses(problem, lr1, lr2, spec.steps);
  return { lr1, lr2, losses, outcome: outcomeOf(losses, spec.tol) };
}
