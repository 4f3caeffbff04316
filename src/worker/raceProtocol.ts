import type { RunConfig } from '../core/config';
import type { MomentSpec } from '../core/optimizers/optimizerSpec';
import type { ContourBand } from '../core/view/contourPaths';
import type { TrajectoryView } from '../draw/trajectoryScene';

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
  /**
   * The optimizer's second point after each step, flat like `params` (schedule-free's x,
   * Lookahead's slow weights: RunResult.shadow), drawn dashed; null for optimizers without one.
   */
  shadow: Float64Array | null;
  /** The gradient each step used, flat like `params` (RunResult.grad): the step arrows. */
  grad: Float64Array;
  /** The momentum / first-moment buffer after each step (RunResult.moment), or null. */
  moment: Float64Array | null;
  /** What that buffer is (its record's `moment`: label and units); null without one. */
  momentOf: MomentSpec | null;
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

/** Hands the page's trajectory canvas to the worker, which then draws every race itself. */
export interface AttachCanvasMessage {
  kind: 'attach-canvas';
  canvas: OffscreenCanvas;
}

/** A change of what the trajectory layer shows: box, size, styles, theme colour or step. */
export interface TrajectoryViewMessage {
  kind: 'trajectory-view';
  view: Partial<TrajectoryView>;
}

/**
 * The worker drew the race `seq` (new runs or new geometry; not sent for a step-only repaint).
 * `paintedAt` is the epoch time (timeOrigin + now, in ms) once the drawing task has ended, i.e.
 * the frame is rasterised and committed; the page subtracts its own timeOrigin.
 */
export interface DrawnResponse {
  kind: 'drawn';
  seq: number;
  fingerprint: string;
  paintedAt: number;
}

export type WorkerRequest = RaceRequest | SurfaceRequest;
export type WorkerMessage = WorkerRequest | AttachCanvasMessage | TrajectoryViewMessage;
export type WorkerResponse =
  | RaceResponse
  | SurfaceResponse
  | DrawnResponse
  | { kind: 'error'; seq: number; request: WorkerRequest['kind']; message: string };
