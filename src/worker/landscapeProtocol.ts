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

/** The two 1D paths of the "Along a line" panel. */
export type LinePath = 'interpolation' | 'random';

/**
 * A 1D path through weight space (lineCompute.ts): 'interpolation' from the model's seeded
 * initialisation to its shipped trained weights (BN on batch statistics), or 'random' along the
 * first filter-normalised random direction of `seed` through the trained weights (BN eval).
 */
export interface LandscapeLineRequest {
  kind: 'line';
  seq: number;
  model: string;
  path: LinePath;
  /** Points along the line. */
  num: number;
  /** α runs over [range[0], range[1]]. */
  range: [number, number];
  samples: number;
  /** Seed of the random direction (unused by 'interpolation', whose init seed is the training run's). */
  seed: number;
  baseUrl: string;
  backends: BackendName[];
}

export interface LandscapeCancelRequest {
  kind: 'cancel';
  seq: number;
}

export type LandscapeRequest =
  LandscapeComputeRequest | LandscapeLineRequest | LandscapeCancelRequest;

/** One evaluated point of a line: `index` into the line's α list. */
export interface LinePoint {
  index: number;
  alpha: number;
  loss: number;
  acc: number;
}

export type LandscapePhase = 'coarse' | 'fine';

export type LandscapeResponse =
  | { kind: 'status'; seq: number; text: string }
  /**
   * The backend in use; `wanted` is the first one asked for (a difference means a fallback,
   * unless `skippedSoftwareWebgl`: WebGL runs on `softwareWebgl`, a CPU rasteriser, so WebAssembly
   * was chosen as the faster); `reason` says what happened to each candidate up to this one
   * (null when the first was used).
   */
  | {
      kind: 'backend';
      seq: number;
      backend: string;
      wanted: string;
      softwareWebgl: string | null;
      skippedSoftwareWebgl: boolean;
      reason: string | null;
    }
  | {
      kind: 'centre';
      seq: number;
      loss: number;
      acc: number;
      params: number;
      dataset: string;
      samples: number;
    }
  | { kind: 'phase'; seq: number; phase: LandscapePhase; xs: number[]; ys: number[] }
  | {
      kind: 'row';
      seq: number;
      phase: LandscapePhase;
      row: number;
      points: SlicePoint[];
      done: number;
      total: number;
    }
  /** A line run's α list and what it evaluates (`initSeed`: the training run's seed, interpolation only; `dirSeed`: the random direction's, random only). */
  | {
      kind: 'lineStart';
      seq: number;
      path: LinePath;
      alphas: number[];
      samples: number;
      bn: 'train' | 'eval';
      initSeed: number | null;
      dirSeed: number | null;
      params: number;
      dataset: string;
    }
  /** Points of a line, in refinement order (coarse first): `done` of `total` so far. */
  | { kind: 'linePoints'; seq: number; points: LinePoint[]; done: number; total: number }
  | { kind: 'done'; seq: number; seconds: number; numTensors: number }
  /** `numTensors` null: the worker did not answer the cancel, so the page replaced it (landscapePort.ts). */
  | { kind: 'cancelled'; seq: number; numTensors: number | null }
  /**
   * `code` 'no-weights': the model has no shipped weights (not a bug; say so plainly);
   * 'context-lost': the WebGL context was lost mid-run (the page then replaces the worker).
   */
  | { kind: 'error'; seq: number; code: LandscapeErrorCode; message: string };

export type LandscapeErrorCode = 'no-weights' | 'context-lost' | 'error';
