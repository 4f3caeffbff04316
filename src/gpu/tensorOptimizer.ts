/**
 * Runs one OptimizerSpec (written once against the Algebra) on a list of tf.Variables.
 *
 * Ownership: this object owns every state tensor (moment buffers). Each variable's update runs
 * inside one `tf.tidy`; once all have stepped the new parameters are assigned to the
 * variables, the new state is kept and the old state disposed, so `tf.memory().numTensors`
 * is flat across steps. `dispose()` frees the state (the variables belong to the caller).
 */
import * as tf from '@tensorflow/tfjs';
import {
  networkRefusal,
  type Hyperparams,
  type OptimizerSpec,
  type OptState,
  type StepContext,
} from '../core/optimizers/optimizerSpec';
import { tensorAlgebra } from './tensorAlgebra';

type TState = OptState<tf.Tensor>;

/** One state entry on the host: a tensor's shape and float32 values, or the number / null as kept. */
export type SavedStateEntry = { shape: number[]; data: Float32Array } | number | null;

/** The optimizer's whole state on the host (a training state file holds it; see train/trainState.ts). */
export interface SavedOptimizerState {
  /** Steps taken (torch's `state['step']`): Adam's bias correction and Lookahead's sync read it. */
  t: number;
  /** Per variable, in `vars` order, its state record. */
  states: Record<string, SavedStateEntry>[];
}

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

  /** A host copy of every state tensor and number (one device read per tensor). */
  async exportState(): Promise<SavedOptimizerState> {
    if (this.disposed) throw new Error('TensorOptimizer: exportState after dispose()');
    const states = await Promise.all(
      this.states.map(async (s) => {
        const out: Record<string, SavedStateEntry> = {};
        for (const [k, v] of Object.entries(s)) {
          out[k] =
            v instanceof tf.Tensor
              ? { shape: [...v.shape], data: Float32Array.from(await v.data()) }
              : v;
        }
        return out;
      }),
    );
    return { t: this.steps, states };
  }

  /**
   * Replaces the state by a saved one (from `exportState` of the same optimizer on the same
   * variables). Every entry is checked against the fresh state's keys, kinds and shapes first,
   * so a mismatch throws naming it and changes nothing.
   */
  importState(saved: SavedOptimizerState): void {
    if (this.disposed) throw new Error('TensorOptimizer: importState after dispose()');
    const where = (i: number, k: string) => `optimizer state of variable ${i} ('${k}')`;
    if (!Number.isInteger(saved.t) || saved.t < 0)
      throw new Error(`optimizer state: step count ${saved.t} is not a non-negative integer`);
    if (saved.states.length !== this.states.length)
      throw new Error(
        `optimizer state: ${saved.states.length} variables, this optimizer has ${this.states.length}`,
      );
    this.states.forEach((s, i) => {
      const keys = Object.keys(s).sort().join(',');
      const savedKeys = Object.keys(saved.states[i]).sort().join(',');
      if (keys !== savedKeys)
        throw new Error(
          `optimizer state of variable ${i}: keys [${savedKeys}], ${this.spec.type} keeps [${keys}]`,
        );
      for (const [k, v] of Object.entries(saved.states[i])) {
        const mine = s[k];
        // A fresh state may hold null where a stepped one holds a tensor (a lazily made buffer).
        if (v === null || typeof v === 'number') continue;
        if (v.data.length !== tf.util.sizeFromShape(v.shape))
          throw new Error(`${where(i, k)}: ${v.data.length} values for shape [${v.shape}]`);
        if (mine instanceof tf.Tensor && !tf.util.arraysEqual(v.shape, mine.shape))
          throw new Error(`${where(i, k)}: shape [${v.shape}], expected [${mine.shape}]`);
      }
    });
    this.dispose();
    this.disposed = false;
    this.states = saved.states.map((s) => {
      const out: TState = {};
      for (const [k, v] of Object.entries(s))
        out[k] = v === null || typeof v === 'number' ? v : tf.tensor(v.data, v.shape, 'float32');
      return out;
    });
    this.steps = saved.t;
  }

  /**
   * One update with the given gradients (same order and shapes as `vars`). `context(i)` gives
   * variable i's `StepContext` (a network's curvature, `curvature.ts`), for the optimizers
   * that ask for more than the gradient. Every variable steps from θ before any is assigned, so
   * a context that reads the variables sees θ throughout; a step that throws changes nothing.
   */
  step(
    grads: readonly tf.Tensor[],
    override: Partial<H> = {},
    context?: (i: number) => StepContext<tf.Tensor>,
  ): void {
    if (this.disposed) throw new Error('TensorOptimizer: step after dispose()');
    if (grads.length !== this.vars.length) {
      throw new Error(
        `TensorOptimizer: ${grads.length} gradients for ${this.vars.length} variables`,
      );
    }
    const hp = this.hyperparams(override);
    const t = this.steps + 1;
    const thetas: (tf.Tensor | null)[] = [];
    const nexts: TState[] = [];
    try {
      this.vars.forEach((v, i) => {
        const old = this.states[i];
        const oldSet = new Set(tensorsOf(old));
        tf.tidy(() => {
          const r = this.spec.step(tensorAlgebra, v, grads[i], old, hp, t, context?.(i));
          nexts.push(this.own(r.state, new Set([v, grads[i]]), oldSet));
          // A clone shares data; it keeps theta valid even if it aliases a state tensor.
          thetas.push(r.theta === v ? null : tf.keep(tf.clone(r.theta)));
        });
      });
    } catch (err) {
      // Free what the finished variables made (their new, not carried-over, state and θ).
      nexts.forEach((next, i) => {
        const old = new Set(tensorsOf(this.states[i]));
        tf.dispose(tensorsOf(next).filter((x) => !old.has(x)));
      });
      tf.dispose(thetas.filter((x): x is tf.Tensor => x !== null));
      throw err;
    }
    this.vars.forEach((v, i) => {
      const theta = thetas[i];
      if (theta) {
        v.assign(theta);
        theta.dispose();
      }
      const kept = new Set(tensorsOf(nexts[i]));
      for (const x of tensorsOf(this.states[i])) if (!kept.has(x)) x.dispose();
      this.states[i] = nexts[i];
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
