/**
 * One "Recompute on my GPU" run: backend, weights, the test subset, filter-normalised random
 * directions, then the slice coarse-to-fine, every row reported as soon as it is done.
 * No DOM: it runs in the landscape worker and in Node (tests), with the bytes read by `io`.
 * Every tensor it makes is disposed before it returns, cancelled or not.
 */
import * as tf from '@tensorflow/tfjs';
import { type BackendChoice, chooseBackend } from '../gpu/backend';
import { randomDirections } from '../gpu/landscape/directions';
import { evaluate, toBatches, type Batch } from '../gpu/landscape/evaluate';
import { linspace } from '../gpu/landscape/grid';
import { sliceRows } from '../gpu/landscape/slice';
import {
  buildFastEvalModel,
  loadWeights,
  modelPreset,
  WEIGHTS_BIN_FILE,
  WEIGHTS_MANIFEST_FILE,
  type ModelPreset,
} from '../gpu/modelZoo';
import { type Net, paramCount } from '../gpu/nets/net';
import { initBuffers, initParams } from '../gpu/nets/params';
import { loadFashionSubset, type FashionSplit } from '../data/fashionMnist';
import type {
  LandscapeComputeRequest,
  LandscapePhase,
  LandscapeResponse,
} from './landscapeProtocol';

export interface LandscapeIo {
  /** The bytes of a file under the site's public folder, or null when it does not exist. */
  readBytes(path: string): Promise<Uint8Array | null>;
}

/** A model without shipped weights: said plainly, with the way out. */
export class NoWeightsError extends Error {
  constructor(model: string) {
    super(
      `No pretrained weights shipped for this model (models/${model}/${WEIGHTS_MANIFEST_FILE} is missing). ` +
        'Add init=1 to the link to slice freshly initialised weights instead.',
    );
    this.name = 'NoWeightsError';
  }
}

/**
 * Largest batch sent to the backend at once (a 7×7 ResNet on 256 images fits any GPU); with
 * eval-mode BN the batching does not change the result.
 */
export const BATCH = 256;

/** Caches of plain bytes and parsed data (no tensors), kept between runs. */
export class LandscapeCache {
  private splits = new Map<string, Promise<FashionSplit>>();
  private backend: Promise<BackendChoice> | null = null;
  private backendKey = '';

  constructor(private io: LandscapeIo) {}

  /** The backend for a ResNet job: software-rendered WebGL is skipped for WebAssembly. */
  useBackend(backends: LandscapeComputeRequest['backends']): Promise<BackendChoice> {
    const key = backends.join(',');
    if (!this.backend || key !== this.backendKey) {
      this.backendKey = key;
      this.backend = chooseBackend(backends);
      this.backend.catch(() => {
        this.backend = null;
      });
    }
    return this.backend;
  }

  testSplit(preset: ModelPreset): Promise<FashionSplit> {
    const key = `${preset.dataset}/${preset.normalization}`;
    let p = this.splits.get(key);
    if (!p) {
      p = loadFashionSubset(
        async (f) => {
          const bytes = await this.io.readBytes(`data/${preset.dataset}/${f}`);
          if (!bytes) throw new Error(`data/${preset.dataset}/${f} is missing from this site`);
          return bytes;
        },
        'test',
        { normalization: preset.normalization },
      );
      p.catch(() => this.splits.delete(key));
      this.splits.set(key, p);
    }
    return p;
  }

  async weights(preset: ModelPreset): Promise<{ manifest: unknown; bytes: Uint8Array }> {
    const manifestBytes = await this.io.readBytes(`models/${preset.name}/${WEIGHTS_MANIFEST_FILE}`);
    if (!manifestBytes) throw new NoWeightsError(preset.name);
    let manifest: unknown;
    try {
      manifest = JSON.parse(new TextDecoder().decode(manifestBytes));
    } catch {
      throw new NoWeightsError(preset.name);
    }
    const bytes = await this.io.readBytes(`models/${preset.name}/${WEIGHTS_BIN_FILE}`);
    if (!bytes)
      throw new Error(
        `models/${preset.name}/${WEIGHTS_BIN_FILE} is missing (its manifest is there)`,
      );
    return { manifest, bytes };
  }
}

