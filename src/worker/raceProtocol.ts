import type { RunConfig } from '../core/config';
import type { ContourBand } from '../core/view/contourPaths';

/** Run every racer's config. */
export interface RaceRequest {
  kind: 'race';
  seq: number;
  racers: { id: string; config: RunConfig }[];
}

export interface RacerResult {
  id: string;
  start: readonly [number, number];
  params: Float64Array;
  loss: Float64Array;
  lr: Float64Array;
  steps: number;
  divergedAt: number | null;
  /** A run that threw (it should not: configs are validated) carries the message here. */
  error: string | null;
}

export interface RaceResponse {
  kind: 'race';
  seq: number;
  results: RacerResult[];
  /** Compute time in the worker (ms). */
  ms: number;
}

/** Sample a surface and contour it for a width × height drawing. */
export interface SurfaceRequest {
  kind: 'surface';
  seq: number;
  surface: string;
  surfaceParams: Record<string, number>;
  width: number;
  height: number;
  /** Grid points per side. */
  resolution: number;
  levels: number;
}

export interface SurfaceResponse {
  kind: 'surface';
  seq: number;
  surface: string;
  bands: ContourBand[];
  min: number;
  max: number;
  log: boolean;
}

export type WorkerRequest = RaceRequest | SurfaceRequest;
export type WorkerResponse = RaceResponse | SurfaceResponse | { kind: 'error'; seq: number; request: WorkerRequest['kind']; message: string };
