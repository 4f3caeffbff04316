/**
 * What the "Along a line" panel draws: a 1D slice, computed in the worker or read from a 1-D
 * .h5 file (upstream plot_1D layout). Plain data, built by pure functions.
 */
import { interpolationSummary } from '../core/view/interpolationSummary';
import { formatValue } from '../core/view/sliderScale';
import { NOT_COMPUTED, type SurfaceExtras, type SurfaceGrid } from '../io/surfaceFile';
import type { LinePath, LinePoint } from '../worker/landscapeProtocol';

/** The two computed paths: α range, points, and how they are named. */
export const LINE_PATHS: Record<LinePath, { label: string; range: [number, number]; num: number }> =
  {
    interpolation: { label: 'Initialisation → trained', range: [-0.5, 1.5], num: 41 },
    random: { label: 'Random direction', range: [-1, 1], num: 41 },
  };

export interface LineMark {
  alpha: number;
  label: string;
}

export interface LineView {
  source: 'gpu' | 'h5';
  /** "ResNet-20 with skip connections · initialisation → trained". */
  title: string;
  /** One line: what is plotted against what. */
  caption: string;
  alphas: Float64Array;
  loss: Float64Array;
  /** Percent; null when the source has none. */
  acc: Float64Array | null;
  /** 1 where the point has arrived; a computed NaN/∞ loss is a divergence, drawn as a gap. */
  computed: Uint8Array;
  /** Points named on the α axis (init and trained; the centre). */
  marks: LineMark[];
  /** One sentence on how BatchNorm was evaluated; null when unknown (a file). */
  bn: string | null;
  samples: number | null;
  provenance: string;
}

export interface LineStart {
  path: LinePath;
  alphas: readonly number[];
  samples: number;
  bn: 'train' | 'eval';
  initSeed: number | null;
  dirSeed: number | null;
  dataset: string;
}

const BN_TEXT = {
  train:
    'BatchNorm uses each point’s own batch statistics: the trained model’s running statistics do not describe the initial weights.',
  eval: 'BatchNorm uses the trained model’s running statistics (eval mode), as the 2D slices do.',
} as const;

/** An empty line to be filled by a worker run. */
export function emptyLineView(m: LineStart, model: string, provenance: string): LineView {
  const interp = m.path === 'interpolation';
  return {
    source: 'gpu',
    title: `${model} · ${interp ? 'initialisation → trained' : 'random direction'}`,
    caption: interp
      ? `Test loss (and accuracy) on θ(α) = θ_init + α·(θ_trained − θ_init), θ_init the training run’s start (seed ${m.initSeed}).`
      : `Test loss (and accuracy) on θ_trained + α·d, d a filter-normalised random direction of seed ${m.dirSeed} (the α axis of the 2D slice with that seed).`,
    alphas: Float64Array.from(m.alphas),
    loss: new Float64Array(m.alphas.length).fill(NaN),
    acc: new Float64Array(m.alphas.length).fill(NaN),
    computed: new Uint8Array(m.alphas.length),
    marks: interp
      ? [
          { alpha: 0, label: 'init' },
          { alpha: 1, label: 'trained' },
        ]
      : [{ alpha: 0, label: 'trained' }],
    bn: BN_TEXT[m.bn],
    samples: m.samples,
    provenance,
  };
}

/** A copy of `view` with streamed points written in. */
export function withLinePoints(view: LineView, points: readonly LinePoint[]): LineView {
  const loss = view.loss.slice(),
    acc = (view.acc ?? new Float64Array(loss.length).fill(NaN)).slice(),
    computed = view.computed.slice();
  for (const p of points) {
    loss[p.index] = p.loss;
    acc[p.index] = p.acc;
    computed[p.index] = 1;
  }
  return { ...view, loss, acc, computed };
}

/** What a 1-D file's extra datasets say about its path (`landscape-lab interpolate` writes them). */
function filePath(extras: SurfaceExtras): { from: string; to: string; bn: string | null } | null {
  const { path, interpolation_from: from, interpolation_to: to, bn } = extras;
  if (path !== 'interpolation' || typeof from !== 'string' || typeof to !== 'string') return null;
  return { from, to, bn: typeof bn === 'string' ? bn : null };
}

