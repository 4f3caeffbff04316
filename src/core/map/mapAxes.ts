/**
 * A trainability map's two axes: which hyperparameter each varies, over what range, on what
 * scale, at how many cells. One registry (`AXES`) holds each axis kind's own facts (its label,
 * what values are legal, whether it is an integer); the grid is cell centres, so a zoom box
 * drawn in cell coordinates becomes the new axes exactly (`zoomAxis`).
 */
import type { PerRunKey } from '../optimizers/optimizerSpec';

/** What an axis varies: an optimizer's per-run hyperparameter, the batch size, the start, or an MLP layer's lr. */
export type MapAxisKey = PerRunKey | 'batch' | 'x0' | 'y0' | 'lr1' | 'lr2';

export interface MapAxis {
  key: MapAxisKey;
  min: number;
  max: number;
  /** Cells spaced evenly in log10 (min > 0) rather than linearly. */
  log: boolean;
  /** Cells along the axis. */
  n: number;
}

export interface AxisFacts {
  label: string;
  /** The value as the map's hover and the CLI print it (TeX-free). */
  symbol: string;
  /** An error naming the value when `v` is not legal for this axis (without the field name), else null. */
  illegal(v: number): string | null;
  /** Rounded to an integer before use (the batch size). */
  integer?: boolean;
  /** Where the axis lives: the optimizer's hyperparameters, the run, or the MLP problem. */
  on: 'optimizer' | 'run' | 'mlp';
}

const positive = (v: number) => (v > 0 ? null : `must be > 0, got ${v}`);
const unitInterval = (v: number) => (v >= 0 && v < 1 ? null : `must be in [0, 1), got ${v}`);
const anyFinite = () => null;

/** Every axis kind and its facts; a map's axis key must be one of these. */
export const AXES: Readonly<Record<MapAxisKey, AxisFacts>> = {
  lr: { label: 'Learning rate', symbol: 'lr', illegal: positive, on: 'optimizer' },
  momentum: { label: 'Momentum', symbol: 'μ', illegal: unitInterval, on: 'optimizer' },
  alpha: { label: 'Smoothing α', symbol: 'α', illegal: unitInterval, on: 'optimizer' },
  beta1: { label: 'β₁', symbol: 'β₁', illegal: unitInterval, on: 'optimizer' },
  beta2: { label: 'β₂', symbol: 'β₂', illegal: unitInterval, on: 'optimizer' },
  batch: {
    label: 'Batch size',
    symbol: 'B',
    illegal: (v) => (v >= 1 ? null : `must be ≥ 1, got ${v}`),
    integer: true,
    on: 'run',
  },
  x0: { label: 'Start x', symbol: 'x₀', illegal: anyFinite, on: 'run' },
  y0: { label: 'Start y', symbol: 'y₀', illegal: anyFinite, on: 'run' },
  lr1: { label: 'Input-layer learning rate', symbol: 'η₁', illegal: positive, on: 'mlp' },
  lr2: { label: 'Output-layer learning rate', symbol: 'η₂', illegal: positive, on: 'mlp' },
};

export const AXIS_KEYS = Object.keys(AXES) as MapAxisKey[];

const toU = (a: MapAxis, v: number) => (a.log ? Math.log10(v) : v);
const fromU = (a: MapAxis, u: number) => (a.log ? Math.pow(10, u) : u);

/**
 * The value at fractional cell position `p` ∈ [0, n]: 0 is `min`, n is `max`, cell i's centre is
 * i + ½ (linear in log10 for a log axis). Integer axes round.
 */
export function axisValueAt(a: MapAxis, p: number): number {
  const lo = toU(a, a.min),
    hi = toU(a, a.max);
  const v = fromU(a, lo + ((hi - lo) * p) / a.n);
  return AXES[a.key].integer ? Math.round(v) : v;
}

/** The n cell-centre values of the axis, in order. */
export function axisValues(a: MapAxis): Float64Array {
  const out = new Float64Array(a.n);
  for (let i = 0; i < a.n; i++) out[i] = axisValueAt(a, i + 0.5);
  return out;
}

/** The fractional cell position of a value (inverse of `axisValueAt`, before rounding). */
export function axisPositionOf(a: MapAxis, v: number): number {
  const lo = toU(a, a.min),
    hi = toU(a, a.max);
  return ((toU(a, v) - lo) / (hi - lo)) * a.n;
}

/**
 * The axis over [p0, p1] (fractional cell positions, either order, clamped to [0, n]) at the
 * same resolution: what "drag a box to zoom" recomputes. The new min and max are the box's
 * edges exactly, so its cells are the box cut into n.
 */
export function zoomAxis(a: MapAxis, p0: number, p1: number): MapAxis {
  const lo = Math.max(0, Math.min(p0, p1)),
    hi = Math.min(a.n, Math.max(p0, p1));
  if (!(hi > lo)) throw new Error(`zoom: the box along ${a.key} is empty (${p0} to ${p1})`);
  const edge = (p: number) => {
    const u0 = toU(a, a.min),
      u1 = toU(a, a.max);
    return fromU(a, u0 + ((u1 - u0) * p) / a.n);
  };
  return { ...a, min: edge(lo), max: edge(hi) };
}
