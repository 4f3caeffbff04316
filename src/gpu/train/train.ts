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

  const vars = tf.tidy(() =>
    (o.params ?? initParams(o.net, { seed, scheme: o.initScheme })).map((p) =>
      tf.variable(tf.clone(p), true),
    ),
  );
  let buffers = o.buffers ? o.buffers.map((b) => tf.clone(b)) : initBuffers(o.net);
  const opt = new TensorOptimizer(spec, vars, hp);
  const every = o.checkpointEvery ?? 0;
  const loss = new Float64Array(o.steps),
    accuracy = new Float64Array(o.steps),
    lr = new Float64Array(o.steps);
  const plan = o.batchPlan ?? null;
  const batchSizes = plan ? new Int32Array(o.steps) : null;
  const checkpoints: Checkpoint[] = [];
  let divergedAt: number | null = null;
  let k = 0;
  // Where the run can be aborted, the task queue runs every ~30 ms so that an abort posted to
  // this worker is read (see macrotask.ts); it costs well under 1 % of a step's time.
  const abortCheck = abortPoint(o.signal);
  try {
    if (every > 0) checkpoints.push({ step: 0, params: await flattenParams(vars) });
    for (; k < o.steps; k++) {
      await abortCheck();
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
    }
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
  };
}
