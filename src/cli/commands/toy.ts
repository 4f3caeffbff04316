/**
 * `landscape-lab toy`: the small MLP (gpu/nets/mlp.ts) trained on a seeded 2-D toy set
 * (data/toy2d.ts, as TensorFlow Playground generates them), then a 2-D slice of its training loss
 * around the trained weights along filter-normalised random directions or the trajectory's PCA
 * plane, written as upstream's .h5 layout (and JSON).
 */
import { optimizerOf } from '../../core/optimizers/registry';
import { TOY2D_SETS, type Toy2dKind } from '../../data/toy2d';
import { initBackend } from '../../gpu/backend';
import { runToyExperiment, toyInitScheme, type ToySpec } from '../../gpu/toy/toyExperiment';
import { emptySurfaceGrid, writeSurfaceH5 } from '../../io/surfaceFile';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { CAPS, checkCaps, fmtCount, fmtDuration, SPEEDS } from '../caps';
import { intFlag, numberFlag, parseFlags, RANGE_HELP, SEED_MAX } from '../flags';
import { checkOutputs } from '../outputs';
import { type CliIo, fmtTime, writeOrFail } from '../io';
import { parseJsonFlag, parseOptimizerFlag, parseSchedulerFlag } from '../optimizerFlags';
import { GRID_MAX, GRID_MIN, parseRange } from '../landscapeOptions';

export const TOY_JSON_FORMAT = 'landscape-lab-toy/1';

/**
 * Defaults, measured (README): Playground's lr 0.03 and tanh, but Adam, 16,16 hidden units, batch 50
 * and a cosine to 0 over the steps take spiral (noise 0.1) to ~98 % test accuracy in ~1000 steps;
 * Playground's batch 10 and 8,8 units at a constant lr stay near 70 % after 2000 steps here.
 */
export const TOY_DEFAULT_OPTIMIZER = { type: 'Adam', lr: 0.03 };
export const TOY_DEFAULT_STEPS = 1000;
export const TOY_DEFAULT_BATCH = 50;
export const TOY_DEFAULT_HIDDEN = [16, 16];
const defaultScheduler = (steps: number) => ({
  type: 'CosineAnnealingLR',
  T_max: steps,
  eta_min: 0,
});
/** `spirals`, `circles` (the Playground names people type) for the registry ids `spiral`, `circle`. */
const ALIASES: Record<string, Toy2dKind> = { spirals: 'spiral', circles: 'circle' };
const DATA_IDS = TOY2D_SETS.map((s) => s.id);

/** The experiment (gpu/toy/toyExperiment) and where its results go. */
export interface ToyOptions extends ToySpec {
  out: string;
  json: string | null;
  quiet: boolean;
}

