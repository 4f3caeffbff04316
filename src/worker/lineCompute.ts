/**
 * One "Along a line" run: the loss and accuracy along a 1D path through weight space,
 * streamed coarse-to-fine (core/refineOrder), for the landscape worker and for Node tests.
 *
 * - 'interpolation' (Goodfellow et al. 2015): θ(α) = θ_init + α·(θ_trained − θ_init), with θ_init
 *   = initParams(net, { seed }) for the seed recorded in weights.json (`training.seed`), i.e. the
 *   training run's own start. BN uses batch statistics (`bn: 'train'`), over one batch of all the
 *   samples: the trained model's running statistics do not describe the initial weights.
 * - 'random': filter-normalised random direction x of `seed` (the α axis of the 2D slice with the
 *   same seed) through the trained weights, BN on the running statistics.
 * Every tensor it makes is disposed before it returns, cancelled or not.
 */
import * as tf from '@tensorflow/tfjs';
import { refineOrder } from '../core/refineOrder';
import { randomDirections } from '../gpu/landscape/directions';
import { linspace } from '../gpu/landscape/grid';
import { interpolate } from '../gpu/landscape/interpolate';
import { computeSlice, type SliceRow } from '../gpu/landscape/slice';
import { loadWeights, recordedTrainingSeed } from '../gpu/modelZoo';
import { paramCount } from '../gpu/nets/net';
import { initParams } from '../gpu/nets/params';
import { BATCH, type LandscapeCache, startRun, testBatches } from './landscapeCompute';
import type { LandscapeLineRequest, LandscapeResponse, LinePoint } from './landscapeProtocol';

/** The training seed recorded in a weights manifest, or an error saying the init is unknown. */
export function trainingSeed(manifest: unknown, model: string): number {
  const seed = recordedTrainingSeed(manifest);
  if (seed === null) {
    throw new Error(
      `models/${model}/weights.json records no training.seed, so the initialisation it was trained from is unknown`,
    );
  }
  return seed;
}

export async function computeLine(
  req: LandscapeLineRequest,
  cache: LandscapeCache,
  emit: (m: LandscapeResponse) => void,
  signal: AbortSignal,
): Promise<void> {
  const { seq } = req;
  const { t0, preset, net, stored, split } = await startRun(
    req,
    cache,
    emit,
    signal,
    'Loading weights…',
    (p) => cache.weights(p),
  );
  const initSeed =
    req.path === 'interpolation' ? trainingSeed(stored!.manifest, preset.name) : null;

  const owned: tf.Tensor[] = [];
  const own = <T extends tf.Tensor>(ts: T[]): T[] => {
    owned.push(...ts);
    return ts;
  };
  try {
    const { params, buffers } = loadWeights(net, stored!.manifest, stored!.bytes);
    own(params);
    own(buffers);
    // Interpolation: one batch, so the batch statistics are those of every sample.
    const batches = testBatches(
      split,
      req.samples,
      req.path === 'interpolation' ? req.samples : BATCH,
    );
    own(batches.flatMap((b) => [b.x, b.y]));

    emit({
      kind: 'status',
      seq,
      text:
        req.path === 'interpolation'
          ? `Initialising the weights (seed ${initSeed})…`
          : `Drawing a filter-normalised random direction (seed ${req.seed})…`,
    });
    const from = req.path === 'interpolation' ? own(initParams(net, { seed: initSeed! })) : null;
    // The random direction is the x of randomDirections(seed) (y, drawn with it, is not used).
    const dirs =
      req.path === 'random'
        ? randomDirections(params, { seed: req.seed, norm: 'filter', ignore: 'biasbn' })
        : null;
    if (dirs) {
      own(dirs.x);
      own(dirs.y);
    }
    const dx = dirs?.x ?? null;
    const alphas = linspace({ min: req.range[0], max: req.range[1], num: req.num });
    emit({
      kind: 'lineStart',
      seq,
      path: req.path,
      alphas,
      samples: req.samples,
      bn: req.path === 'interpolation' ? 'train' : 'eval',
      initSeed,
      dirSeed: req.path === 'random' ? req.seed : null,
      params: paramCount(net),
      dataset: preset.dataset,
    });

    let done = 0;
    for (const run of refineOrder(req.num)) {
      signal.throwIfAborted();
      const last = run.start + (run.count - 1) * run.stride;
      const axis = { min: alphas[run.start], max: alphas[last], num: run.count };
      const onRow = (row: SliceRow) => {
        const points: LinePoint[] = row.points.map((p, k) => {
          const index = run.start + k * run.stride;
          return { index, alpha: alphas[index], loss: p.loss, acc: p.acc };
        });
        done += points.length;
        emit({ kind: 'linePoints', seq, points, done, total: req.num });
      };
      if (from)
        await interpolate(
          { net, from, to: params, buffers, alpha: axis, batches, bn: 'train', signal },
          onRow,
        );
      else await computeSlice({ net, params, buffers, dx: dx!, x: axis, batches, signal }, onRow);
    }
    emit({ kind: 'status', seq, text: 'Done.' });
  } finally {
    tf.dispose(owned);
  }
  emit({
    kind: 'done',
    seq,
    seconds: (performance.now() - t0) / 1000,
    numTensors: tf.memory().numTensors,
  });
}
