/**
 * The small MLP on a seeded 2-D toy set, end to end: generate and split the data, train with
 * any optimizer and schedule (real minibatches), evaluate, then slice the training loss around
 * the trained weights (filter-normalised random directions, or the trajectory's PCA plane) and
 * map the classifier's decision P(class 1 | x) over the input plane.
 *
 * One definition for `landscape-lab toy` (which prints and writes it) and the landscape page's
 * "Train a small network" panel (whose worker streams its progress). Every tensor it makes is
 * disposed before it returns, also when aborted or when training diverges; results are plain
 * arrays.
 */
import * as tf from '@tensorflow/tfjs';
import type { ScheduleConfig } from '../../core/schedules/scheduleSpec';
import type { ViewBox } from '../../core/surfaces/surface';
import { type Roughness, roughness } from '../../core/view/roughness';
import { makeToy2d, splitToy2d, type Toy2dKind, type Toy2dSet } from '../../data/toy2d';
import { randomDirections } from '../landscape/directions';
import { type Batch, evaluate, toBatches } from '../landscape/evaluate';
import { computeSlice } from '../landscape/slice';
import { mlp } from '../nets/mlp';
import type { Net } from '../nets/net';
import type { InitScheme } from '../nets/params';
import { trajectoryPca } from '../projection/trajectoryPca';
import { TOY_INPUT_BOX } from './toyInputBox';
import { toyTensorData } from '../train/tensorData';
import { train, type TrainProgress } from '../train/train';

export interface ToySpec {
  data: Toy2dKind;
  /** Points in the whole set (train + test). */
  n: number;
  /** Playground's noise / 100, in [0, 0.5]. */
  noise: number;
  /** Share of the points held out for testing, in (0, 1). */
  testShare: number;
  /** Hidden layer widths ([] is logistic regression). */
  hidden: number[];
  activation: 'tanh' | 'relu';
  /** The init's variance rule; absent: Xavier for tanh, Kaiming for ReLU (each one's own). */
  init?: InitScheme;
  optimizer: { type: string; hp: Record<string, unknown> };
  scheduler: ScheduleConfig | null;
  steps: number;
  batch: number;
  /** Seeds the data, its split, the init, the shuffling and the random directions. */
  seed: number;
  /** Slice points per side. */
  grid: number;
  /** null: [−1, 1] for random directions, 1.15 × the trajectory's extent for pca. */
  range: [number, number] | null;
  directions: 'random' | 'pca';
  /** Points per side of the decision map over the input plane (0: none). */
  mapSize?: number;
}

/** The init a spec trains from: its own, or the one its activation was derived for. */
export const toyInitScheme = (spec: Pick<ToySpec, 'init' | 'activation'>): InitScheme =>
  spec.init ?? (spec.activation === 'tanh' ? 'xavier' : 'kaiming');

export interface ToyHooks {
  /** Once the data is split and the net built, before training: what the run is about to do. */
  onStart?: (s: {
    netId: string;
    trainPoints: number;
    testPoints: number;
    split: { train: Toy2dSet; test: Toy2dSet };
  }) => void;
  /**
   * After every training step; `map()` computes the decision map of the weights now (null
   * without `mapSize`), for a caller that shows it live: call it only as often as it is shown.
   */
  onTrainProgress?: (p: TrainProgress, map: () => DecisionMap | null) => void;
  /** Called after each slice row: rows done so far, points done, points in all. */
  onSliceProgress?: (done: number, total: number) => void;
  signal?: AbortSignal;
}

export interface LossAccuracy {
  loss: number;
  /** Percent. */
  acc: number;
}

/** The classifier's P(class 1 | x, y) on a size × size grid over `box`, row-major, rows are y. */
export interface DecisionMap {
  box: ViewBox;
  size: number;
  prob: Float32Array;
}

