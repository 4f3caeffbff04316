/**
 * Messages between the landscape page and its worker (typed RPC, latest wins: a newer
 * `compute` cancels the one running; messages of older runs are dropped by the client).
 */
import type { BackendName } from '../gpu/backend';
import type { SlicePoint } from '../gpu/landscape/slice';

export interface LandscapeComputeRequest {
  kind: 'compute';
  seq: number;
  /** Zoo preset name (`resnet-56-ns`). */
  model: string;
  /** Fine grid points per side. */
  res: number;
  /** Coarse preview points per side, computed first; 0 = none. */
  coarse: number;
  samples: number;
  seed: number;
  orthogonal: boolean;
  /** α and β run over [range[0], range[1]]. */
  range: [number, number];
  /** Freshly initialised weights (seeded) instead of the shipped ones. */
  init: boolean;
  /** Absolute URL of the site's public folder, ending in '/'. */
  baseUrl: string;
  /** Backends to try, in order. */
  backends: BackendName[];
}

export interface LandscapeCancelRequest { kind: 'cancel'; seq: number }

export type LandscapeRequest = LandscapeComputeRequest | LandscapeCancelRequest;

export type LandscapePhase = 'coarse' | 'fine';

export type LandscapeResponse =
  | { kind: 'status'; seq: number; text: string }
  /** The backend in use; `wanted` is the first one asked for (a difference means a fallback). */
  | { kind: 'backend'; seq: number; backend: string; wanted: string }
  | { kind: 'centre'; seq: number; loss: number; acc: number; params: number; dataset: string; samples: number }
  | { kind: 'phase'; seq: number; phase: LandscapePhase; xs: number[]; ys: number[] }
  | { kind: 'row'; seq: number; phase: LandscapePhase; row: number; points: SlicePoint[]; done: number; total: number }
  | { kind: 'done'; seq: number; seconds: number; numTensors: number }
  | { kind: 'cancelled'; seq: number; numTensors: number }
  /** `code` 'no-weights': the model has no shipped weights (not a bug; say so plainly). */
  | { kind: 'error'; seq: number; code: 'no-weights' | 'error'; message: string };