const FLAGS = {
  data: { type: 'string' },
  n: { type: 'string' },
  noise: { type: 'string' },
  'test-share': { type: 'string' },
  hidden: { type: 'string' },
  activation: { type: 'string' },
  init: { type: 'string' },
  optimizer: { type: 'string' },
  scheduler: { type: 'string' },
  steps: { type: 'string' },
  batch: { type: 'string' },
  seed: { type: 'string' },
  grid: { type: 'string' },
  range: { type: 'string' },
  directions: { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-cap': { type: 'boolean' },
} as const;
export { FLAGS as TOY_FLAGS };

export const TOY_N_MAX = 1_000_000;
export const TOY_STEPS_MAX = 10_000_000;
export const TOY_BATCH_MAX = 1_000_000;
/**
 * Points of one forward × the hidden units they pass through, at most, even with --no-cap: the
 * slice and the evaluations run a whole split as one batch in WASM's 4 GB heap. 10⁸ floats of
 * activations is 400 MB; 400,000 points × 512 units (2·10⁸) peaked at 1.4 GB, and 10⁶ × 1024
 * aborted inside WASM.
 */
export const TOY_MAX_ACTIVATIONS = 1e8;

/** Multiply-adds of one example's forward pass through a 2 → hidden → 2 MLP. */
export const toyMacs = (hidden: readonly number[]) =>
  [2, ...hidden, 2].reduce((sum, w, i, a) => (i ? sum + a[i - 1] * w : 0), 0);

/** `8,8` → [8, 8]; '' (no hidden layer: logistic regression) → []. */
export function parseHidden(raw: string | undefined): number[] {
  if (raw === undefined) return [...TOY_DEFAULT_HIDDEN];
  if (raw.trim() === '') return [];
  const parts = raw.split(',').map((s) => s.trim());
  if (
    parts.some((s) => !/^\d+$/.test(s) || Number(s) < 1 || Number(s) > 1024) ||
    parts.length > 8
  ) {
    throw new CliError(
      `--hidden must be up to 8 comma-separated layer widths, each 1…1024 (e.g. 8,8), got '${raw}'`,
    );
  }
  return parts.map(Number);
}

/**
 * The flags of `toy`, checked: ranges, the activation memory (TOY_MAX_ACTIVATIONS), then the caps
 * (CAPS.toySteps, CAPS.toyTrainMacs, CAPS.toySliceMacs), over which only --no-cap runs, said
 * through `note`.
 */
export function parseToyFlags(
  args: string[],
  note: (line: string) => void = () => {},
): ToyOptions | 'help' {
  const { values: v, positionals } = parseFlags(args, FLAGS, 'toy');
  if (v.help) return 'help';
  if (positionals.length)
    throw new CliError(
      `unexpected argument '${positionals[0]}'\nRun 'landscape-lab toy --help' for usage.`,
    );
  const rawData = v.data as string | undefined;
  if (rawData === undefined) throw new CliError(`missing --data (one of ${DATA_IDS.join(', ')})`);
  const data = (ALIASES[rawData] ?? rawData) as Toy2dKind;
  if (!DATA_IDS.includes(data))
    throw new CliError(`--data: unknown data set '${rawData}' (known: ${DATA_IDS.join(', ')})`);
  const n = intFlag('n', v.n as string | undefined, 500, 4, TOY_N_MAX);
  const noise = numberFlag('noise', v.noise as string | undefined, 0.1, 0, 0.5);
  const testShare = numberFlag('test-share', v['test-share'] as string | undefined, 0.5, 0, 1);
  const nTrain = Math.round((1 - testShare) * n);
  if (nTrain < 2 || n - nTrain < 1) {
    throw new CliError(
      `--test-share ${testShare} of --n ${n} leaves ${nTrain} training and ${n - nTrain} test points; need at least 2 and 1`,
    );
  }
  const hidden = parseHidden(v.hidden as string | undefined);
  const activation = ((v.activation as string | undefined) ?? 'tanh') as 'tanh' | 'relu';
  if (activation !== 'tanh' && activation !== 'relu')
    throw new CliError(`--activation must be tanh or relu, got '${activation}'`);
  const init = v.init as string | undefined;
  if (init !== undefined && init !== 'xavier' && init !== 'kaiming')
    throw new CliError(`--init must be xavier or kaiming, got '${init}'`);
  // No upper bound here: the caps judge a huge count (with an estimate) before TOY_STEPS_MAX does.
  const steps = intFlag('steps', v.steps as string | undefined, TOY_DEFAULT_STEPS, 1, Infinity);
  const batch = intFlag(
    'batch',
    v.batch as string | undefined,
    TOY_DEFAULT_BATCH,
    1,
    TOY_BATCH_MAX,
  );
  const seed = intFlag('seed', v.seed as string | undefined, 0, 0, SEED_MAX);
  const grid = intFlag('grid', v.grid as string | undefined, 31, GRID_MIN, GRID_MAX);
  const range = v.range === undefined ? null : parseRange(v.range as string);
  const directions = ((v.directions as string | undefined) ?? 'random') as 'random' | 'pca';
  if (directions !== 'random' && directions !== 'pca')
    throw new CliError(`--directions must be random or pca, got '${directions}'`);
  if (directions === 'pca' && steps < 2)
    throw new CliError(
      '--directions pca needs --steps 2 or more (a trajectory of at least 3 checkpoints)',
    );

  const optimizer = parseOptimizerFlag(
    v.optimizer === undefined
      ? TOY_DEFAULT_OPTIMIZER
      : parseJsonFlag('optimizer', v.optimizer as string),
    '--optimizer',
  );
  const scheduler = parseSchedulerFlag(
    v.scheduler === undefined
      ? defaultScheduler(steps)
      : parseJsonFlag('scheduler', v.scheduler as string),
    '--scheduler',
    optimizer,
  );

  const out = v.out as string | undefined;
  if (!out) throw new CliError('missing --out FILE.h5');
  checkToyCosts({ n, nTrain, hidden, steps, batch, grid }, !!v['no-cap'], note);
  return {
    data,
    n,
    noise,
    testShare,
    hidden,
    activation,
    ...(init ? { init } : {}),
    optimizer,
    scheduler,
    steps,
    batch,
    seed,
    grid,
    range,
    directions,
    out,
    json: (v.json as string | undefined) ?? null,
    quiet: !!v.quiet,
  };
}

/** The hard memory limit, then the caps of a toy run (CliErrors naming the flags). */
export function checkToyCosts(
  o: { n: number; nTrain: number; hidden: number[]; steps: number; batch: number; grid: number },
  noCap: boolean,
  note: (line: string) => void,
): void {
  const units = o.hidden.reduce((a, b) => a + b, 0);
  const largestBatch = Math.max(o.nTrain, o.n - o.nTrain);
  if (largestBatch * units > TOY_MAX_ACTIVATIONS)
    throw new CliError(
      `--n × --hidden: ${fmtCount(largestBatch)} points in one forward × ${units} hidden units = ` +
        `${fmtCount(largestBatch * units)} activations; at most ${fmtCount(TOY_MAX_ACTIVATIONS)} ` +
        `even with --no-cap (the slice runs the whole training split at once in WASM's 4 GB)`,
    );
  const macs = toyMacs(o.hidden);
  const trainMacs = 3 * o.steps * Math.min(o.batch, o.nTrain) * macs;
  const sliceMacs = o.grid * o.grid * o.nTrain * macs;
  const stepSeconds = o.steps * SPEEDS.toyStepSeconds;
  const trainSeconds = stepSeconds + trainMacs / SPEEDS.toyTrainMacs;
  checkCaps(
    [
      {
        flags: '--steps',
        amount: o.steps,
        unit: 'steps',
        cap: CAPS.toySteps,
        seconds: trainSeconds,
        basis: `~${SPEEDS.toyStepSeconds * 1000} ms per step + ${SPEEDS.toyTrainMacs / 1e9} G multiply-adds/s, measured on a 2-core CPU`,
      },
      {
        flags: '--steps × --batch × --hidden',
        amount: trainMacs,
        unit: 'multiply-adds of training',
        cap: CAPS.toyTrainMacs,
        seconds: trainSeconds,
        basis: `${fmtCount(macs)} per example forward, ×3 with the backward pass, at ~${SPEEDS.toyTrainMacs / 1e9} G/s measured on a 2-core CPU`,
      },
      {
        flags: '--grid × --n × --hidden',
        amount: sliceMacs,
        unit: 'multiply-adds of the slice',
        cap: CAPS.toySliceMacs,
        seconds: sliceMacs / SPEEDS.toySliceMacs,
        basis: `${fmtCount(o.grid ** 2)} points × ${fmtCount(o.nTrain)} training points × ${fmtCount(macs)}, at ~${SPEEDS.toySliceMacs / 1e9} G/s measured on a 2-core CPU`,
      },
    ],
    noCap,
    note,
  );
  if (o.steps > TOY_STEPS_MAX)
    throw new CliError(
      `--steps must be at most ${fmtCount(TOY_STEPS_MAX)} even with --no-cap (the JSON keeps every step), got ${fmtCount(o.steps)}`,
    );
}

export const toyCommand: Command = {
  name: 'toy',
  summary:
    'train the small MLP on a seeded 2-D toy set (spiral, circle, xor, gauss) and slice its loss landscape into .h5',
  help: `Usage: landscape-lab toy --data spiral|circle|xor|gauss --out FILE.h5 [options]

Makes a seeded 2-D toy set as TensorFlow Playground does, splits it into train and test, trains a
small MLP (x → Linear → act → … → Linear → 2 logits, cross-entropy) on the train split, then
evaluates loss(w + α·dx + β·dy) and accuracy on a grid × grid mesh around the trained weights w,
on the TRAIN split (Li et al. 2018 plot training loss), and writes upstream's .h5 layout
(xcoordinates, ycoordinates, train_loss, train_acc in percent; np.meshgrid(x, y) flat order).

Data:
  --data NAME        ${DATA_IDS.join(', ')} (also spirals, circles)
  --n N              points in all, 4…${fmtCount(TOY_N_MAX)} (default 500, Playground's)
  --noise X          Playground's noise slider / 100, 0…0.5 (default 0.1)
  --test-share X     fraction held out for testing, 0…1, leaving ≥ 2 training and ≥ 1 test
                     points (default 0.5, Playground's ratio)

Network and training:
  --hidden W,W,…     hidden layer widths, up to 8 layers of 1…1024 (default ${TOY_DEFAULT_HIDDEN.join(',')}; '' = none,
                     logistic regression)
  --activation A     tanh (default, Playground's; Xavier init) or relu (Kaiming init)
  --init I           xavier or kaiming: the init's variance rule, whatever the activation
  --optimizer JSON   torch.optim-style, default '${JSON.stringify(TOY_DEFAULT_OPTIMIZER)}'
  --scheduler JSON   torch lr_scheduler-style, stepped every step; 'null' for a constant lr;
                     default {"type":"CosineAnnealingLR","T_max":<steps>} (lr falls to 0)
  --steps N          optimizer steps, ≥ 1 (default ${TOY_DEFAULT_STEPS})
  --batch B          minibatch size, 1…${fmtCount(TOY_BATCH_MAX)} (default ${TOY_DEFAULT_BATCH}; Playground's 10 is noisier; above the
                     training points: all of them); drawn without replacement per epoch
  --seed K           seed of everything, 0…${SEED_MAX} (default 0): the data set, the split, the
                     init, the shuffling and the random directions; the same seed gives the same file

Slice:
  --grid N           points per axis, ${GRID_MIN}…${GRID_MAX} (default 31); odd N puts the trained weights on the grid
  --range MIN:MAX    α and β range (default -1:1 for random directions; for pca, symmetric and
                     1.15× the trajectory's extent along each axis); ${RANGE_HELP}
  --directions D     random (default): two filter-normalised Gaussian directions from --seed
                     (each output row of a Linear weight scaled to that row's norm; biases get
                     zero direction). pca: the top-2 principal directions of the trajectory of
                     checkpoints (about 50, every ⌈steps/50⌉ steps; biases ignored, unit vectors),
                     whose explained variance and projected checkpoints are printed and stored

Output:
  --out FILE.h5      surface file (required)
  --json FILE        also write the data and net settings, the training curve (per-step batch
                     loss, accuracy, lr), train/test loss and accuracy, the final weights, the
                     grid (xcoordinates, ycoordinates, train_loss, train_acc), roughness measures,
                     and for pca the explained variance and the projected trajectory. Accuracies
                     are fractions in [0, 1], except train_acc: percent, as in the .h5
  -q, --quiet        no progress lines on stderr
  --no-cap           run a job over the caps below (the estimate is still printed)

Caps (refused with an estimate of the time unless --no-cap): ${fmtCount(CAPS.toySteps)} steps (${fmtDuration(CAPS.toySteps * SPEEDS.toyStepSeconds)} at the
default net's ~${SPEEDS.toyStepSeconds * 1000} ms per step on a 2-core CPU); ${CAPS.toyTrainMacs.toExponential(0)} multiply-adds of training
(3 × steps × batch × the net's weights) and ${CAPS.toySliceMacs.toExponential(0)} of the slice (grid² × training
points × the net's weights), ${fmtDuration(CAPS.toyTrainMacs / SPEEDS.toyTrainMacs)} and ${fmtDuration(CAPS.toySliceMacs / SPEEDS.toySliceMacs)}. Even with --no-cap: at most
${fmtCount(TOY_STEPS_MAX)} steps, and ${TOY_MAX_ACTIVATIONS.toExponential(0)} activations in one forward (the larger split's
points × the hidden units). Outputs are checked for writing before any work starts.

Example:
  landscape-lab toy --data spiral --steps 2000 --directions pca --out spiral.h5 --json spiral.json

stdout: the train and test loss and accuracy, steps, time, whether training diverged, and the
slice's centre loss and roughness. Exit codes: 0 ok, 1 training diverged (nothing written),
2 bad flags.`,
  async run(args, io) {
    const opts = parseToyFlags(args, (line) => io.stderr(`landscape-lab toy: ${line}`));
    if (opts === 'help') {
      io.stdout(this.help + '\n');
      return 0;
    }
    await checkOutputs([
      { flag: 'out', path: opts.out, kind: 'file' },
      { flag: 'json', path: opts.json, kind: 'file' },
    ]);
    return runToy(opts, args, io);
  },
};

const round = (v: number, d = 6) => (Number.isFinite(v) ? Number(v.toPrecision(d)) : null);
const pct = (acc: number) => `${acc.toFixed(1)} %`;
/** 4 decimals, or 4 significant digits below 0.001 (a separable set's loss goes to ~1e-5). */
const fmtLoss = (v: number) => (v !== 0 && Math.abs(v) < 1e-3 ? v.toExponential(3) : v.toFixed(4));
async function runToy(opts: ToyOptions, args: string[], io: CliIo): Promise<number> {
  const backend = await initBackend(['wasm', 'cpu']);
  const { out, json, quiet, ...spec } = opts;
  const log = (s: string) => {
    if (!quiet) io.stderr(s);
  };
  const t0 = performance.now();
  let lastPrint = t0,
    t1 = 0,
    trainPoints = 0;
  const r = await runToyExperiment(spec, {
    onStart: (s) => {
      trainPoints = s.trainPoints;
      log(
        `toy ${spec.data}: ${s.trainPoints} train / ${s.testPoints} test points, ${s.netId} ${spec.activation}, ` +
          `${optimizerOf(spec.optimizer)!.type}, ${spec.steps} steps of batch ${spec.batch}, backend ${backend}\n`,
      );
    },
    onTrainProgress: (p) => {
      const now = performance.now();
      if (now - lastPrint < 2000 && p.step !== p.steps) return;
      lastPrint = now;
      log(
        `  step ${p.step}/${p.steps}  epoch ${p.epoch}  batch loss ${fmtLoss(p.loss)}  lr ${p.lr.toPrecision(3)}  ${((now - t0) / 1000).toFixed(1)} s\n`,
      );
      if (p.step === p.steps) {
        t1 = performance.now();
        log(
          `slice: ${spec.grid}×${spec.grid} points, ${spec.directions} directions, on the ${trainPoints} train points…\n`,
        );
      }
    },
    onSliceProgress: (done, total) => {
      const now = performance.now();
      if (now - lastPrint < 2000 && done !== total) return;
      lastPrint = now;
      log(`  ${done}/${total} points  ${((now - t1) / 1000).toFixed(1)} s\n`);
    },
  });
  if (r.divergedAt !== null || !r.slice || !r.train || !r.test || !r.roughness || !r.weights) {
    io.stdout(
      `${spec.data}: training diverged: the loss became non-finite at step ${r.divergedAt} of ${spec.steps} ` +
        `(${fmtTime(r.seconds.train)}); try a smaller lr. Nothing was written.\n`,
    );
    return 1;
  }
  const { slice, pca, roughness: rough } = r;
  const summary = [
    `${spec.data} (n ${spec.n}, noise ${spec.noise}, seed ${spec.seed}): ${r.net.id} ${spec.activation}, ${optimizerOf(spec.optimizer)!.type}, ` +
      `${r.steps} steps of batch ${spec.batch} in ${fmtTime(r.seconds.train)} (${r.seconds.train.toFixed(2)} s), diverged: no`,
    `  train loss ${fmtLoss(r.train.loss)}, accuracy ${pct(r.train.acc)} (${r.split.train.n} points); ` +
      `test loss ${fmtLoss(r.test.loss)}, accuracy ${pct(r.test.acc)} (${r.split.test.n} points)`,
  ];
  const xs = Float64Array.from(slice.xcoordinates),
    ys = Float64Array.from(slice.ycoordinates);
  const grid = emptySurfaceGrid(xs, ys, ['train_loss', 'train_acc']);
  grid.values.train_loss.set(slice.loss);
  grid.values.train_acc!.set(slice.acc);
  await writeOrFail(
    out,
    await writeSurfaceH5(grid, {
      model: r.net.id,
      dataset: `toy2d-${spec.data}`,
      directions: spec.directions,
      ...(pca
        ? {
            pca_explained_variance: Float64Array.from(pca.explainedVarianceRatio),
            trajectory_x: pca.x,
            trajectory_y: pca.y,
          }
        : {}),
    }),
  );

  const [ix, iy] = [xs, ys].map((c) => c.findIndex((v) => v === 0));
  const { range } = slice;
  summary.push(
    `  ${spec.directions} slice, ${spec.grid}×${spec.grid} on α ∈ [${range.x.map((v) => round(v, 4)).join(', ')}], ` +
      `β ∈ [${range.y.map((v) => round(v, 4)).join(', ')}] of the train loss in ${fmtTime(r.seconds.slice)}: ` +
      (ix >= 0 && iy >= 0 ? `centre loss ${fmtLoss(slice.loss[iy * xs.length + ix])}, ` : '') +
      `min ${fmtLoss(Math.min(...slice.loss))}, max ${fmtLoss(Math.max(...slice.loss))}`,
    `  roughness: tvLogLoss ${rough.tvLogLoss.toFixed(3)}, non-convex ${(100 * rough.nonConvexShare).toFixed(1)} % (mean |λmin/λmax| ${rough.meanNegRatio.toFixed(3)}), local minima ${rough.localMinima}, basin width ${rough.basinWidth.toFixed(3)}`,
  );
  if (pca) {
    summary.push(
      `  pca: explained variance ${pca.explainedVarianceRatio.map((v) => v.toFixed(3)).join(' + ')} ` +
        `(${(pca.explainedVarianceRatio[0] + pca.explainedVarianceRatio[1]).toFixed(3)}) of ${pca.x.length} checkpoints; ` +
        `the start at (${pca.x[0].toFixed(3)}, ${pca.y[0].toFixed(3)}), the end at (0, 0)`,
    );
  }

  if (json) {
    const weights = r.weights.map((values, i) => ({
      name: r.net.paramNames[i],
      shape: r.net.shapes[i],
      values: Array.from(values),
    }));
    await writeOrFail(
      json,
      JSON.stringify({
        format: TOY_JSON_FORMAT,
        command: ['landscape-lab', 'toy', ...args].join(' '),
        backend,
        data: {
          kind: spec.data,
          n: spec.n,
          noise: spec.noise,
          testShare: spec.testShare,
          seed: spec.seed,
          trainPoints: r.split.train.n,
          testPoints: r.split.test.n,
        },
        net: {
          id: r.net.id,
          hidden: spec.hidden,
          activation: spec.activation,
          init: toyInitScheme(spec),
        },
        optimizer: spec.optimizer,
        scheduler: spec.scheduler,
        batchSize: spec.batch,
        steps: r.steps,
        seed: spec.seed,
        divergedAt: r.divergedAt,
        train: { loss: r.train.loss, accuracy: r.train.acc / 100 },
        test: { loss: r.test.loss, accuracy: r.test.acc / 100 },
        seconds: { train: round(r.seconds.train, 4), slice: round(r.seconds.slice, 4) },
        history: {
          loss: Array.from(r.history.loss, (v) => round(v)),
          accuracy: Array.from(r.history.accuracy, (v) => round(v, 4)),
          lr: Array.from(r.history.lr, (v) => round(v)),
        },
        weights,
        directions:
          spec.directions === 'random'
            ? { kind: 'random', norm: 'filter', ignore: 'biasbn', seed: spec.seed }
            : { kind: 'pca', ignore: 'biasbn' },
        xcoordinates: slice.xcoordinates,
        ycoordinates: slice.ycoordinates,
        train_loss: Array.from(slice.loss),
        train_acc: Array.from(slice.acc),
        roughness: Object.fromEntries(Object.entries(rough).map(([k, v]) => [k, round(v)])),
        ...(pca
          ? {
              trajectory: {
                steps: pca.steps,
                x: Array.from(pca.x),
                y: Array.from(pca.y),
                relativeResidual: Array.from(pca.relativeResidual, (v) => round(v, 5)),
                explainedVariance: pca.explainedVarianceRatio,
              },
            }
          : {}),
      }) + '\n',
    );
  }
  summary.push(`wrote ${out}${json ? ` and ${json}` : ''}`);
  io.stdout(summary.join('\n') + '\n');
  return 0;
}
