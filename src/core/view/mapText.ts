/**
 * A trainability map in words: the summary a screen reader hears for the whole map, a cell's
 * axis values, and a run's outcome as a sentence. The map's canvas and the clicked cell's panel
 * say exactly these.
 */
import type { RunConfig } from '../config';
import { AXES, axisValueAt } from '../map/mapAxes';
import type { CellOutcome, CellStatus } from '../map/mapOutcome';
import type { MapSpec } from '../map/mapSpec';
import { findOptimizer } from '../optimizers/registry';
import { SURFACES } from '../surfaces/registry';
import { formatValue } from './sliderScale';
import type { Cell } from './mapView';

const count = (n: number) => n.toLocaleString('en-US');

/** What the map trains: "SGD on Rosenbrock" or "the one-hidden-layer tanh network (width 16)". */
export function mapSubject(spec: MapSpec): string {
  if (spec.kind === 'mlp') return `the one-hidden-layer tanh network (width ${spec.width})`;
  const opt = findOptimizer(spec.optimizer)?.type ?? spec.optimizer;
  const surface = SURFACES.find((s) => s.id === spec.surface)?.name ?? spec.surface;
  return `${opt} on ${surface}`;
}

/**
 * The whole map in a sentence: what it trains, its axes, its size and, once computed, how many
 * runs converged, diverged or neither.
 */
export function mapSummary(spec: MapSpec, counts: Record<CellStatus, number> | null): string {
  const axes = `${AXES[spec.x.key].label} × ${AXES[spec.y.key].label}`;
  const size = `${spec.x.n} × ${spec.y.n} runs of ${count(spec.steps)} steps`;
  const head = `Trainability map of ${mapSubject(spec)}: ${axes}, ${size}`;
  if (!counts) return `${head}; not computed yet.`;
  return (
    `${head}: ${count(counts.converged)} converged, ${count(counts.diverged)} diverged, ` +
    `${count(counts.bounded)} neither.`
  );
}

/** A cell's two axis values, e.g. "lr = 0.0316, μ = 0.9". */
export function cellValuesText(spec: MapSpec, c: Cell): string {
  const one = (a: MapSpec['x'], p: number) => {
    const v = axisValueAt(a, p + 0.5);
    return `${AXES[a.key].symbol} = ${AXES[a.key].integer ? String(v) : formatValue(v)}`;
  };
  return `${one(spec.x, c.i)}, ${one(spec.y, c.j)}`;
}

/** A run's outcome as a sentence: converged at a step, diverged at a step, or neither. */
export function outcomeSentence(o: CellOutcome, tol: number, steps: number): string {
  if (o.divergedAt >= 0) return `Diverged at step ${o.divergedAt}.`;
  if (o.reachedAt >= 0)
    return `Converged to within ${formatValue(tol)} at step ${o.reachedAt}; final loss ${formatValue(o.finalLoss)}.`;
  return `Neither: not within ${formatValue(tol)} in ${count(steps)} steps, and no divergence; final loss ${formatValue(o.finalLoss)}.`;
}

/** A run's settings in one line: the optimizer's hyperparameters, start, steps and batch. */
export function runSettingsText(config: RunConfig): string {
  const hp = Object.entries(config.optimizer.hp)
    .map(([k, v]) => `${k} ${Array.isArray(v) ? v.map(num).join(', ') : num(v)}`)
    .join(', ');
  const b = config.batch;
  const batch = b
    ? `batch ${b.size} of ${b.samples} samples (noise ${num(b.noise)}, seed ${b.seed})`
    : 'exact gradient';
  return `${config.optimizer.type}(${hp}); start (${num(config.start[0])}, ${num(config.start[1])}); ${count(config.steps)} steps; ${batch}`;
}

const num = (v: unknown) => (typeof v === 'number' ? formatValue(v) : String(v));
