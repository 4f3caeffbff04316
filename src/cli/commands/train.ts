import { optimizerOf } from '../../core/optimizers/registry';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { parseScheduleConfig } from '../../core/schedules';
import type { ScheduleConfig } from '../../core/schedules/scheduleSpec';
import { loadFashionSubset } from '../../data/fashionMnist';
import { initBackend } from '../../gpu/backend';
import {
  buildModel,
  MODEL_NAMES,
  type ModelPreset,
  modelPreset,
  saveWeights,
  WEIGHTS_BIN_FILE,
  WEIGHTS_MANIFEST_FILE,
} from '../../gpu/modelZoo';
import type { Net } from '../../gpu/nets/net';
import { evaluateModel } from '../../gpu/train/evaluateModel';
import { netNoiseScale, type NetNoiseScale } from '../../gpu/train/noiseScale';
import {
  batchPlan,
  parseBatchScaling,
  parseBatchSchedule,
  type BatchScaling,
  type BatchSchedule,
} from '../../core/batchScaling';
import { fashionTensorData, type TensorData } from '../../gpu/train/tensorData';
import { train, type TrainProgress, type TrainResult } from '../../gpu/train/train';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { CAPS, checkCaps, fmtCount, zooCapTimes, zooStepSeconds } from '../caps';
import { intFlag, parseFlags, SEED_MAX } from '../flags';
import { parseJsonText } from '../jsonText';
import {
  type OptimizerChoice,
  parseJsonFlag,
  parseOptimizerFlag,
  parseSchedulerFlag,
} from '../optimizerFlags';
import { checkOutputs } from '../outputs';
import { checkRecipe, readTrainState, type TrainRecipe, writeTrainState } from '../trainStateFile';
import type { TrainSnapshot } from '../../gpu/train/trainState';

/** public/data of this checkout (src/cli/commands → ../../../public/data). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../../../public/data/', import.meta.url));

export const CHECKPOINTS_FORMAT = 'landscape-lab-checkpoints/1';
export const TRAIN_LOG_FORMAT = 'landscape-lab-train/1';

/** SGD with momentum 0.9, lr 0.1, weight decay 5e-4 (He et al. 2016; Li et al. 2018). */
export const DEFAULT_OPTIMIZER = { type: 'SGD', lr: 0.1, momentum: 0.9, weight_decay: 5e-4 };

/**
 * A training recipe's lr schedule over `steps` steps, per step: a linear warm-up from 0.1·lr over
 * `warmup` steps, then either a cosine to 0 over the rest, or step decays — lr × gamma at each
 * of `milestones` (fractions of the whole run, e.g. He et al.'s and Li et al.'s ÷10 at 50 % and
 * 75 %, torch's MultiStepLR) — as one SequentialLR. No warm-up: the second part alone.
 */
export function recipeScheduler(r: {
  steps: number;
  warmup: number;
  decay: 'cosine' | 'step';
  milestones?: readonly number[];
  gamma?: number;
}): ScheduleConfig {
  const { steps, warmup } = r;
  if (!Number.isInteger(warmup) || warmup < 0 || warmup >= Math.max(1, steps))
    throw new Error(`recipeScheduler: warm-up ${warmup} must be an integer in 0…${steps - 1}`);
  const rest = steps - warmup;
  const after =
    r.decay === 'cosine'
      ? { type: 'CosineAnnealingLR', T_max: Math.max(1, rest), eta_min: 0 }
      : {
          type: 'MultiStepLR',
          // SequentialLR restarts the second scheduler's count at the warm-up's end.
          milestones: (r.milestones ?? [0.5, 0.75]).map((f) => {
            if (!(f > 0 && f < 1))
              throw new Error(`recipeScheduler: milestone ${f} must be a fraction in (0, 1)`);
            return Math.max(0, Math.round(f * steps) - warmup);
          }),
          gamma: r.gamma ?? 0.1,
        };
  const raw =
    warmup < 1
      ? after
      : {
          type: 'SequentialLR',
          milestones: [warmup],
          schedulers: [
            { type: 'LinearLR', start_factor: 0.1, end_factor: 1, total_iters: warmup },
            after,
          ],
        };
  const parsed = parseScheduleConfig(raw);
  if (!parsed.ok) throw new Error(`recipeScheduler: ${parsed.errors.join('; ')}`);
  return parsed.value;
}

/**
 * The default schedule for `steps` steps: a linear warm-up from 0.1·lr over min(32, ⌊steps/4⌋)
 * steps (He et al. 2016 warm up ResNet-110 at 0.01; without it our deep nets with shortcuts stall
 * near chance), then a cosine to 0 over the rest. Plain cosine when there is no room to warm up.
 */
