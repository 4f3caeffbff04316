/**
 * Messages between the map page (or its widget) and the map worker: one trainability map at a
 * time, latest wins (a newer `compute` aborts the one running; the client drops older runs'
 * messages). The shared kinds ('status', 'backend', 'done', 'cancelled', 'error') are the one run
 * abstraction's (state/run/runMessages.ts); 'progress' and the result on 'done' are the map's.
 */
import type { BackendName } from '../gpu/backend';
import type { MapResult } from '../core/map/mapResult';
import type { MapSpec } from '../core/map/mapSpec';

export interface MapComputeRequest {
  kind: 'compute';
  seq: number;
  /** A parsed spec (core/map/mapSpec's parseMapSpec): the worker trusts it. */
  spec: MapSpec;
  /** Backends to try, in order (gpu/backend's chooseBackend skips a software-rendered WebGL). */
  backends: BackendName[];
}
export interface MapCancelRequest {
  kind: 'cancel';
  seq: number;
}
export type MapRequest = MapComputeRequest | MapCancelRequest;

export type MapResponse =
  | { kind: 'status'; seq: number; text: string }
  | {
      kind: 'backend';
      seq: number;
      backend: string;
      wanted: string;
      softwareWebgl: string | null;
      reason: string | null;
    }
  /** Run-steps done of total (cells × (steps + 1)), at most ~10 a second. */
  | { kind: 'progress'; seq: number; done: number; total: number }
  /** The map (its typed arrays transferred) and the worker's live tensors after it. */
  | { kind: 'done'; seq: number; result: MapResult; seconds: number; numTensors: number }
  | { kind: 'cancelled'; seq: number; numTensors: number }
  | { kind: 'error'; seq: number; message: string };

/** The buffers a 'done' message transfers rather than copies. */
export const mapBuffers = (r: MapResult): ArrayBuffer[] =>
  [r.finalLoss, r.reachedAt, r.divergedAt].map((a) => a.buffer as ArrayBuffer);
