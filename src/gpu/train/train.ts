/**
 * Minibatch training of a network (src/gpu/nets) with any tensor optimizer and any schedule.
 *
 * Per step k (0-based): the scheduler's lr (and cycled momentum/β₁) for step k, a batch of B
 * indices from the seeded epoch shuffler (without replacement within an epoch, a fresh
 * permutation each epoch, a short last batch when B ∤ N — torch's DataLoader(shuffle=True)),
 * one `trainStep`, then `scheduler.advance(batch loss)` — schedules step per iteration, as
 * OneCycleLR is meant to (an epoch-based schedule is written with steps = epochs·⌈N/B⌉).
 *
 * Recorded: the batch loss and accuracy of every step (before its update), the lr used, and a
 * checkpoint (flat float32 copy of all parameters) at steps 0, k, 2k, … and at the end.
 * Deterministic for a seed: the init (unless params are given) and the shuffling both derive
 * from it. The loop awaits one device read per step, so a page stays responsive; `signal`
 * aborts between steps (the promise rejects with the signal's reason, every tensor freed).
 *
 * Resumable (train/trainState.ts): `onSave` gets a host snapshot every `saveEvery` steps, at the
 * end and when `stopRequested()` says so between steps (the run then returns early, `stopped`);
 * `resume` continues from such a snapshot — the weights, BN buffers and optimizer state as
 * saved, the shuffler and the scheduler replayed over the steps already done — so k steps, a
 * stop and a resume to N give the weights and records of N steps straight.
 */
import * as tf from '@tensorflow/tfjs';
import type { BatchPlan } from '../../core/batchScaling';
import type { OptimizerConfig } from '../../core/optimizers/parseOptimizer';
import { EpochBatches } from '../../core/sampling/epochBatches';
import { createRng } from '../../core/sampling/rng';
import { createScheduler } from '../../core/schedules/createScheduler';
import type { ScheduleConfig } from '../../core/schedules/scheduleSpec';
import type { Net } from '../nets/net';
import { initBuffers, initParams, type InitScheme } from '../nets/params';
import { optimizerOf } from '../../core/optimizers/registry';
import { TensorOptimizer } from '../tensorOptimizer';
import { type Checkpoint, flattenParams } from './checkpoint';
import { TrainStateError, type HostTensor, type TrainSnapshot } from './trainState';
import { scheduleBaseOf, scheduledOverride } from './scheduledHp';
import { sampleCountOf, type TensorData } from './tensorData';
import { abortPoint, batchStep } from './batchStep';

export interface TrainOptions {
  net: Net;
  data: TensorData;
  /** `{type, hp}` (parseOptimizerConfig's output fits); missing hyperparameters take the defaults. */
  optimizer: Pick<OptimizerConfig, 'type' | 'lookahead'> & { hp?: OptimizerConfig['hp'] };
  scheduler?: ScheduleConfig | null;
  batchSize: number;
  /**
   * A batch-size schedule or scaling rule (core/batchScaling's `batchPlan`): step k draws
   * `size(k)` samples (the epoch's permutation goes on) and multiplies the scheduler's lr by
   * `lrFactor(k)`. Absent: B and the schedule's lr as they are.
   */
  batchPlan?: BatchPlan | null;
  /** Number of optimizer steps. */
  steps: number;
  /** Seeds the shuffling, and the init when `params` is not given. */
  seed?: number;
  /** Starting weights (copied, not consumed); default initParams(net, {seed, scheme}). */
  params?: readonly tf.Tensor[];
  buffers?: readonly tf.Tensor[];
  initScheme?: InitScheme;
  /** Save a checkpoint every k steps (plus step 0 and the last); 0 = none. */
  checkpointEvery?: number;
  onProgress?: (p: TrainProgress) => void;
  signal?: AbortSignal;
  /** Continue a run from its snapshot (then `params`, `buffers` and `initScheme` are unused). */
  resume?: TrainSnapshot | null;
  /** Called with a snapshot every `saveEvery` steps (0 or absent: only at the end and on a stop). */
  onSave?: (s: TrainSnapshot) => Promise<void> | void;
  saveEvery?: number;
  /** Checked between steps with the steps done: true stops the run there (a snapshot is saved first). */
  stopRequested?: (done: number) => boolean;
}