export function defaultScheduler(steps: number): ScheduleConfig {
  return recipeScheduler({ steps, warmup: Math.min(32, Math.floor(steps / 4)), decay: 'cosine' });
}

export interface ZooData {
  preset: ModelPreset;
  train: TensorData;
  test: TensorData;
}

/** The preset's data set (train and test splits, the preset's normalisation) as device tensors. */
export async function loadZooData(
  preset: ModelPreset,
  dataDir = DEFAULT_DATA_DIR,
): Promise<ZooData> {
  const dir = path.join(dataDir, preset.dataset);
  const read = (f: string) => readFile(path.join(dir, f));
  const [tr, te] = await Promise.all(
    (['train', 'test'] as const).map((s) =>
      loadFashionSubset(read, s, { normalization: preset.normalization }),
    ),
  );
  if (tr.height !== preset.inputSize)
    throw new Error(
      `${dir}: images are ${tr.height}×${tr.width}, ${preset.name} needs ${preset.inputSize}×${preset.inputSize}`,
    );
  return { preset, train: fashionTensorData(tr), test: fashionTensorData(te) };
}

export interface ZooTrainOptions {
  data: ZooData;
  steps: number;
  batchSize: number;
  optimizer: { type: string; hp: Record<string, unknown> };
  scheduler: ScheduleConfig | null;
  seed: number;
  checkpointEvery: number;
  batchScaling?: BatchScaling | null;
  batchSchedule?: BatchSchedule | null;
  onProgress?: (p: TrainProgress) => void;
  /** Resumable runs: passed to train() as they are (see gpu/train/train.ts). */
  resume?: TrainSnapshot | null;
  onSave?: (s: TrainSnapshot) => Promise<void> | void;
  saveEvery?: number;
  stopRequested?: (done: number) => boolean;
}

export interface ZooTrainOutcome {
  net: Net;
  result: TrainResult;
  test: { loss: number; accuracy: number };
  /** Eval-mode loss/accuracy on the whole training split. */
  trainEval: { loss: number; accuracy: number };
  trainSeconds: number;
}

/** Trains a zoo model from its seeded init on the train split, then evaluates it (BN eval mode). */
export async function trainZooModel(o: ZooTrainOptions): Promise<ZooTrainOutcome> {
  const net = buildModel(o.data.preset);
  const t0 = performance.now();
  const result = await train({
    net,
    data: o.data.train,
    optimizer: o.optimizer as never,
    scheduler: o.scheduler,
    batchSize: o.batchSize,
    steps: o.steps,
    seed: o.seed,
    checkpointEvery: o.checkpointEvery,
    batchPlan: batchPlan({
      size: o.batchSize,
      samples: o.data.train.y.shape[0],
      scaling: o.batchScaling,
      schedule: o.batchSchedule,
    }),
    onProgress: o.onProgress,
    resume: o.resume,
    onSave: o.onSave,
    saveEvery: o.saveEvery,
    stopRequested: o.stopRequested,
  });
  const trainSeconds = (performance.now() - t0) / 1000;
  if (result.divergedAt !== null || result.stopped)
    return {
      net,
      result,
      test: { loss: NaN, accuracy: NaN },
      trainEval: { loss: NaN, accuracy: NaN },
      trainSeconds,
    };
  const test = await evaluateModel(net, result.params, result.buffers, o.data.test, {
    batchSize: 500,
  });
  const trainEval = await evaluateModel(net, result.params, result.buffers, o.data.train, {
    batchSize: 500,
  });
  return { net, result, test, trainEval, trainSeconds };
}

/** Writes weights.json/.bin (modelZoo format) into `dir`; returns the byte count of weights.bin. */
export async function writeZooWeights(
  dir: string,
  model: string,
  out: ZooTrainOutcome,
  extra: Record<string, unknown>,
): Promise<number> {
  await mkdir(dir, { recursive: true });
  const { manifest, bytes } = saveWeights(
    out.net,
    out.result.params,
    out.result.buffers,
    model,
    extra,
  );
  await writeFile(path.join(dir, WEIGHTS_MANIFEST_FILE), JSON.stringify(manifest, null, 1) + '\n');
  await writeFile(path.join(dir, WEIGHTS_BIN_FILE), bytes);
  return bytes.byteLength;
}

/**
 * checkpoints.bin: every checkpoint's flat float32 parameter vector (net.params order, each
 * row-major), one after the other, little-endian, no header; checkpoints.json says how to read it.
 */
