/**
 * Messages between the landscape page and the toy worker ("Train a small network"): one run at
 * a time, latest wins (a newer `train` aborts the one running; the client drops older runs' messages).
 */
import type { BackendName } from '../gpu/backend';
import type { ToyOutcome, ToySpec } from '../gpu/toy/toyExperiment';

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

export type ToyResponse =
  /** The backend in use; `wanted` is the first one asked for (a difference means a fallback). */
  | { kind: 'backend'; seq: number; backend: string; wanted: string }
  /** Training: `step` of `steps` done, with that step's batch loss (throttled to ~10 a second). */
  | { kind: 'train'; seq: number; step: number; steps: number; loss: number }
  /** The loss slice: points done of total. */
  | { kind: 'slice'; seq: number; done: number; total: number }
  /** The finished run (typed arrays, transferred) and the worker's live tensors after it. */
  | { kind: 'done'; seq: number; outcome: ToyOutcome; numTensors: number }
  | { kind: 'cancelled'; seq: number; numTensors: number }
  | { kind: 'error'; seq: number; message: string };
