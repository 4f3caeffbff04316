import type { ViewBox } from '../core/surfaces/surface';
import { trajectoryFingerprint } from '../core/view/polyline';
import { trajectoryPoints } from '../core/view/trajectoryPath';
import { viewScales, type ViewScales } from '../core/view/viewScales';
import type { StepArrowRun } from '../core/view/stepArrows';
import type { Context2D } from './context';
import { paintStepArrows } from './paintStepArrows';
import { paintTrajectories, type TrajectoryStroke } from './paintTrajectories';

/** Everything the trajectory layer needs besides the runs. */
export interface TrajectoryView {
  /** The surface's box and the drawing size in drawing units (core/view/viewScales). */
  domain: ViewBox;
  width: number;
  height: number;
  /** Bitmap size in device pixels. */
  pixelWidth: number;
  pixelHeight: number;
  /** Colour and dash of each racer, by id. */
  styles: Record<string, { color: string; dashed: boolean }>;
  /** Outline of the heads and ✕ marks (the theme's card colour). */
  card: string;
  /** The shown step. */
  step: number;
  /** Whether to draw the anatomy of the step from each racer's shown point (draw/paintStepArrows). */
  arrows: boolean;
}

/** A computed run, as the layer draws it (with its gradients and buffer for the step arrows). */
export interface TrajectoryRun extends StepArrowRun {
  id: string;
  start: readonly [number, number];
  params: Float64Array;
  steps: number;
  divergedAt: number | null;
  /** The optimizer's second point per step (flat like `params`), drawn dashed; null if none. */
  shadow?: Float64Array | null;
}

/**
 * The race's trajectory layer: runs + view → one painted canvas. It lives where its canvas lives:
 * in the race worker (an OffscreenCanvas, so a new race is on screen as soon as it is computed,
 * without a round trip through the page's busy main thread), or in the page when the worker
 * cannot draw. Geometry is recomputed only when the runs, the box or the styles change; a new
 * step or bitmap size only repaints.
 */
export class TrajectoryScene {
  private view: TrajectoryView | null = null;
  private runs: readonly TrajectoryRun[] = [];
  private lines: TrajectoryStroke[] | null = null;
  private scales: ViewScales | null = null;
  /** core/view/polyline.trajectoryFingerprint of what is drawn. */
  fingerprint = trajectoryFingerprint([]);

  constructor(private readonly canvas: HTMLCanvasElement | OffscreenCanvas) {}

  /** Merges a partial view; returns whether the geometry (not only step or size) changed. */
  setView(patch: Partial<TrajectoryView>): boolean {
    const next = { ...(this.view ?? EMPTY_VIEW), ...patch };
    const geometry =
      !this.view ||
      patch.domain !== undefined ||
      patch.width !== undefined ||
      patch.height !== undefined ||
      patch.styles !== undefined;
    this.view = next;
    if (geometry) this.lines = null;
    return geometry;
  }

  setRuns(runs: readonly TrajectoryRun[]): void {
    this.runs = runs;
    this.lines = null;
  }

  /** Paints the current runs at the current step (nothing before a view with a size arrives). */
  paint(): void {
    const v = this.view;
    if (!v || v.pixelWidth < 1 || v.pixelHeight < 1 || v.width <= 0) return;
    if (this.canvas.width !== v.pixelWidth || this.canvas.height !== v.pixelHeight) {
      this.canvas.width = v.pixelWidth;
      this.canvas.height = v.pixelHeight;
    }
    const ctx = this.canvas.getContext('2d') as Context2D | null;
    if (!ctx) return;
    if (!this.lines) {
      const scales = (this.scales = viewScales(v.domain, v.width, v.height));
      this.lines = this.runs.flatMap((r) => {
        const style = v.styles[r.id];
        if (!style || r.params.length < 2 * r.steps) return [];
        const stroke = (xy: Float64Array, second: boolean): TrajectoryStroke => ({
          pts: trajectoryPoints(r.start, xy, r.steps, scales),
          color: style.color,
          dashed: style.dashed,
          diverged: !second && r.divergedAt !== null,
          second,
        });
        const main = stroke(r.params, false);
        return r.shadow && r.shadow.length >= 2 * r.steps ? [main, stroke(r.shadow, true)] : [main];
      });
      this.fingerprint = trajectoryFingerprint(this.lines.map((l) => l.pts.xy));
    }
    ctx.setTransform(1, 0, 0, 1, 0, 0);
    ctx.clearRect(0, 0, v.pixelWidth, v.pixelHeight);
    ctx.setTransform(v.pixelWidth / v.width, 0, 0, v.pixelHeight / v.height, 0, 0);
    paintTrajectories(ctx, this.lines, v.step, v.card);
    if (v.arrows && this.scales) paintStepArrows(ctx, this.runs, v, this.scales);
  }
}

const EMPTY_VIEW: TrajectoryView = {
  domain: { xmin: 0, xmax: 1, ymin: 0, ymax: 1 },
  width: 0,
  height: 0,
  pixelWidth: 0,
  pixelHeight: 0,
  styles: {},
  card: '#fff',
  step: 0,
  arrows: false,
};