export async function writeCheckpoints(
  dir: string,
  model: string,
  out: ZooTrainOutcome,
): Promise<void> {
  const cps = out.result.checkpoints;
  const p = out.net.params.reduce((n, i) => n + i.shape.reduce((a, b) => a * b, 1), 0);
  const all = new Float32Array(cps.length * p);
  cps.forEach((c, i) => all.set(c.params, i * p));
  await writeFile(path.join(dir, 'checkpoints.bin'), new Uint8Array(all.buffer));
  await writeFile(
    path.join(dir, 'checkpoints.json'),
    JSON.stringify(
      {
        format: CHECKPOINTS_FORMAT,
        model,
        netId: out.net.id,
        dtype: 'float32',
        file: 'checkpoints.bin',
        count: cps.length,
        paramsPerCheckpoint: p,
        steps: cps.map((c) => c.step),
        tensors: out.net.params.map((i) => ({ name: i.name, shape: [...i.shape] })),
      },
      null,
      1,
    ) + '\n',
  );
}

/** Reads checkpoints written by writeCheckpoints. */
export async function readCheckpoints(
  dir: string,
): Promise<{ steps: number[]; shapes: number[][]; params: Float32Array[] }> {
  const m = JSON.parse(await readFile(path.join(dir, 'checkpoints.json'), 'utf8'));
  if (m.format !== CHECKPOINTS_FORMAT)
    throw new Error(
      `${dir}/checkpoints.json: format ${JSON.stringify(m.format)}, expected ${CHECKPOINTS_FORMAT}`,
    );
  const buf = await readFile(path.join(dir, m.file));
  const all = new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
  if (all.length !== m.count * m.paramsPerCheckpoint)
    throw new Error(
      `${dir}/${m.file}: ${all.length} values, expected ${m.count}×${m.paramsPerCheckpoint}`,
    );
  return {
    steps: m.steps,
    shapes: m.tensors.map((t: { shape: number[] }) => t.shape),
    params: Array.from({ length: m.count }, (_, i) =>
      all.subarray(i * m.paramsPerCheckpoint, (i + 1) * m.paramsPerCheckpoint),
    ),
  };
}

const round = (v: number, d = 6) => Number(v.toPrecision(d));

/** Steps at most, even with --no-cap: train.json keeps three numbers per step. */
export const TRAIN_MAX_STEPS = 10_000_000;
/** Batch sizes above the train split's size use all of it (one full batch per step). */
export const TRAIN_MAX_BATCH = 1_000_000;
/** Checkpoints are held in memory and written as one file: at most this many bytes, even with --no-cap. */
export const TRAIN_MAX_CHECKPOINT_BYTES = 2 ** 30;

/** The exit code of a run stopped (--stop-at, SIGINT, SIGTERM) with its state saved. */
export const STOPPED_EXIT = 3;

export const TRAIN_FLAGS = {
  model: { type: 'string', short: 'm' },
  out: { type: 'string', short: 'o' },
  epochs: { type: 'string' },
  steps: { type: 'string' },
  batch: { type: 'string' },
  optimizer: { type: 'string' },
  scheduler: { type: 'string' },
  config: { type: 'string', short: 'c' },
  seed: { type: 'string' },
  'checkpoint-every': { type: 'string' },
  data: { type: 'string' },
  quiet: { type: 'boolean' },
  'no-cap': { type: 'boolean' },
  'batch-scaling': { type: 'string' },
  'batch-schedule': { type: 'string' },
  'noise-scale': { type: 'string' },
  'noise-draws': { type: 'string' },
  'save-state': { type: 'string' },
  'save-every': { type: 'string' },
  resume: { type: 'string' },
  'stop-at': { type: 'string' },
} as const;

/** The flags of `train`, checked; what needs the data set's size is checked by `planTrain`. */
export interface TrainOptions {
  preset: ModelPreset;
  out: string;
  /** --epochs (default 5) when --steps is not given. */
  epochs: number | null;
  steps: number | null;
  batch: number;
  seed: number;
  checkpointEvery: number | null;
  optimizer: OptimizerChoice;
  /** A parsed --scheduler / config scheduler (null: constant lr), or 'default' (warm-up + cosine over the steps). */
  scheduler: ScheduleConfig | null | 'default';
  dataDir: string;
  quiet: boolean;
  noCap: boolean;
  batchScaling: BatchScaling | null;
  batchSchedule: BatchSchedule | null;
  /** --noise-scale SMALL,BIG and --noise-draws: B_noise of the final weights, or null. */
  noiseScale: { small: number; big: number; draws: number } | null;
  /** The training state file (--save-state, or --resume's, which is then written back), or null. */
  state: { file: string; resume: boolean; saveEvery: number | null; stopAt: number | null } | null;
}