export interface ToyOutcome {
  net: { id: string; paramNames: string[]; shapes: number[][] };
  split: { train: Toy2dSet; test: Toy2dSet };
  history: { loss: Float64Array; accuracy: Float64Array; lr: Float64Array };
  /** Completed steps (fewer than asked only when the loss became non-finite). */
  steps: number;
  divergedAt: number | null;
  seconds: { train: number; slice: number };
  /** The rest is null when training diverged. */
  train: LossAccuracy | null;
  test: LossAccuracy | null;
  /** The trained weights, one flat array per parameter (net.paramNames order). */
  weights: Float32Array[] | null;
  slice: {
    xcoordinates: number[];
    ycoordinates: number[];
    /** Meshgrid order, loss[j·nx + i] at (x_i, y_j); the training loss, BN-free net. */
    loss: Float64Array;
    acc: Float64Array;
    range: { x: [number, number]; y: [number, number] };
  } | null;
  roughness: Roughness | null;
  pca: {
    explainedVarianceRatio: [number, number];
    /** Checkpoint steps and their coordinates in the plane (the end is (0, 0)). */
    steps: number[];
    x: Float64Array;
    y: Float64Array;
    relativeResidual: Float64Array;
  } | null;
  map: DecisionMap | null;
}

export { TOY_INPUT_BOX };

/** All of a set as one evaluation batch (toy sets are small), its source tensors freed. */
export function toyBatches(set: Toy2dSet): Batch[] {
  const d = toyTensorData(set);
  const b = toBatches(d.x, d.y); // slices: new tensors
  tf.dispose([d.x, d.y]);
  return b;
}

/** P(class 1) = softmax(logits)[1] on a size × size grid over `box`. */
export async function decisionMap(
  net: Net,
  params: readonly tf.Tensor[],
  buffers: readonly tf.Tensor[],
  size: number,
  box: Readonly<ViewBox> = TOY_INPUT_BOX,
): Promise<DecisionMap> {
  const p = decisionTensor(net, params, buffers, size, box);
  const prob = (await p.data()) as Float32Array;
  p.dispose();
  return { box: { ...box }, size, prob: Float32Array.from(prob) };
}

/**
 * `decisionMap` read synchronously, for a map during training (inside a synchronous progress
 * call; a 64 × 64 map through the toy MLP is ~1 ms on wasm).
 */
export function decisionMapNow(
  net: Net,
  params: readonly tf.Tensor[],
  buffers: readonly tf.Tensor[],
  size: number,
  box: Readonly<ViewBox> = TOY_INPUT_BOX,
): DecisionMap {
  const p = decisionTensor(net, params, buffers, size, box);
  const prob = Float32Array.from(p.dataSync() as Float32Array);
  p.dispose();
  return { box: { ...box }, size, prob };
}

/** The probabilities as one tensor (the caller reads and disposes it). */
function decisionTensor(
  net: Net,
  params: readonly tf.Tensor[],
  buffers: readonly tf.Tensor[],
  size: number,
  box: Readonly<ViewBox>,
): tf.Tensor {
  const pts = new Float32Array(2 * size * size);
  for (let j = 0; j < size; j++) {
    for (let i = 0; i < size; i++) {
      pts[2 * (j * size + i)] = box.xmin + ((box.xmax - box.xmin) * (i + 0.5)) / size;
      pts[2 * (j * size + i) + 1] = box.ymin + ((box.ymax - box.ymin) * (j + 0.5)) / size;
    }
  }
  return tf.tidy(() => {
    const logits = net.forward(params, buffers, tf.tensor2d(pts, [size * size, 2]), 'eval').logits;
    return tf.reshape(tf.slice(tf.softmax(logits), [0, 1], [-1, 1]), [-1]);
  });
}