export interface TrainProgress {
  step: number;
  steps: number;
  epoch: number;
  loss: number;
  accuracy: number;
  lr: number;
  /**
   * The weights and buffers after this step: the run's own tensors, valid only during the call
   * (read them, e.g. for a live decision map; never keep or dispose them).
   */
  params: readonly tf.Tensor[];
  buffers: readonly tf.Tensor[];
}

export interface TrainResult {
  /** Final weights and BN running statistics (caller disposes). */
  params: tf.Tensor[];
  buffers: tf.Tensor[];
  /** Per completed step: batch loss, batch accuracy ∈ [0, 1], lr used. */
  loss: Float64Array;
  accuracy: Float64Array;
  lr: Float64Array;
  /** Per completed step, its batch size when a `batchPlan` was given. */
  batch?: Int32Array;
  checkpoints: Checkpoint[];
  /** Completed steps (< steps only if the loss became non-finite). */
  steps: number;
  /** 1-based step whose loss was non-finite (training stops there), or null. */
  divergedAt: number | null;
  /** True when `stopRequested` ended the run before `steps`. */
  stopped: boolean;
}

/** Host copies of tensors, one device read each. */
async function hostTensors(ts: readonly tf.Tensor[]): Promise<HostTensor[]> {
  return Promise.all(
    ts.map(async (t) => ({ shape: [...t.shape], data: Float32Array.from(await t.data()) })),
  );
}

/** A snapshot's tensors checked against the net's (shape by shape), as device tensors. */
function resumeTensors(
  saved: readonly HostTensor[],
  infos: readonly { name: string; shape: readonly number[] }[],
): tf.Tensor[] {
  if (saved.length !== infos.length)
    throw new TrainStateError(
      `the state holds ${saved.length} tensors, the net has ${infos.length}`,
    );
  infos.forEach((info, i) => {
    if (!tf.util.arraysEqual(saved[i].shape, [...info.shape]))
      throw new TrainStateError(
        `${info.name} has shape [${saved[i].shape}] in the state, the net needs [${info.shape}]`,
      );
  });
  return saved.map((t) => tf.tensor(t.data, t.shape, 'float32'));
}