/** --save-state FILE / --resume FILE with --save-every N and --stop-at STEP; null without a file. */
function stateFlags(values: {
  'save-state'?: string;
  resume?: string;
  'save-every'?: string;
  'stop-at'?: string;
}): TrainOptions['state'] {
  const file = values.resume ?? values['save-state'];
  if (values.resume !== undefined && values['save-state'] !== undefined)
    throw new CliError('--save-state and --resume: give one (a resumed run saves to its own file)');
  if (file === undefined) {
    const stray = (['save-every', 'stop-at'] as const).find((f) => values[f] !== undefined);
    if (stray) throw new CliError(`--${stray}: only with --save-state FILE or --resume FILE`);
    return null;
  }
  return {
    file: path.resolve(file),
    resume: values.resume !== undefined,
    saveEvery:
      values['save-every'] === undefined
        ? null
        : intFlag('save-every', values['save-every'], 1, 1, TRAIN_MAX_STEPS),
    stopAt:
      values['stop-at'] === undefined
        ? null
        : intFlag('stop-at', values['stop-at'], 1, 1, TRAIN_MAX_STEPS),
  };
}

/** A --batch-scaling / --batch-schedule JSON, parsed by the core with errors naming the flag. */
function batchFlag<T>(
  flag: string,
  raw: string | undefined,
  parse: (raw: unknown, prefix: string, errors: string[]) => T | null,
): T | null {
  if (raw === undefined) return null;
  const errors: string[] = [];
  const value = parse(parseJsonFlag(flag, raw), `--${flag}`, errors);
  if (errors.length) throw new CliError(errors.join('\n'));
  return value;
}

/** --noise-scale SMALL,BIG (1 ≤ SMALL < BIG), with --noise-draws; null without the flag. */
function noiseScaleFlag(
  raw: string | undefined,
  draws: string | undefined,
): TrainOptions['noiseScale'] {
  if (raw === undefined) {
    if (draws !== undefined) throw new CliError('--noise-draws: only with --noise-scale');
    return null;
  }
  const parts = raw.split(',');
  if (parts.length !== 2)
    throw new CliError(`--noise-scale must be SMALL,BIG (two batch sizes), got '${raw}'`);
  const small = intFlag('noise-scale', parts[0], 0, 1, TRAIN_MAX_BATCH - 1);
  const big = intFlag('noise-scale', parts[1], 0, small + 1, TRAIN_MAX_BATCH);
  return { small, big, draws: intFlag('noise-draws', draws, 20, 1, 1000) };
}

