/**
 * One toy run for the worker (and Node tests): the backend, then gpu/toy/toyExperiment with its
 * progress throttled to ~10 messages a second (the first and last steps always reported).
 */
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../gpu/backend';
import { runToyExperiment, type ToyOutcome } from '../gpu/toy/toyExperiment';
import type { ToyResponse, ToyTrainRequest } from './toyProtocol';

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
  const outcome = await runToyExperiment(req.spec, {
    signal,
    onTrainProgress: (p) => {
      if (trainGate(p.step === 1 || p.step === p.steps))
        emit({ kind: 'train', seq, step: p.step, steps: p.steps, loss: p.loss });
    },
    onSliceProgress: (done, total) => {
      if (sliceGate(done === total)) emit({ kind: 'slice', seq, done, total });
    },
  });
  emit({ kind: 'done', seq, outcome, numTensors: tf.memory().numTensors });
  return outcome;
}