const FILE_BN_TEXT: Record<string, string> = {
  batch: 'BatchNorm used each point’s own batch statistics (--bn batch).',
  from: 'BatchNorm used the running statistics of the α = 0 end (--bn from).',
  to: 'BatchNorm used the running statistics of the α = 1 end (--bn to).',
};

/**
 * A 1-D .h5 slice (xcoordinates and train_loss, no ycoordinates): -1 = not computed, NaN/∞ =
 * diverged. `extras` (readSurfaceExtras) name the ends when the file is an interpolation.
 */
export function lineFromSurfaceGrid(
  g: SurfaceGrid,
  fileName: string,
  extras: SurfaceExtras = {},
): LineView {
  if (g.ycoordinates !== null) throw new Error(`${fileName}: a 2-D slice, not a line`);
  const n = g.xcoordinates.length;
  if (n < 2)
    throw new Error(`${fileName}: a line of ${n} point${n === 1 ? '' : 's'}; need at least 2`);
  const raw = g.values.train_loss;
  const computed = Uint8Array.from(raw, (v) => (v === NOT_COMPUTED ? 0 : 1));
  if (!computed.some((c) => c))
    throw new Error(`${fileName}: train_loss holds no computed values (all -1)`);
  const alphas = Float64Array.from(g.xcoordinates);
  const lo = Math.min(...alphas),
    hi = Math.max(...alphas);
  const path = filePath(extras);
  // An interpolation from an initialisation gets the same marks as a computed one (and its sentence).
  const endLabels = path
    ? path.from.startsWith('init')
      ? ['init', 'trained']
      : ['from', 'to']
    : ['α = 0', 'α = 1'];
  return {
    source: 'h5',
    title: `${fileName} · your .h5 file`,
    caption: path
      ? `train_loss (and train_acc) on θ(α) = θ_from + α·(θ_to − θ_from), from ${path.from} (α = 0) to ${path.to} (α = 1), as the file records.`
      : 'train_loss (and train_acc) of the file against its xcoordinates (α); the file does not say which path it is.',
    alphas,
    loss: Float64Array.from(raw, (v) => (v === NOT_COMPUTED ? NaN : v)),
    acc: g.values.train_acc ? Float64Array.from(g.values.train_acc) : null,
    computed,
    marks: [0, 1].filter((a) => a >= lo && a <= hi).map((a) => ({ alpha: a, label: endLabels[a] })),
    bn: path?.bn ? (FILE_BN_TEXT[path.bn] ?? null) : null,
    samples: null,
    provenance:
      `opened from ${fileName}` + (g.meta.dirFile ? ` (directions: ${g.meta.dirFile})` : ''),
  };
}

/**
 * What an init → trained line shows between its ends, in one sentence (Goodfellow et al. 2015
 * found the loss usually falls monotonically); null until every point from α = 0 to 1 is in, or
 * for other lines.
 */
export function interpolationSentence(view: LineView): string | null {
  if (!view.marks.some((m) => m.label === 'init')) return null;
  const alpha: number[] = [],
    loss: number[] = [];
  view.alphas.forEach((a, i) => {
    if (a < -1e-9 || a > 1 + 1e-9) return;
    alpha.push(a);
    loss.push(view.computed[i] ? view.loss[i] : NaN);
  });
  if (view.alphas.some((a, i) => a >= -1e-9 && a <= 1 + 1e-9 && !view.computed[i])) return null;
  const s = interpolationSummary(alpha, loss);
  if (!s.atFrom || !s.atTo || !Number.isFinite(s.atFrom.loss) || !Number.isFinite(s.atTo.loss))
    return null;
  const ends = `from ${formatValue(s.atFrom.loss)} at the initialisation to ${formatValue(s.atTo.loss)} trained`;
  if (s.monotonic)
    return `Between α = 0 and 1 the loss falls monotonically, ${ends}: no barrier on this line, as Goodfellow et al. found.`;
  const barrier = s.peak && s.peak.loss > Math.max(s.atFrom.loss, s.atTo.loss);
  return barrier
    ? `Between α = 0 and 1 the loss rises to ${formatValue(s.peak!.loss)} at α = ${formatValue(s.peak!.alpha)}, above both ends (${ends}): a barrier.`
    : `Between α = 0 and 1 the loss goes ${ends}, not monotonically: it rises somewhere on the way, but not above the ends.`;
}