/** Parses and checks the flags of `train` (reads --config); no data, no backend. */
export async function parseTrainFlags(args: string[]): Promise<TrainOptions | 'help'> {
  const { values, positionals } = parseFlags(args, TRAIN_FLAGS, 'train');
  if (values.help) return 'help';
  if (positionals.length)
    throw new CliError(
      `unexpected argument '${positionals[0]}'\nRun 'landscape-lab train --help' for usage.`,
    );
  if (!values.model) throw new CliError(`--model: missing (one of ${MODEL_NAMES.join(', ')})`);
  if (!MODEL_NAMES.includes(values.model))
    throw new CliError(
      `--model: unknown model '${values.model}' (known: ${MODEL_NAMES.join(', ')})`,
    );
  if (values.out === undefined) throw new CliError('--out: missing output folder');
  if (values.epochs !== undefined && values.steps !== undefined)
    throw new CliError('--epochs and --steps: give one, not both');
  const preset = modelPreset(values.model);
  // No upper bound here: a huge count is refused by the caps (with an estimate) or TRAIN_MAX_STEPS.
  const steps = values.steps === undefined ? null : intFlag('steps', values.steps, 0, 1, Infinity);
  const epochs =
    values.steps !== undefined ? null : intFlag('epochs', values.epochs, 5, 1, Infinity);
  const batch = intFlag('batch', values.batch, 128, 1, TRAIN_MAX_BATCH);
  const seed = intFlag('seed', values.seed, 0, 0, SEED_MAX);
  const checkpointEvery =
    values['checkpoint-every'] === undefined
      ? null
      : intFlag('checkpoint-every', values['checkpoint-every'], 1, 1, TRAIN_MAX_STEPS);

  let config: Record<string, unknown> = {};
  if (values.config !== undefined) {
    let text: string;
    try {
      text = await readFile(values.config, 'utf8');
    } catch (e) {
      throw new CliError(
        `--config: cannot read '${values.config}': ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
      );
    }
    const c = parseJsonText(text, `--config '${values.config}'`);
    if (typeof c !== 'object' || c === null || Array.isArray(c))
      throw new CliError(
        `--config '${values.config}': must hold a JSON object {"optimizer": …, "scheduler": …}`,
      );
    const unknown = Object.keys(c).filter((k) => k !== 'optimizer' && k !== 'scheduler');
    if (unknown.length)
      throw new CliError(
        `--config '${values.config}': unknown field '${unknown[0]}' (allowed: optimizer, scheduler)`,
      );
    config = c as Record<string, unknown>;
  }
  /** Parses a value taken from the --config file; its errors then name the file too. */
  const inConfig = <T>(fromConfig: boolean, parse: () => T): T => {
    if (!fromConfig || values.config === undefined) return parse();
    try {
      return parse();
    } catch (e) {
      if (e instanceof CliError) throw new CliError(`--config '${values.config}': ${e.message}`);
      throw e;
    }
  };
  const optRaw =
    values.optimizer !== undefined
      ? parseJsonFlag('optimizer', values.optimizer)
      : (config.optimizer ?? DEFAULT_OPTIMIZER);
  const optimizer = inConfig(values.optimizer === undefined, () =>
    parseOptimizerFlag(optRaw, values.optimizer !== undefined ? '--optimizer' : 'optimizer'),
  );
  const schedRaw =
    values.scheduler !== undefined
      ? parseJsonFlag('scheduler', values.scheduler)
      : 'scheduler' in config
        ? config.scheduler
        : undefined;
  const scheduler =
    schedRaw === undefined
      ? 'default'
      : inConfig(values.scheduler === undefined, () =>
          parseSchedulerFlag(
            schedRaw,
            values.scheduler !== undefined ? '--scheduler' : 'scheduler',
            optimizer,
          ),
        );
  return {
    preset,
    out: values.out,
    epochs,
    steps,
    batch,
    seed,
    checkpointEvery,
    optimizer,
    scheduler,
    dataDir: values.data === undefined ? DEFAULT_DATA_DIR : path.resolve(values.data),
    quiet: !!values.quiet,
    noCap: !!values['no-cap'],
    batchScaling: batchFlag('batch-scaling', values['batch-scaling'], parseBatchScaling),
    batchSchedule: batchFlag('batch-schedule', values['batch-schedule'], parseBatchSchedule),
    noiseScale: noiseScaleFlag(values['noise-scale'], values['noise-draws']),
    state: stateFlags(values),
  };
}

/** What a state file records of a run, to be matched on --resume. */
export function trainRecipe(
  o: TrainOptions,
  plan: TrainPlan,
  netId: string,
  trainSamples: number,
): TrainRecipe {
  return {
    model: o.preset.name,
    netId,
    data: { dataset: o.preset.dataset, trainSamples },
    batch: o.batch,
    steps: plan.steps,
    seed: o.seed,
    optimizer: o.optimizer,
    scheduler: plan.scheduler,
    batchScaling: o.batchScaling,
    batchSchedule: o.batchSchedule,
    checkpointEvery: plan.checkpointEvery,
  };
}

/** What a checked run will do on a train split of `n` images. */
export interface TrainPlan {
  steps: number;
  stepsPerEpoch: number;
  checkpointEvery: number;
  scheduler: ScheduleConfig | null;
}

/**
 * The steps, checkpoints and schedule of a run on `n` training images, with the caps checked
 * (CAPS.trainSteps, CAPS.trainImageSteps; over them only with --no-cap, said through `note`) and
 * the hard limits (TRAIN_MAX_STEPS, TRAIN_MAX_CHECKPOINT_BYTES), each a CliError naming its flag.
 */
export function planTrain(o: TrainOptions, n: number, note: (line: string) => void): TrainPlan {
  const stepsPerEpoch = Math.ceil(n / o.batch);
  const steps = o.steps ?? o.epochs! * stepsPerEpoch;
  const stepsFlag =
    o.steps !== null ? '--steps' : `--epochs (${o.epochs} × ${stepsPerEpoch} steps)`;
  const batch = Math.min(o.batch, n);
  const step = zooStepSeconds(o.preset, batch);
  const seconds = steps * step.seconds;
  const basis = `${step.basis}, batch ${batch}`;
  checkCaps(
    [
      { flags: stepsFlag, amount: steps, unit: 'steps', cap: CAPS.trainSteps, seconds, basis },
      {
        flags: `${o.steps !== null ? '--steps' : '--epochs'} × --batch`,
        amount: steps * batch,
        unit: 'image-steps',
        cap: CAPS.trainImageSteps,
        seconds,
        basis,
      },
    ],
    o.noCap,
    note,
  );
  if (steps > TRAIN_MAX_STEPS)
    throw new CliError(
      `${stepsFlag}: ${fmtCount(steps)} steps; at most ${fmtCount(TRAIN_MAX_STEPS)} even with --no-cap (train.json keeps every step's loss, accuracy and lr)`,
    );
  const checkpointEvery = o.checkpointEvery ?? Math.max(1, Math.ceil(steps / 50));
  const count = Math.ceil(steps / checkpointEvery) + 1;
  const params = buildModel(o.preset).params.reduce(
    (a, p) => a + p.shape.reduce((x, y) => x * y, 1),
    0,
  );
  if (count * params * 4 > TRAIN_MAX_CHECKPOINT_BYTES)
    throw new CliError(
      `--checkpoint-every ${checkpointEvery}: ${fmtCount(count)} checkpoints of ${o.preset.name} (${(params * 4e-6).toPrecision(2)} MB each) ` +
        `would take ${((count * params * 4) / 2 ** 30).toPrecision(3)} GiB; at most 1 GiB, so use --checkpoint-every ${Math.ceil(steps / Math.floor(TRAIN_MAX_CHECKPOINT_BYTES / (params * 4) - 1))} or more`,
    );
  const scheduler = o.scheduler === 'default' ? defaultScheduler(steps) : o.scheduler;
  if (o.noiseScale && o.noiseScale.big > n)
    throw new CliError(
      `--noise-scale: the big batch ${o.noiseScale.big} is above the ${n} training images`,
    );
  return { steps, stepsPerEpoch, checkpointEvery, scheduler };
}

export const trainCommand: Command = {
  name: 'train',
  summary:
    'train a zoo model (resnet-20/56/110[-ns], wrn-56-k2/k4[-ns]) on the Fashion-MNIST subset; write weights and checkpoints',
  help: `Usage: landscape-lab train --model NAME --out DIR [options]

Trains a model preset from its seeded init on the train split of its Fashion-MNIST subset
(public/data/fashion-mnist-7: 4000 train, 1000 test images), minibatches drawn without
replacement per epoch, BatchNorm in train mode; then evaluates it (BN eval mode) on the test
split and writes into DIR:
  weights.json + weights.bin          final weights and BN statistics (modelZoo format, loadable
                                      by 'landscape-lab landscape --weights DIR' and the app)
  checkpoints.json + checkpoints.bin  flat float32 parameter vectors at steps 0, k, 2k, … and the
                                      last (for the PCA trajectory plane)
  train.json                          per-step batch loss / accuracy / lr, train and test loss and
                                      accuracy, seconds, the exact command

Options:
  --model NAME          ${MODEL_NAMES.join(' | ')}
  --out DIR             output folder (created; checked for writing before training starts)
  --epochs E            passes over the train split (default 5), an integer ≥ 1; steps = E·⌈N/B⌉
  --steps N             optimizer steps instead of --epochs, an integer ≥ 1
  --batch B             minibatch size, 1…${fmtCount(TRAIN_MAX_BATCH)} (default 128; above N: the whole split)
  --optimizer JSON      torch.optim-style, default '${JSON.stringify(DEFAULT_OPTIMIZER)}'
  --scheduler JSON      torch lr_scheduler-style, per step; 'null' for a constant lr;
                        default: linear warm-up from 0.1·lr over min(32, steps/4)
                        steps, then {"type":"CosineAnnealingLR","T_max":<the rest>}
  --config FILE         JSON {"optimizer": {...}, "scheduler": {...} | null} (the flags override it)
  --seed K              init and shuffling seed, 0…${SEED_MAX} (default 0)
  --checkpoint-every K  steps between checkpoints, ≥ 1 (default: about 50 checkpoints in all;
                        all of them at most 1 GiB)
  --data DIR            folder holding the data sets (default: this checkout's public/data)
  --quiet               no progress lines on stderr
  --no-cap              run a job over the caps below (the estimate is still printed)

Batch size (issue #14; the same rules as a surface run's batch.scaling / batch.schedule):
  --batch-scaling JSON  {"rule": "none"|"linear"|"sqrt", "base_size": B0, "warmup": STEPS}:
                        every step's lr × (B/B0)^{0, 1, 1/2}, reached by a linear warm-up from
                        1× over "warmup" steps (Goyal et al. 2017)
  --batch-schedule JSON {"milestones": [STEP, …], "factor": 2, "change": "batch"|"lr"}: B ×
                        factor after each milestone step (at most N; the lr then follows the
                        scaling rule: Smith et al. 2018), or with "change": "lr" the lr ÷ factor
                        there instead; train.json then holds each step's B ("history.batch")
  --noise-scale S,B     after training, the gradient noise scale B_noise = tr(Σ)/|G|² of the
                        final weights (McCandlish et al. 2018: the two-batch estimator from
                        batches of S and B training images, BN in eval mode), printed and in
                        train.json ("noiseScale"): about the critical batch size
  --noise-draws K       batch gradients of each size averaged, 1…1000 (default 20)

Resumable runs (a long run spanning sessions):
  --save-state FILE     keep the run's state in FILE (weights, BN statistics, optimizer state,
                        step, records, checkpoints and the recipe), rewritten atomically every
                        --save-every steps, at the end, and on SIGINT / SIGTERM (the run then
                        stops after the step in progress); an existing FILE is refused
  --resume FILE         go on from FILE's step to the end, saving back to FILE; the flags must
                        give the same recipe (model, data, batch, steps, seed, optimizer,
                        schedule, checkpoints): the first field that differs is named. The
                        result equals one straight run's, weights and records bit for bit
  --save-every K        steps between saves, ≥ 1 (default: as --checkpoint-every)
  --stop-at STEP        stop once STEP steps are done, state saved (a session-sized piece)
  A stopped run exits ${STOPPED_EXIT} and writes nothing into --out; train.json's "seconds" are the last
  session's, "resumedFrom" its first step.

Caps (refused with an estimate of the time unless --no-cap): ${fmtCount(CAPS.trainSteps)} steps, and
${fmtCount(CAPS.trainImageSteps)} image-steps (steps × min(B, N): 250 epochs of the 4000 images at batch 128;
${zooCapTimes((p) => (CAPS.trainImageSteps / 128) * zooStepSeconds(p, 128).seconds)} on a 2-core CPU). Even with
--no-cap: at most ${fmtCount(TRAIN_MAX_STEPS)} steps.

Example:
  landscape-lab train --model resnet-20 --epochs 3 --seed 1 --out runs/r20

Exit codes: 0 ok, 1 training diverged (nothing written but train.json), 2 bad flags (also an
unwritable --out, found before training starts), ${STOPPED_EXIT} stopped with its state saved.`,
  async run(args, io) {
    const opts = await parseTrainFlags(args);
    if (opts === 'help') {
      io.stdout(this.help + '\n');
      return 0;
    }
    const state = opts.state;
    await checkOutputs([
      { flag: 'out', path: opts.out, kind: 'folder' },
      { flag: state?.resume ? 'resume' : 'save-state', path: state?.file, kind: 'file' },
    ]);
    if (state && !state.resume && existsSync(state.file))
      throw new CliError(
        `--save-state: '${state.file}' exists (a run's state); go on with --resume, or delete it to start over`,
      );
    // Read before any work: a missing or damaged state file is refused at once.
    const saved = state?.resume ? await readTrainState(state.file) : null;
    const { preset, batch: batchSize, seed, optimizer, quiet } = opts;
    const backend = await initBackend();
    const dataDir = opts.dataDir;
    let data: ZooData;
    try {
      data = await loadZooData(preset, dataDir);
    } catch (e) {
      throw new CliError(
        `--data: cannot load ${preset.dataset} from ${dataDir}: ${(e as Error).message}`,
      );
    }
    const n = data.train.y.shape[0];
    let plan: TrainPlan;
    let recipe: TrainRecipe | null = null;
    try {
      plan = planTrain(opts, n, (line) => io.stderr(`landscape-lab train: ${line}`));
      if (state) recipe = trainRecipe(opts, plan, buildModel(preset).id, n);
      if (saved) checkRecipe(state!.file, saved.recipe, recipe!);
    } catch (e) {
      tf.dispose([data.train.x, data.train.y, data.test.x, data.test.y]);
      throw e;
    }
    const { steps, stepsPerEpoch, checkpointEvery, scheduler } = plan;
    const out = path.resolve(opts.out);

    // With a state file, SIGINT / SIGTERM stop the run after the step in progress, saved.
    let signalled: string | null = null;
    const onSignal = (sig: string) => {
      if (signalled === null)
        io.stderr(`landscape-lab train: ${sig}: stopping after this step; saving ${state!.file}\n`);
      signalled = sig;
    };
    if (state) for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, onSignal);
    const t0 = performance.now();
    let lastPrint = 0;
    if (!quiet)
      io.stderr(
        `train ${preset.name}: ${steps} steps of batch ${batchSize} (${(steps / stepsPerEpoch).toFixed(2)} epochs of ${n}), ${optimizerOf(optimizer)!.type}, backend ${backend}` +
          (saved ? `, resuming at step ${saved.snapshot.step}` : '') +
          '\n',
      );
    const outcome = await trainZooModel({
      data,
      steps,
      batchSize,
      optimizer,
      scheduler,
      seed,
      checkpointEvery,
      batchScaling: opts.batchScaling,
      batchSchedule: opts.batchSchedule,
      onProgress: (p) => {
        const now = performance.now();
        if (quiet || (now - lastPrint < 5000 && p.step !== p.steps)) return;
        lastPrint = now;
        io.stderr(
          `  step ${p.step}/${p.steps}  epoch ${p.epoch}  loss ${p.loss.toFixed(4)}  acc ${p.accuracy.toFixed(3)}  lr ${p.lr.toPrecision(3)}  ${((now - t0) / 1000).toFixed(1)} s\n`,
        );
      },
      ...(state && {
        resume: saved?.snapshot ?? null,
        onSave: (snap: TrainSnapshot) => writeTrainState(state.file, recipe!, snap),
        saveEvery: state.saveEvery ?? checkpointEvery,
        stopRequested: (done: number) =>
          signalled !== null || (state.stopAt !== null && done >= state.stopAt),
      }),
    }).finally(() => {
      for (const sig of ['SIGINT', 'SIGTERM']) process.off(sig, onSignal);
    });
    const r = outcome.result;
    if (r.stopped) {
      tf.dispose([...r.params, ...r.buffers, data.train.x, data.train.y, data.test.x, data.test.y]);
      if (!quiet)
        io.stderr(
          `landscape-lab train: stopped at step ${r.steps} of ${steps}; the state is in ${state!.file}. Go on with the same flags and --resume ${state!.file}\n`,
        );
      return STOPPED_EXIT;
    }
    let noise: NetNoiseScale | null = null;
    if (opts.noiseScale && r.divergedAt === null) {
      noise = await netNoiseScale({
        net: outcome.net,
        params: r.params,
        buffers: r.buffers,
        data: data.train,
        ...opts.noiseScale,
        seed,
      });
      if (!quiet)
        io.stderr(
          `  gradient noise scale B_noise ≈ ${noise.bNoise.toPrecision(3)} (|G|² ≈ ${noise.gradSq.toPrecision(3)}, tr Σ ≈ ${noise.traceSigma.toPrecision(3)}; batches ${noise.small.size} and ${noise.big.size}, ${noise.draws} draws each)\n`,
        );
    }
    const command = ['landscape-lab', 'train', ...args]
      .map((a) => (/^[\w@%+=:,./-]+$/.test(a) ? a : `'${a.replace(/'/g, `'\\''`)}'`))
      .join(' ');
    const log = {
      format: TRAIN_LOG_FORMAT,
      model: preset.name,
      netId: outcome.net.id,
      command,
      backend,
      data: {
        dataset: preset.dataset,
        trainSamples: n,
        testSamples: data.test.y.shape[0],
        normalization: preset.normalization,
      },
      seed,
      batchSize,
      steps: r.steps,
      requestedSteps: steps,
      epochs: round(r.steps / stepsPerEpoch, 4),
      checkpointEvery,
      optimizer,
      scheduler,
      ...(opts.batchScaling ? { batchScaling: opts.batchScaling } : {}),
      ...(opts.batchSchedule ? { batchSchedule: opts.batchSchedule } : {}),
      ...(noise ? { noiseScale: noise } : {}),
      divergedAt: r.divergedAt,
      ...(state ? { resumedFrom: saved?.snapshot.step ?? 0 } : {}),
      train: { loss: round(outcome.trainEval.loss), accuracy: round(outcome.trainEval.accuracy) },
      test: { loss: round(outcome.test.loss), accuracy: round(outcome.test.accuracy) },
      seconds: round(outcome.trainSeconds, 4),
      history: {
        loss: Array.from(r.loss, (v) => round(v)),
        accuracy: Array.from(r.accuracy, (v) => round(v, 4)),
        lr: Array.from(r.lr, (v) => round(v)),
        ...(r.batch ? { batch: Array.from(r.batch) } : {}),
      },
      checkpointSteps: r.checkpoints.map((c) => c.step),
      createdAt: new Date().toISOString(),
    };
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'train.json'), JSON.stringify(log) + '\n');
    try {
      if (r.divergedAt !== null) {
        io.stderr(
          `landscape-lab train: the loss became non-finite at step ${r.divergedAt}; try a smaller lr. Only train.json was written.\n`,
        );
        return 1;
      }
      await writeZooWeights(out, preset.name, outcome, {
        training: {
          command,
          seed,
          steps: r.steps,
          batchSize,
          optimizer,
          scheduler,
          testAccuracy: log.test.accuracy,
        },
      });
      if (checkpointEvery > 0) await writeCheckpoints(out, preset.name, outcome);
    } finally {
      tf.dispose([...r.params, ...r.buffers, data.train.x, data.train.y, data.test.x, data.test.y]);
    }
    if (!quiet)
      io.stderr(
        `  test accuracy ${(100 * outcome.test.accuracy).toFixed(2)} %, test loss ${outcome.test.loss.toFixed(4)}; wrote ${out}\n`,
      );
    return 0;
  },
};
