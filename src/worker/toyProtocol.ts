/**
 * Messages between the landscape page and the toy worker ("Train a small network"): one run
 * (a training or a range test) at a time per worker, latest wins (a newer `train` aborts the one running; the client drops older runs' messages).
 */
import type { BackendName } from '../gpu/backend';
import type { RangeTestResult, RangeTestSettings } from '../core/lrRangeTest';
import type { DecisionMap, ToyOutcome, ToySpec } from '../gpu/toy/toyExperiment';

export interface ToyTrainRequest {
  kind: 'train';
  seq: number;
  spec: ToySpec;
  /** Backends to try, in order (wasm first: a tiny MLP is faster there than on WebGL's per-op overhead). */
  backends: BackendName[];
}
/** "Find the learning rate": the LR range test on the spec's MLP (its schedule and steps unused). */
export interface ToyFindRequest {
  kind: 'find';
  seq: number;
  spec: ToySpec;
  settings: RangeTestSettings;
  backends: BackendName[];
}
export interface ToyCancelRequest {
  kind: 'cancel';
  seq: number;
}
export type ToyRequest = ToyTrainRequest | ToyFindRequest | ToyCancelRequest;

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
  /** The range test: `step` of at most `steps` done, at `lr`, with its smoothed loss (throttled). */
  | { kind: 'find-step'; seq: number; step: number; steps: number; lr: number; smoothed: number }
  /** The range test's curve and suggestions, and the worker's live tensors after it. */
  | { kind: 'found'; seq: number; result: RangeTestResult; numTensors: number }
  | { kind: 'cancelled'; seq: number; numTensors: number }
  | { kind: 'error'; seq: number; message: string };
