/**
 * 1D linear interpolation between two parameter sets (Goodfellow et al. 2015; upstream
 * plot_1D with two models): θ(α) = a + α·(b − a), α on `alpha` (e.g. −0.5 … 1.5), so α = 0 is
 * `a` and α = 1 is `b`. BN running statistics stay those given (usually a's).
 */
import * as tf from '@tensorflow/tfjs';
import type { Net } from '../nets/net';
import type { Batch } from './evaluate';
import type { Axis } from './grid';
import { computeSlice, type SliceResult, type SliceRow } from './slice';

export interface InterpolationSpec {
  net: Net;
  from: readonly tf.Tensor[];
  to: readonly tf.Tensor[];
  buffers: readonly tf.Tensor[];
  alpha: Axis;
  batches: readonly Batch[];
  signal?: AbortSignal;
}

export async function interpolate(
  s: InterpolationSpec, onRow?: (row: SliceRow, done: number, total: number) => void,
): Promise<SliceResult> {
  const dx = s.to.map((b, i) => tf.sub(b, s.from[i]));
  try {
    return await computeSlice(
      { net: s.net, params: s.from, buffers: s.buffers, dx, x: s.alpha, batches: s.batches, signal: s.signal },
      onRow,
    );
  } finally {
    tf.dispose(dx);
  }
}
