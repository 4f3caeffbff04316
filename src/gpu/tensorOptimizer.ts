/**
 * Runs one OptimizerSpec (written once against the Algebra) on a list of tf.Variables.
 *
 * Ownership: this object owns every state tensor (moment buffers). Each `step` runs inside
 * one `tf.tidy`; the new parameters are assigned to the variables, the new state is kept and
 * the old state disposed, so `tf.memory().numTensors` is flat across steps. `dispose()` frees
 * the state (the variables belong to the caller).
 */
import * as tf from '@tensorflow/tfjs';
import {
  networkRefusal,
  type Hyperparams,
  type OptimizerSpec,
  type OptState,
} from '../core/optimizers/optimizerSpec';
import { tensorAlgebra } from './tensorAlgebra';

type TState = OptState<tf.Tensor>;

function tensorsOf(state: TState): tf.Tensor[] {
  return Object.values(state).filter((v): v is tf.Tensor => v instanceof tf.Tensor);
}

export class TensorOptimizer<H extends Hyperparams = Hyperparams> {
  private states: TState[];
  private steps = 0;
  private disposed = false;

  constructor(
    readonly spec: OptimizerSpec<H>,
    readonly vars: readonly tf.Variable[],
    private hp: Partial<H> = {},
  ) {
    const refusal = networkRefusal(spec, hp);
    if (refusal) throw new Error(refusal);
    this.states = vars.map((v) => {
      let s: TState = {};
      tf.tidy(() => {
        s = this.own(spec.init(tensorAlgebra, v), new Set([v]), new Set());
      });
      return s;
    });
  }

  /** Steps taken so far (torch's `state['step']`). */
  get t(): number {
    return this.steps;
  }

  /** Hyperparameters a step uses: spec defaults < constructor values < per-step override. */
  hyperparams(override: Partial<H> = {}): H {
    return { ...this.spec.defaults, ...this.hp, ...override };
  }

  /** Read-only view of variable i's state (for tests and inspection; do not dispose). */
  state(i: number): Readonly<TState> {
    return this.states[i];
  }

  /** One update with the given gradients (same order and shapes as `vars`). */
  step(grads: readonly tf.Tensor[], override: Partial<H> = {}): void {
    if (this.disposed) throw new Error('TensorOptimizer: step after dispose()');
    if (grads.length !== this.vars.length) {
      throw new Error(
        `TensorOptimizer: ${grads.length} gradients for ${this.vars.length} variables`,
      );
    }
    const hp = this.hyperparams(override);
    const t = this.steps + 1;
    this.vars.forEach((v, i) => {
      const old = this.states[i];
      const oldSet = new Set(tensorsOf(old));
      let theta: tf.Tensor | null = null;
      let next: TState = {};
      tf.tidy(() => {
        const r = this.spec.step(tensorAlgebra, v, grads[i], old, hp, t);
        next = this.own(r.state, new Set([v, grads[i]]), oldSet);
        // A clone shares data; it keeps theta valid even if it aliases a state tensor.
        theta = r.theta === v ? null : tf.keep(tf.clone(r.theta));
      });
      if (theta) {
        v.assign(theta);
        (theta as tf.Tensor).dispose();
      }
      const kept = new Set(tensorsOf(next));
      for (const x of oldSet) if (!kept.has(x)) x.dispose();
      this.states[i] = next;
    });
    this.steps = t;
  }

  /** Gradient of `loss` w.r.t. the variables, then one step; returns the loss value. */
  minimize(loss: () => tf.Scalar, override: Partial<H> = {}): number {
    const value = tf.tidy(() => {
      const { value, grads } = tf.variableGrads(loss, this.vars as tf.Variable[]);
      this.step(
        this.vars.map((v) => grads[v.name]),
        override,
      );
      return value;
    });
    const out = value.dataSync()[0];
    value.dispose();
    return out;
  }

  dispose(): void {
    if (this.disposed) return;
    const all = new Set(this.states.flatMap(tensorsOf));
    for (const x of all) x.dispose();
    this.states = [];
    this.disposed = true;
  }

  /**
   * Keep the tensors of a new state past the enclosing tidy. Tensors the caller owns
   * (variables, gradients) are cloned, since the state must outlive them; tensors carried
   * over unchanged from the old state are already ours.
   */
  private own(state: TState, external: Set<tf.Tensor>, old: Set<tf.Tensor>): TState {
    const out: TState = {};
    for (const [k, v] of Object.entries(state)) {
      if (!(v instanceof tf.Tensor) || old.has(v)) out[k] = v;
      else out[k] = tf.keep(external.has(v) ? tf.clone(v) : v);
    }
    return out;
  }
}
