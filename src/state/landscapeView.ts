/**
 * What the landscape panels show, whatever it came from: a shipped JSON slice, a user's .h5
 * file, or a slice being computed on the user's GPU. Plain data, built by pure functions.
 */
import { roughness } from '../core/view/roughness';
import { sharedLossScale, type SharedScale } from '../core/view/sharedScale';
import { sliceCurvature } from '../core/view/sliceCurvature';
import type { DataSplit, LandscapeJson } from '../io/landscapeJson';
import { NOT_COMPUTED, type SurfaceGrid } from '../io/surfaceFile';

export type LandscapeSource = 'shipped' | 'h5' | 'gpu';

export interface LandscapeView {
  source: LandscapeSource;
  /** "ResNet-56 with skip connections · shipped slice". */
  title: string;
  xs: Float64Array;
  ys: Float64Array;
  /** Meshgrid flat order (values[j·nx + i] at (xs[i], ys[j])); NaN = not computed (yet), +∞ = diverged. */
  loss: Float64Array;
  /** Percent; null when the source has none. */
  acc: Float64Array | null;
  /** Loss (on `data`) and accuracy of the trained weights (the centre); see `centreAccSplit`. */
  centre: LandscapeJson['centre'] | null;
  data: LandscapeJson['data'] | null;
  directions: LandscapeJson['directions'] | null;
  roughness: Record<string, number> | null;
  trajectory: LandscapeJson['trajectory'] | null;
  /** One line about how it was made (backend, seconds, file name). */
  provenance: string;
}

/**
 * The images the centre's accuracy was measured on: the label where the source gives one (the
 * shipped slices: the test split, while their loss is on train images), else the slice's own
 * data split (a slice computed here measures both on the same test images); null: unknown.
 */
export const centreAccSplit = (v: Pick<LandscapeView, 'centre' | 'data'>): DataSplit | null =>
  v.centre?.accSplit ?? v.data?.split ?? null;

/** What the centre's number is called: "test accuracy", "training accuracy", or "accuracy". */
export function centreAccuracyName(v: Pick<LandscapeView, 'centre' | 'data'>): string {
  const split = centreAccSplit(v);
  return split === null ? 'accuracy' : `${split === 'train' ? 'training' : 'test'} accuracy`;
}

/** Shipped files store a diverged (non-finite) loss as this cap, since JSON has no Infinity. */
export const DIVERGED_LOSS = 1e30;

/**
 * A stored loss as the panels take it: −1 (upstream's "not computed") → NaN; diverged (the cap,
 * ±∞ or NaN in the file) → +∞, drawn as the highest loss, never as a hole.
 */
const nanFor = (v: number) =>
  v === NOT_COMPUTED ? NaN : Number.isFinite(v) && v < DIVERGED_LOSS ? v : Infinity;
/** Accuracy has no "diverged": anything but a percentage is NaN. */
const accFor = (v: number) => (Number.isFinite(v) && v !== NOT_COMPUTED ? v : NaN);
/** A computed point's loss: a non-finite one diverged (+∞). */
export const computedLoss = (v: number) => (Number.isFinite(v) ? v : Infinity);

export function fromLandscapeJson(j: LandscapeJson, title: string): LandscapeView {
  return {
    source: 'shipped',
    title,
    xs: Float64Array.from(j.xcoordinates),
    ys: Float64Array.from(j.ycoordinates),
    loss: Float64Array.from(j.train_loss, nanFor),
    acc: Float64Array.from(j.train_acc, accFor),
    centre: j.centre && Number.isFinite(j.centre.loss) ? j.centre : null,
    data: j.data ?? null,
    directions: j.directions ?? null,
    roughness: j.roughness ?? null,
    trajectory: j.trajectory ?? null,
    provenance:
      `precomputed by ${j.meta?.generatedBy ?? 'unknown'} on ${j.meta?.backend ?? '?'}` +
      (Number.isFinite(j.meta?.seconds) ? ` in ${formatSeconds(j.meta.seconds)}` : ''),
  };
}

/** A .h5 surface file (upstream layout). 1-D slices are refused: these panels are 2-D. */
export function fromSurfaceGrid(g: SurfaceGrid, fileName: string): LandscapeView {
  if (g.ycoordinates === null)
    throw new Error(`${fileName}: a 1-D slice (no ycoordinates); this page draws 2-D slices`);
  if (g.xcoordinates.length < 2 || g.ycoordinates.length < 2) {
    throw new Error(
      `${fileName}: a ${g.xcoordinates.length}×${g.ycoordinates.length} grid; need at least 2×2 points`,
    );
  }
  const loss = Float64Array.from(g.values.train_loss, nanFor);
  if (!loss.some(Number.isFinite))
    throw new Error(`${fileName}: train_loss holds no computed values (all -1 or not finite)`);
  return {
    source: 'h5',
    title: `${fileName} · your .h5 file`,
    xs: Float64Array.from(g.xcoordinates),
    ys: Float64Array.from(g.ycoordinates),
    loss,
    acc: g.values.train_acc ? Float64Array.from(g.values.train_acc, accFor) : null,
    centre: null,
    data: null,
    directions: null,
    roughness: null,
    trajectory: null,
    provenance:
      `opened from ${fileName}` + (g.meta.dirFile ? ` (directions: ${g.meta.dirFile})` : ''),
  };
}

