/**
 * An MLP map cell's loss curve L₀ … L_T on a log axis that always shows the two lines the map's
 * outcome rule reads: the tolerance (converged once under it) and the divergence bound (diverged
 * once over it, core/map/mapOutcome). The range and the curve's clipping are the race's loss
 * chart's (core/view/lossView); a diverged curve is drawn to the top edge where it crossed.
 */
import { divergenceBound } from '../map/mapOutcome';
import { clippedPoints, lossView, type LossView } from './lossView';

export interface CellLossChart {
  view: LossView;
  /** The curve in drawing units (flat [x, y, …]); see lossView.clippedPoints. */
  xy: Float64Array;
  tol: { value: number; y: number };
  bound: { value: number; y: number };
}

export function cellLossChart(
  losses: ArrayLike<number>,
  tol: number,
  steps: number,
  width: number,
  height: number,
  margin: { l: number; r: number; t: number; b: number },
  font: number,
): CellLossChart {
  const bound = divergenceBound(losses[0]);
  const series = [
    { id: 'loss', values: losses, divergedAt: null },
    // One-point series stretch the axis over both lines.
    { id: 'tol', values: [tol], divergedAt: null },
    { id: 'bound', values: [bound], divergedAt: null },
  ];
  // capFactor 1: the bound is the largest start, so nothing above it widens the axis.
  const view = lossView(series, steps, width, height, { margin, axis: 'log', capFactor: 1 });
  const y = (v: number) => view.y(v);
  return {
    view: { ...view, yTicks: spacedTicks(view.yTicks, y, 1.5 * font) },
    xy: clippedPoints(losses, view, view.clips[0]),
    tol: { value: tol, y: y(tol) },
    bound: { value: bound, y: y(bound) },
  };
}

/** Every k-th tick, the smallest k that leaves `gap` px between neighbours. */
function spacedTicks(ticks: number[], y: (v: number) => number, gap: number): number[] {
  for (let k = 1; k < ticks.length; k++) {
    const kept = ticks.filter((_, i) => i % k === 0);
    if (kept.every((t, i) => i === 0 || Math.abs(y(t) - y(kept[i - 1])) >= gap)) return kept;
  }
  return ticks.slice(0, 1);
}