export async function runToyExperiment(spec: ToySpec, hooks: ToyHooks = {}): Promise<ToyOutcome> {
  const set = makeToy2d({ kind: spec.data, n: spec.n, noise: spec.noise, seed: spec.seed });
  const split = splitToy2d(set, 1 - spec.testShare, spec.seed);
  const net = mlp({ inputs: 2, hidden: spec.hidden, numClasses: 2, activation: spec.activation });
  const netInfo = {
    id: net.id,
    paramNames: net.params.map((p) => p.name),
    shapes: net.params.map((p) => [...p.shape]),
  };
  hooks.onStart?.({ netId: net.id, trainPoints: split.train.n, testPoints: split.test.n, split });
  const owned: tf.Tensor[] = [];
  const own = <T extends tf.Tensor>(ts: T[]): T[] => {
    owned.push(...ts);
    return ts;
  };
  try {
    const trainData = toyTensorData(split.train);
    own([trainData.x, trainData.y]);
    const trainBatches = toyBatches(split.train);
    const testBatches = toyBatches(split.test);
    own([...trainBatches, ...testBatches].flatMap((b) => [b.x, b.y]));

    const t0 = performance.now();
    const r = await train({
      net,
      data: trainData,
      optimizer: spec.optimizer as never,
      scheduler: spec.scheduler,
      batchSize: spec.batch,
      steps: spec.steps,
      seed: spec.seed,
      checkpointEvery: Math.max(1, Math.ceil(spec.steps / 50)),
      initScheme: toyInitScheme(spec),
      onProgress:
        hooks.onTrainProgress &&
        ((p) =>
          hooks.onTrainProgress!(p, () =>
            spec.mapSize ? decisionMapNow(net, p.params, p.buffers, spec.mapSize) : null,
          )),
      signal: hooks.signal,
    });
    own([...r.params, ...r.buffers]);
    const trainSeconds = (performance.now() - t0) / 1000;
    const base: ToyOutcome = {
      net: netInfo,
      split,
      history: { loss: r.loss, accuracy: r.accuracy, lr: r.lr },
      steps: r.steps,
      divergedAt: r.divergedAt,
      seconds: { train: trainSeconds, slice: 0 },
      train: null,
      test: null,
      weights: null,
      slice: null,
      roughness: null,
      pca: null,
      map: null,
    };
    if (r.divergedAt !== null) return base;

    const trainEval = await evaluate(net, r.params, r.buffers, trainBatches);
    const testEval = await evaluate(net, r.params, r.buffers, testBatches);
    const weights = await Promise.all(r.params.map(async (p) => Float32Array.from(await p.data())));

    let dx: tf.Tensor[], dy: tf.Tensor[];
    let pca: ReturnType<typeof trajectoryPca> | null = null;
    let range: { x: [number, number]; y: [number, number] };
    if (spec.directions === 'random') {
      ({ x: dx, y: dy } = randomDirections(r.params, {
        seed: spec.seed,
        norm: 'filter',
        ignore: 'biasbn',
      }));
      range = { x: spec.range ?? [-1, 1], y: spec.range ?? [-1, 1] };
    } else {
      pca = trajectoryPca(
        r.checkpoints.map((c) => c.params),
        netInfo.shapes,
        { ignoreBiasBn: true },
      );
      [dx, dy] = pca.directions;
      const reach = (c: Float64Array) => 1.15 * Math.max(...Array.from(c, Math.abs)) || 1;
      range = spec.range
        ? { x: spec.range, y: spec.range }
        : { x: [-reach(pca.x), reach(pca.x)], y: [-reach(pca.y), reach(pca.y)] };
    }
    own([...dx, ...dy]);
    hooks.signal?.throwIfAborted();
    const t1 = performance.now();
    const slice = await computeSlice(
      {
        net,
        params: r.params,
        buffers: r.buffers,
        dx,
        dy,
        batches: trainBatches,
        x: { min: range.x[0], max: range.x[1], num: spec.grid },
        y: { min: range.y[0], max: range.y[1], num: spec.grid },
        signal: hooks.signal,
      },
      (_row, done, total) => hooks.onSliceProgress?.(done, total),
    );
    const sliceSeconds = (performance.now() - t1) / 1000;
    hooks.signal?.throwIfAborted();
    const xs = Float64Array.from(slice.xcoordinates),
      ys = Float64Array.from(slice.ycoordinates!);
    const map = spec.mapSize ? await decisionMap(net, r.params, r.buffers, spec.mapSize) : null;
    return {
      ...base,
      seconds: { train: trainSeconds, slice: sliceSeconds },
      train: trainEval,
      test: testEval,
      weights,
      slice: {
        xcoordinates: Array.from(xs),
        ycoordinates: Array.from(ys),
        loss: Float64Array.from(slice.loss),
        acc: Float64Array.from(slice.acc),
        range,
      },
      roughness: roughness({
        xcoordinates: xs,
        ycoordinates: ys,
        loss: slice.loss,
        centreLoss: trainEval.loss,
      }),
      pca: pca && {
        explainedVarianceRatio: pca.explainedVarianceRatio,
        steps: r.checkpoints.map((c) => c.step),
        x: pca.x,
        y: pca.y,
        relativeResidual: pca.relativeResidual,
      },
      map,
    };
  } finally {
    tf.dispose(owned);
  }
}
