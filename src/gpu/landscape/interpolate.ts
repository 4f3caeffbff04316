/**
 * 1D linear interpolation between two parameter sets (Goodfellow et al. 2015; upstream
 * plot_1D with two models): θ(α) = a + α·(b − a), α on `alpha` (e.g. −0.5 … 1.5), so α = 0 is
 * `a` and α = 1 is `b`.
 *
 * BatchNorm: with `bn: 'eval'` (default) every point uses the running statistics `buffers`, which
 * belong to one model (right at that end only; upstream's plot_1D does this). `bn: 'train'` uses
 * each batch's own statistics at every point, which describe the weights actually evaluated: the
 * fair choice between, say, an initialisation and a trained model (use one large batch).
 */
import * as tf from '@tensorflow/tfjs';
import type { BnMode, Net } from '../nets/net';
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
  bn?: BnMode;
  signal?: AbortSignal;
}

export async function interpolate(
  s: InterpolationSpec,
  onRow?: (row: SliceRow, done: number, total: number) => void,
): Promise<SliceResult> {
  const dx = s.to.map((b, i) => tf.sub(b, s.from[i]));
  try {
    return await computeSlice(
      {
        net: s.net,
        params: s.from,
        buffers: s.buffers,
        dx,
        x: s.alpha,
        batches: s.batches,
        bn: s.bn,
        signal: s.signal,
      },
      onRow,
    );
  } finally {
    tf.dispose(dx);
  }
}