export async function train(o: TrainOptions): Promise<TrainResult> {
  const spec = optimizerOf(o.optimizer);
  if (!spec) throw new Error(`train: unknown optimizer '${o.optimizer.type}'`);
  const n = sampleCountOf(o.data);
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1)
    throw new Error(`train: batchSize must be a positive integer, got ${o.batchSize}`);
  if (!Number.isInteger(o.steps) || o.steps < 0)
    throw new Error(`train: steps must be a non-negative integer, got ${o.steps}`);
  const seed = o.seed ?? 0;
  const hp = { ...spec.defaults, ...o.optimizer.hp };
  const base = scheduleBaseOf(spec, hp);
  const sched = createScheduler(o.scheduler ?? null, base);
  const batches = new EpochBatches(n, Math.min(o.batchSize, n), createRng(seed));
  const start = o.resume ?? null;
  const plan = o.batchPlan ?? null;
  if (start) replay(start, o.steps, batches, sched, plan, n);

  const vars = tf.tidy(() =>
    (start
      ? resumeTensors(start.params, o.net.params)
      : (o.params ?? initParams(o.net, { seed, scheme: o.initScheme }))
    ).map((p) => tf.variable(tf.clone(p), true)),
  );
  let buffers = start
    ? resumeTensors(start.buffers, o.net.buffers)
    : o.buffers
      ? o.buffers.map((b) => tf.clone(b))
      : initBuffers(o.net);
  const opt = new TensorOptimizer(spec, vars, hp);
  try {
    if (start) opt.importState(start.optimizer);
  } catch (err) {
    opt.dispose();
    tf.dispose([...vars, ...buffers]);
    throw err instanceof TrainStateError ? err : new TrainStateError((err as Error).message);
  }
  const every = o.checkpointEvery ?? 0;
  const loss = new Float64Array(o.steps),
    accuracy = new Float64Array(o.steps),
    lr = new Float64Array(o.steps);
  const batchSizes = plan ? new Int32Array(o.steps) : null;
  const checkpoints: Checkpoint[] = start ? [...start.checkpoints] : [];
  if (start) {
    loss.set(start.history.loss);
    accuracy.set(start.history.accuracy);
    lr.set(start.history.lr);
    if (batchSizes && start.history.batch) batchSizes.set(start.history.batch);
  }
  let divergedAt: number | null = null;
  let stopped = false;
  let k = start ? start.step : 0;
  const saveEvery = o.saveEvery ?? 0;
  /** Hands `onSave` the run after `done` steps. */
  const save = async (done: number) => {
    if (!o.onSave) return;
    await o.onSave({
      step: done,
      params: await hostTensors(vars),
      buffers: await hostTensors(buffers),
      optimizer: await opt.exportState(),
      shuffler: { epoch: batches.epoch, start: batches.start, size: batches.size },
      history: {
        loss: loss.slice(0, done),
        accuracy: accuracy.slice(0, done),
        lr: lr.slice(0, done),
        ...(batchSizes ? { batch: batchSizes.slice(0, done) } : {}),
      },
      checkpoints: [...checkpoints],
    });
  };
  // Where the run can be aborted, the task queue runs every ~30 ms so that an abort posted to
  // this worker is read (see macrotask.ts); it costs well under 1 % of a step's time.
  const abortCheck = abortPoint(o.signal);
  try {
    if (every > 0 && !start) checkpoints.push({ step: 0, params: await flattenParams(vars) });
    for (; k < o.steps; k++) {
      await abortCheck();
      if (o.stopRequested?.(k)) {
        stopped = true;
        break;
      }
      const override = scheduledOverride(sched, base, hp);
      if (plan) {
        batches.batchSize = batchSizes![k] = Math.min(plan.size(k), n);
        override.lr = (override.lr as number) * plan.lrFactor(k);
      }
      const step = await batchStep(o.net, opt, buffers, o.data, batches, override);
      buffers = step.buffers;
      const { loss: l, correct: c, size } = step;
      if (!Number.isFinite(l)) {
        divergedAt = k + 1;
        break;
      }
      loss[k] = l;
      accuracy[k] = c / size;
      lr[k] = override.lr as number;
      sched.advance(l);
      if (every > 0 && ((k + 1) % every === 0 || k + 1 === o.steps)) {
        checkpoints.push({ step: k + 1, params: await flattenParams(vars) });
      }
      o.onProgress?.({
        step: k + 1,
        steps: o.steps,
        epoch: batches.epoch,
        loss: l,
        accuracy: c / size,
        lr: lr[k],
        params: vars,
        buffers,
      });
      if (saveEvery > 0 && (k + 1) % saveEvery === 0 && k + 1 < o.steps) await save(k + 1);
    }
    if (divergedAt === null) await save(k);
  } catch (err) {
    opt.dispose();
    tf.dispose([...vars, ...buffers]);
    throw err;
  }
  opt.dispose();
  // Plain tensors for the caller (variables would need unique names and are not needed).
  const params = vars.map((v) => tf.clone(v));
  tf.dispose(vars);
  return {
    params,
    buffers,
    loss: loss.subarray(0, k),
    accuracy: accuracy.subarray(0, k),
    lr: lr.subarray(0, k),
    ...(batchSizes ? { batch: batchSizes.subarray(0, k) } : {}),
    checkpoints,
    steps: k,
    divergedAt,
    stopped,
  };
}

/**
 * Brings a fresh shuffler and scheduler to where a run stood after `s.step` steps: the same
 * batch sizes drawn in the same order (the permutations follow), the scheduler advanced with
 * the recorded losses. Checks the snapshot against the run first.
 */
function replay(
  s: TrainSnapshot,
  steps: number,
  batches: EpochBatches,
  sched: { advance(loss: number): void },
  plan: BatchPlan | null,
  n: number,
): void {
  if (!Number.isInteger(s.step) || s.step < 0 || s.step > steps)
    throw new TrainStateError(`the state is at step ${s.step}, outside this run's 0…${steps}`);
  for (let j = 0; j < s.step; j++) {
    if (plan) batches.batchSize = Math.min(plan.size(j), n);
    batches.advance();
    sched.advance(s.history.loss[j]);
  }
  const { epoch, start, size } = s.shuffler;
  if (batches.epoch !== epoch || batches.start !== start || batches.size !== size)
    throw new TrainStateError(
      `the shuffler replays to epoch ${batches.epoch}, position ${batches.start}, but the state was saved at epoch ${epoch}, position ${start}: different data or batch sizes`,
    );
}