/** An empty grid to be filled row by row by a GPU computation. */
export function emptyComputedView(
  xs: readonly number[],
  ys: readonly number[],
  title: string,
  provenance: string,
  extra: Pick<LandscapeView, 'centre' | 'data' | 'directions'> = {
    centre: null,
    data: null,
    directions: null,
  },
): LandscapeView {
  const n = xs.length * ys.length;
  return {
    source: 'gpu',
    title,
    provenance,
    xs: Float64Array.from(xs),
    ys: Float64Array.from(ys),
    loss: new Float64Array(n).fill(NaN),
    acc: new Float64Array(n).fill(NaN),
    ...extra,
    roughness: null,
    trajectory: null,
  };
}

/** A copy of `view` with one streamed row's points written in (flat indices). */
export function withRow(
  view: LandscapeView,
  points: readonly { index: number; loss: number; acc: number }[],
): LandscapeView {
  const loss = view.loss.slice(),
    acc = (view.acc ?? new Float64Array(loss.length).fill(NaN)).slice();
  for (const p of points) {
    loss[p.index] = computedLoss(p.loss);
    acc[p.index] = p.acc;
  }
  return { ...view, loss, acc };
}

/** The value at the grid point nearest (0, 0), i.e. the trained weights, when the grid has it. */
export function centreLoss(view: Pick<LandscapeView, 'xs' | 'ys' | 'loss'>): number | null {
  const near = (c: Float64Array) =>
    c.reduce((best, v, k) => (Math.abs(v) < Math.abs(c[best]) ? k : best), 0);
  const i = near(view.xs),
    j = near(view.ys);
  if (Math.abs(view.xs[i]) > 1e-9 || Math.abs(view.ys[j]) > 1e-9) return null;
  const v = view.loss[j * view.xs.length + i];
  return Number.isFinite(v) ? v : null;
}

const BACKEND_LABELS: Record<string, string> = {
  webgpu: 'WebGPU (GPU)',
  webgl: 'WebGL (GPU)',
  wasm: 'WebAssembly (CPU)',
  cpu: 'plain JavaScript (CPU)',
};
/** A tfjs backend name as a reader knows it: 'webgl' → "WebGL (GPU)". */
export const backendLabel = (b: string): string => BACKEND_LABELS[b] ?? b;

/**
 * The backend line's words, knowing whether WebGL is software-rendered here (`softwareWebgl`,
 * the rasteriser's name): WebGL on one is no GPU; WebAssembly chosen over one was chosen for
 * speed, not as a fallback (`why`, said instead of the "not available" warning).
 */
export function backendWords(
  backend: string,
  wanted: string | null,
  softwareWebgl: string | null,
): { label: string; why: string | null } {
  if (backend === 'webgl' && softwareWebgl)
    return { label: `WebGL, software renderer (${softwareWebgl})`, why: null };
  if (backend === 'wasm' && wanted === 'webgl' && softwareWebgl)
    return {
      label: 'WebAssembly',
      why: `WebGL is software-rendered here (${softwareWebgl}), WASM is faster for this job`,
    };
  return { label: backendLabel(backend), why: null };
}

export function formatSeconds(s: number): string {
  return s < 60
    ? `${s.toFixed(1)} s`
    : s < 3600
      ? `${(s / 60).toFixed(1)} min`
      : `${(s / 3600).toFixed(1)} h`;
}

/**
 * Loss range, and the roughness measures: the file's own, else computed for a complete grid.
 * The slice's curvature (nonConvexShare, meanNegRatio) is computed from the grid where the file
 * predates it; its stencils skip points not computed, so a streaming grid gets it only complete.
 */
export function viewSummary(view: LandscapeView): {
  lo: number;
  hi: number;
  rough: Record<string, number> | null;
} {
  let lo = Infinity,
    hi = -Infinity,
    complete = true;
  for (const v of view.loss) {
    if (Number.isFinite(v)) {
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    } else complete = false;
  }
  const grid = { xcoordinates: view.xs, ycoordinates: view.ys, loss: view.loss };
  if (view.roughness) {
    if (typeof view.roughness.nonConvexShare === 'number') return { lo, hi, rough: view.roughness };
    const c = sliceCurvature(grid);
    return {
      lo,
      hi,
      rough: { ...view.roughness, nonConvexShare: c.nonConvexShare, meanNegRatio: c.meanNegRatio },
    };
  }
  if (!complete) return { lo, hi, rough: null };
  try {
    const r = roughness(grid);
    return {
      lo,
      hi,
      rough: {
        tvLogLoss: r.tvLogLoss,
        localMinima: r.localMinima,
        basinWidth: r.basinWidth,
        nonConvexShare: r.nonConvexShare,
        meanNegRatio: r.meanNegRatio,
      },
    };
  } catch {
    return { lo, hi, rough: null };
  }
}

/** One colour scale for slices drawn side by side (the comparison grid and the pair widget). */
export function sharedViewScale(views: Iterable<LandscapeView | null | undefined>): SharedScale {
  const ranges = [];
  for (const v of views) {
    if (!v) continue;
    const { lo, hi } = viewSummary(v);
    ranges.push({ min: lo, max: hi });
  }
  return sharedLossScale(ranges);
}
