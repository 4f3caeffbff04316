/**
 * What the toy panel shows of a finished run, built by pure functions: the slice as a
 * LandscapeView (so the page's contour draws it, the PCA trajectory on top), the facts, and the
 * sentence for a run that diverged or whose loss grew.
 */
import type { ToyOutcome } from '../gpu/toy/toyExperiment';
import { computedLoss, formatSeconds, type LandscapeView } from './landscapeView';
import type { ToyRun } from './toyStore';
import { TOY_OPTIMIZER_LABELS, toyData, type ToySettings } from './toySpec';

export function toyLandscapeView(
  o: ToyOutcome,
  s: ToySettings,
  backend: string | null,
): LandscapeView | null {
  if (!o.slice) return null;
  const pca = o.pca;
  return {
    source: 'gpu',
    title: `MLP 2-16-16-2 on ${toyData(s)}`,
    xs: Float64Array.from(o.slice.xcoordinates),
    ys: Float64Array.from(o.slice.ycoordinates),
    loss: Float64Array.from(o.slice.loss, computedLoss),
    acc: Float64Array.from(o.slice.acc),
    centre: o.train,
    data: null,
    directions: null,
    roughness: o.roughness ? { tvLogLoss: o.roughness.tvLogLoss } : null,
    trajectory: pca && {
      steps: pca.steps,
      x: Array.from(pca.x),
      y: Array.from(pca.y),
      relativeResidual: Array.from(pca.relativeResidual),
      explainedVariance: pca.explainedVarianceRatio,
    },
    provenance: `trained and sliced in your browser${backend ? ` on ${backend}` : ''}`,
  };
}

/** A diverged run's sentence, or (finite but) a loss that ended far above where it started; else null. */
export function toyWarning(o: Pick<ToyOutcome, 'divergedAt' | 'history'>): string | null {
  if (o.divergedAt !== null)
    return `Training diverged at step ${o.divergedAt}: try a smaller learning rate.`;
  const l = o.history.loss,
    n = l.length;
  if (n >= 2 && l[n - 1] > 10 * l[0]) {
    return `The loss grew from ${l[0].toPrecision(2)} to ${Number(l[n - 1].toPrecision(2)).toExponential()}: the learning rate is far too large; try a smaller one.`;
  }
  return null;
}

export interface ToyFact {
  label: string;
  value: string;
  id: string;
}

const pct = (v: number) => `${v.toFixed(1)} %`;
const loss = (v: number) => (v < 1e4 ? v.toPrecision(3) : v.toExponential(2));

export function toyFacts(o: ToyOutcome, s: ToySettings): ToyFact[] {
  const f: ToyFact[] = [];
  if (o.test && o.train) {
    f.push({ id: 'test-acc', label: 'Test accuracy', value: pct(o.test.acc) });
    f.push({ id: 'train-acc', label: 'Training accuracy', value: pct(o.train.acc) });
    f.push({
      id: 'loss',
      label: 'Loss (train / test)',
      value: `${loss(o.train.loss)} / ${loss(o.test.loss)}`,
    });
  }
  f.push({
    id: 'steps',
    label: 'Steps',
    value: `${o.steps} × batch ${Math.min(s.toyBatch, o.split.train.n)} (${TOY_OPTIMIZER_LABELS[s.toyOpt]}, lr ${s.toyLr})`,
  });
  f.push({
    id: 'seconds',
    label: 'Time',
    value: `${formatSeconds(o.seconds.train)} training, ${formatSeconds(o.seconds.slice)} slice`,
  });
  if (o.roughness)
    f.push({
      id: 'roughness',
      label: 'Roughness (TV of log loss)',
      value: o.roughness.tvLogLoss.toFixed(2),
    });
  if (o.pca) {
    const [a, b] = o.pca.explainedVarianceRatio;
    f.push({
      id: 'pca',
      label: 'PCA explained variance',
      value: `${pct(100 * a)} + ${pct(100 * b)}`,
    });
  }
  return f;
}

/** One line of what the run is doing now. */
export function toyProgressText(
  r: Pick<ToyRun, 'status' | 'step' | 'steps' | 'loss' | 'sliceDone' | 'sliceTotal' | 'error'>,
): string {
  switch (r.status) {
    case 'idle':
      return '';
    case 'running':
      if (r.sliceTotal > 0) return `Slicing the loss: ${r.sliceDone}/${r.sliceTotal} points…`;
      if (r.step > 0)
        return `Training: step ${r.step}/${r.steps}, batch loss ${r.loss !== null ? loss(r.loss) : '–'}…`;
      return 'Starting…';
    case 'cancelling':
      return 'Cancelling…';
    case 'cancelled':
      return 'Cancelled.';
    case 'done':
      return 'Done.';
    case 'error':
      return `Training failed: ${r.error}`;
  }
}
