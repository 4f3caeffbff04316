/**
 * Messages between the landscape page and the toy worker ("Train a small network"): one run at
 * a time, latest wins (a newer `train` aborts the one running; the client drops older runs' messages).
 */
import type { BackendName } from '../gpu/backend';
import type { DecisionMap, ToyOutcome, ToySpec } from '../gpu/toy/toyExperiment';

export interface ToyTrainRequest {
  kind: 'train';
  seq: number;
  spec: ToySpec;
  /** Backends to try, in order (wasm first: a tiny MLP is faster there than on WebGL's per-op overhead). */
  backends: BackendName[];
}
export interface ToyCancelRequest {
  kind: 'cancel';
  seq: number;
}
export type ToyRequest = ToyTrainRequest | ToyCancelRequest;

/** What the panel draws while training goes on (as TensorFlow Playground does): the run so far. */
export interface ToyLive {
  split: ToyOutcome['split'];
  /** Per step so far: batch loss, batch accuracy (0–1), learning rate. */
  history: ToyOutcome['history'];
  /** The decision map of the weights at `step`; null when the run makes none. */
  map: DecisionMap | null;
}

export type ToyResponse =
  /** The backend in use; `wanted` is the first one asked for (a difference means a fallback). */
  | { kind: 'backend'; seq: number; backend: string; wanted: string }
  /**
   * Training: `step` of `steps` done, with that step's batch loss, and the run so far to draw
   * live (throttled to ~10 a second; the first and last steps always sent).
   */
  | { kind: 'train'; seq: number; step: number; steps: number; loss: number; live: ToyLive }
  /** The loss slice: points done of total. */
  | { kind: 'slice'; seq: number; done: number; total: number }
  /** The finished run (typed arrays, transferred) and the worker's live tensors after it. */
  | { kind: 'done'; seq: number; outcome: ToyOutcome; numTensors: number }
  | { kind: 'cancelled'; seq: number; numTensors: number }
  | { kind: 'error'; seq: number; message: string };
