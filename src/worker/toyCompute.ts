/**
 * One toy run for the worker (and Node tests): the backend, then gpu/toy/toyExperiment with its
 * progress throttled to ~10 messages a second (the first and last steps always reported); each
 * training message carries the loss curve so far and the decision map now, drawn live.
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../gpu/backend';
import type { RangeTestResult } from '../core/lrRangeTest';
import { runToyExperiment, type ToyOutcome } from '../gpu/toy/toyExperiment';
import { runToyRangeTest } from '../gpu/toy/toyRangeTest';
import type { ToyFindRequest, ToyLive, ToyResponse, ToyTrainRequest } from './toyProtocol';

/** Milliseconds between two progress messages of one kind. */
export const TOY_PROGRESS_MS = 100;

/** A gate that opens once per `ms` (and always for `force`); `now` is injectable for tests. */
export function throttle(
  ms: number,
  now: () => number = () => performance.now(),
): (force?: boolean) => boolean {
  let last = -Infinity;
  return (force = false) => {
    const t = now();
    if (!force && t - last < ms) return false;
    last = t;
    return true;
  };
}

/** Every ArrayBuffer an outcome holds (to transfer, not copy). */
export function outcomeBuffers(o: ToyOutcome): ArrayBuffer[] {
  const arrays: ArrayBufferView[] = [
    o.split.train.points,
    o.split.train.labels,
    o.split.test.points,
    o.split.test.labels,
    o.history.loss,
    o.history.accuracy,
    o.history.lr,
    ...(o.weights ?? []),
  ];
  if (o.slice) arrays.push(o.slice.loss, o.slice.acc);
  if (o.pca) arrays.push(o.pca.x, o.pca.y, o.pca.relativeResidual);
  if (o.map) arrays.push(o.map.prob);
  return [...new Set(arrays.map((a) => a.buffer as ArrayBuffer))];
}

export async function computeToy(
  req: ToyTrainRequest,
  emit: (m: ToyResponse) => void,
  signal: AbortSignal,
): Promise<ToyOutcome> {
  const { seq } = req;
  const backend = await initBackend(req.backends);
  emit({ kind: 'backend', seq, backend, wanted: req.backends[0] });
  signal.throwIfAborted();
  const trainGate = throttle(TOY_PROGRESS_MS),
    sliceGate = throttle(TOY_PROGRESS_MS);
  // The history so far, kept here every step, so that each (throttled) message has all of it.
  const n = req.spec.steps;
  const history = {
    loss: new Float64Array(n),
    accuracy: new Float64Array(n),
    lr: new Float64Array(n),
  };
  let split: ToyLive['split'] | null = null;
  const outcome = await runToyExperiment(req.spec, {
    signal,
    onStart: (s) => {
      split = s.split;
    },
    onTrainProgress: (p, map) => {
      const k = p.step - 1;
      history.loss[k] = p.loss;
      history.accuracy[k] = p.accuracy;
      history.lr[k] = p.lr;
      if (!trainGate(p.step === 1 || p.step === p.steps)) return;
      const live: ToyLive = {
        split: split!,
        history: {
          loss: history.loss.slice(0, p.step),
          accuracy: history.accuracy.slice(0, p.step),
          lr: history.lr.slice(0, p.step),
        },
        map: map(),
      };
      emit({ kind: 'train', seq, step: p.step, steps: p.steps, loss: p.loss, live });
    },
    onSliceProgress: (done, total) => {
      if (sliceGate(done === total)) emit({ kind: 'slice', seq, done, total });
    },
  });
  emit({ kind: 'done', seq, outcome, numTensors: tf.memory().numTensors });
  return outcome;
}

/** One range test for the worker (and Node tests): the backend, then its steps throttled as training's. */
export async function computeToyFind(
  req: ToyFindRequest,
  emit: (m: ToyResponse) => void,
  signal: AbortSignal,
): Promise<RangeTestResult> {
  const { seq } = req;
  const backend = await initBackend(req.backends);
  emit({ kind: 'backend', seq, backend, wanted: req.backends[0] });
  signal.throwIfAborted();
  const gate = throttle(TOY_PROGRESS_MS);
  const steps = req.settings.steps;
  const result = await runToyRangeTest(req.spec, req.settings, {
    signal,
    onProgress: (p) => {
      if (gate(p.step === 1)) emit({ kind: 'find-step', seq, steps, ...p });
    },
  });
  emit({ kind: 'found', seq, result, numTensors: tf.memory().numTensors });
  return result;
}