/** What every worker run starts with: the backend (reported), the model, the test images' split. */
export async function startRun(
  req: {
    seq: number;
    backends: LandscapeComputeRequest['backends'];
    model: string;
    samples: number;
  },
  cache: LandscapeCache,
  emit: (m: LandscapeResponse) => void,
  signal: AbortSignal,
  weightsText: string,
  loadWeightsOf: (preset: ModelPreset) => Promise<{ manifest: unknown; bytes: Uint8Array } | null>,
): Promise<{
  t0: number;
  preset: ModelPreset;
  net: Net;
  stored: { manifest: unknown; bytes: Uint8Array } | null;
  split: FashionSplit;
}> {
  const { seq } = req;
  const t0 = performance.now();
  emit({ kind: 'status', seq, text: 'Starting the compute backend…' });
  const { backend, softwareWebgl, skippedSoftwareWebgl, reason } = await cache.useBackend(
    req.backends,
  );
  emit({
    kind: 'backend',
    seq,
    backend,
    wanted: req.backends[0],
    softwareWebgl,
    skippedSoftwareWebgl,
    reason,
  });
  signal.throwIfAborted();
  const preset = modelPreset(req.model);
  // BN folded into the convs for eval-mode points (1.6–1.7× faster per point on wasm, same loss);
  // its forward in train mode, as an interpolation uses, is the plain one.
  const net = buildFastEvalModel(preset);
  emit({ kind: 'status', seq, text: weightsText });
  const stored = await loadWeightsOf(preset);
  emit({ kind: 'status', seq, text: `Loading ${req.samples} test images…` });
  const split = await cache.testSplit(preset);
  if (req.samples > split.n)
    throw new Error(
      `samples: at most ${split.n} (the test split of ${preset.dataset}), got ${req.samples}`,
    );
  signal.throwIfAborted();
  return { t0, preset, net, stored, split };
}

/** The first `samples` images of `split` as batches of `batchSize` (caller disposes). */
export function testBatches(split: FashionSplit, samples: number, batchSize: number): Batch[] {
  const { height: h, width: w } = split;
  const x = tf.tensor4d(split.images.subarray(0, samples * h * w), [samples, h, w, 1]);
  const y = tf.tensor1d(Int32Array.from(split.labels.subarray(0, samples)), 'int32');
  const batches = toBatches(x, y, batchSize);
  tf.dispose([x, y]);
  return batches;
}

/** Runs one request, reporting through `emit`; throws the AbortSignal's reason when cancelled. */
export async function computeLandscape(
  req: LandscapeComputeRequest,
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
    req.init ? 'Initialising fresh weights…' : 'Loading weights…',
    (preset) => (req.init ? Promise.resolve(null) : cache.weights(preset)),
  );

  const owned: tf.Tensor[] = [];
  const own = <T extends tf.Tensor>(ts: T[]): T[] => {
    owned.push(...ts);
    return ts;
  };
  try {
    const { params, buffers } = stored
      ? loadWeights(net, stored.manifest, stored.bytes)
      : { params: initParams(net, { seed: req.seed }), buffers: initBuffers(net) };
    own(params);
    own(buffers);
    const batches = testBatches(split, req.samples, BATCH);
    own(batches.flatMap((b) => [b.x, b.y]));
    emit({ kind: 'status', seq, text: 'Drawing filter-normalised random directions…' });
    const dirs = randomDirections(params, {
      seed: req.seed,
      norm: 'filter',
      ignore: 'biasbn',
      orthogonal: req.orthogonal,
    });
    own(dirs.x);
    own(dirs.y);

    const centre = await evaluate(net, params, buffers, batches);
    emit({
      kind: 'centre',
      seq,
      loss: centre.loss,
      acc: centre.acc,
      params: paramCount(net),
      dataset: preset.dataset,
      samples: req.samples,
    });
    signal.throwIfAborted();

    const phases: [LandscapePhase, number][] =
      req.coarse > 0 && req.coarse < req.res
        ? [
            ['coarse', req.coarse],
            ['fine', req.res],
          ]
        : [['fine', req.res]];
    for (const [phase, num] of phases) {
      const axis = { min: req.range[0], max: req.range[1], num };
      const xs = linspace(axis);
      emit({ kind: 'phase', seq, phase, xs, ys: xs });
      const total = num * num;
      let done = 0;
      for await (const row of sliceRows({
        net,
        params,
        buffers,
        dx: dirs.x,
        dy: dirs.y,
        x: axis,
        y: axis,
        batches,
        signal,
      })) {
        done += row.points.length;
        emit({ kind: 'row', seq, phase, row: row.row, points: row.points, done, total });
      }
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

export { isAbort } from './latestWins';
