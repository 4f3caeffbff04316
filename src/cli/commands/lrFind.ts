/**
 * `landscape-lab lr-find`: the LR range test (core/lrRangeTest.ts) on an analytic surface
 * (minibatch gradients of its finite sum), on the toy MLP (a Playground set, as `toy` makes it)
 * or on a zoo ResNet (its Fashion-MNIST train split, as `train` reads it). Prints the suggested
 * range and OneCycleLR max_lr; writes the curve as JSON and CSV.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { parseRunConfig, type RunConfig } from '../../core/config';
import {
  RANGE_TEST_DEFAULTS,
  RANGE_TEST_LIMITS,
  surfaceRangeTest,
  surfaceRangeTestRefusal,
  type RangeTestResult,
  type RangeTestSettings,
} from '../../core/lrRangeTest';
import { SURFACES } from '../../core/surfaces/registry';
import { makeToy2d, splitToy2d, TOY2D_SETS, type Toy2dKind } from '../../data/toy2d';
import { initBackend } from '../../gpu/backend';
import { buildModel, MODEL_NAMES, type ModelPreset } from '../../gpu/modelZoo';
import { mlp } from '../../gpu/nets/mlp';
import { netRangeTest, type NetRangeTestOptions } from '../../gpu/train/lrRangeTest';
import { toyTensorData } from '../../gpu/train/tensorData';
import { CAPS, checkCaps, fmtCount, zooStepSeconds } from '../caps';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { intFlag, numberFlag, parseFlags, SEED_MAX } from '../flags';
import type { CliIo } from '../io';
import { loadModelWeights, modelFromFlag, resolveWeights } from '../landscapeOptions';
import { type OptimizerChoice, parseJsonFlag, parseOptimizerFlag } from '../optimizerFlags';
import { checkOutputs } from '../outputs';
import { checkToyCosts, parseHidden, TOY_DEFAULT_OPTIMIZER } from './toy';
import { checkSampleGradients } from './trajectory';
import { DEFAULT_DATA_DIR, DEFAULT_OPTIMIZER, loadZooData, TRAIN_MAX_BATCH } from './train';

export const LR_FIND_FORMAT = 'landscape-lab-lr-find/1';

const FLAGS = {
  surface: { type: 'string' },
  'surface-params': { type: 'string' },
  samples: { type: 'string' },
  model: { type: 'string', short: 'm' },
  weights: { type: 'string' },
  data: { type: 'string' },
  toy: { type: 'string' },
  n: { type: 'string' },
  noise: { type: 'string' },
  hidden: { type: 'string' },
  activation: { type: 'string' },
  optimizer: { type: 'string' },
  'start-lr': { type: 'string' },
  'end-lr': { type: 'string' },
  steps: { type: 'string' },
  batch: { type: 'string' },
  smooth: { type: 'string' },
  diverge: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  csv: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-cap': { type: 'boolean' },
} as const;
export { FLAGS as LR_FIND_FLAGS };

/** The surface path's defaults: batch 32 of a 256-sample finite sum with noise σ = 1 (the race's). */
const SURFACE_DEFAULTS = { batch: 32, samples: 256, noise: 1, optimizer: { type: 'SGD' } };
const TOY_DEFAULTS = { batch: 50, n: 500, noise: 0.1, testShare: 0.5 };
const ZOO_BATCH = 128;
/** The largest surface noise σ: beyond it the batches' ξ·θ swamp every surface's own loss. */
const SURFACE_NOISE_MAX = 1e3;

/** What the test runs on. */
export type LrFindTarget =
  | { kind: 'surface'; config: RunConfig }
  | {
      kind: 'toy';
      data: Toy2dKind;
      n: number;
      noise: number;
      hidden: number[];
      activation: 'tanh' | 'relu';
    }
  | { kind: 'model'; preset: ModelPreset; weights: string | 'init'; dataDir: string };

export interface LrFindOptions {
  target: LrFindTarget;
  /** The networks' optimizer (the surface's is in its config). */
  optimizer: OptimizerChoice;
  settings: RangeTestSettings;
  batch: number;
  seed: number;
  out: string | null;
  csv: string | null;
  quiet: boolean;
}

/** A flag that belongs to one target only, refused with the others. */
const ONLY: Record<string, LrFindTarget['kind']> = {
  'surface-params': 'surface',
  samples: 'surface',
  weights: 'model',
  data: 'model',
  n: 'toy',
  hidden: 'toy',
  activation: 'toy',
};

/** parseRunConfig's field → the flag that set it. */
const FIELD_FLAGS: [string, string][] = [
  ['surface_params', '--surface-params'],
  ['optimizer', '--optimizer'],
  ['batch.size', '--batch'],
  ['batch.samples', '--samples'],
  ['batch.noise', '--noise'],
  ['batch.seed', '--seed'],
];

function surfaceTarget(
  v: Record<string, string | boolean | undefined>,
  settings: RangeTestSettings,
  seed: number,
): RunConfig {
  const name = v.surface as string;
  if (!SURFACES.some((s) => s.id === name))
    throw new CliError(
      `--surface: unknown surface '${name}' (known: ${SURFACES.map((s) => s.id).join(', ')})`,
    );
  const samples = intFlag('samples', v.samples as string | undefined, 256, 1, 100_000);
  const batch = intFlag('batch', v.batch as string | undefined, SURFACE_DEFAULTS.batch, 1, samples);
  const noise = numberFlag('noise', v.noise as string | undefined, 1, 0, SURFACE_NOISE_MAX);
  const parsed = parseRunConfig({
    surface: name,
    surface_params:
      v['surface-params'] === undefined
        ? {}
        : parseJsonFlag('surface-params', v['surface-params'] as string),
    optimizer:
      v.optimizer === undefined
        ? SURFACE_DEFAULTS.optimizer
        : parseJsonFlag('optimizer', v.optimizer as string),
    steps: settings.steps,
    batch: { size: batch, samples, noise, seed },
  });
  if (!parsed.ok) {
    const named = parsed.errors.map((e) => {
      const hit = FIELD_FLAGS.find(([field]) => e.startsWith(field));
      return hit ? `${hit[1]}: ${e}` : e;
    });
    throw new CliError(`invalid surface run:\n  ${named.join('\n  ')}`);
  }
  const refusal = surfaceRangeTestRefusal(parsed.value.surface, parsed.value.surfaceParams);
  if (refusal) throw new CliError(`--${refusal}`);
  return parsed.value;
}

/** The flags of `lr-find`, checked (ranges, the target's caps); no data, no backend. */
export function parseLrFindFlags(
  args: string[],
  note: (line: string) => void = () => {},
): LrFindOptions | 'help' {
  const { values: v, positionals } = parseFlags(args, FLAGS, 'lr-find');
  if (v.help) return 'help';
  if (positionals.length)
    throw new CliError(
      `unexpected argument '${positionals[0]}'\nRun 'landscape-lab lr-find --help' for usage.`,
    );
  const given = (['surface', 'model', 'toy'] as const).filter((k) => v[k] !== undefined);
  if (given.length !== 1)
    throw new CliError(
      given.length
        ? `--${given.join(', --')}: give one target, not ${given.length}`
        : 'missing target: --surface NAME, --toy DATA or --model NAME',
    );
  const kind = given[0];
  for (const [flag, only] of Object.entries(ONLY))
    if (v[flag as keyof typeof v] !== undefined && only !== kind)
      throw new CliError(`--${flag}: only with --${only}`);

  const L = RANGE_TEST_LIMITS;
  const D = RANGE_TEST_DEFAULTS;
  const startLr = numberFlag('start-lr', v['start-lr'], D.startLr, L.minLr, L.maxLr);
  const endLr = numberFlag('end-lr', v['end-lr'], D.endLr, L.minLr, L.maxLr);
  if (!(endLr > startLr))
    throw new CliError(`--end-lr must be above --start-lr ${startLr}, got ${endLr}`);
  const settings: RangeTestSettings = {
    startLr,
    endLr,
    steps: intFlag('steps', v.steps, D.steps, L.minSteps, L.maxSteps),
    beta: numberFlag('smooth', v.smooth, D.beta, 0, L.maxBeta),
    divergeThreshold: numberFlag('diverge', v.diverge, D.divergeThreshold, 1.0001, L.maxThreshold),
  };
  const seed = intFlag('seed', v.seed, 0, 0, SEED_MAX);
  const noCap = !!v['no-cap'];
  const common = {
    settings,
    seed,
    out: v.out ?? null,
    csv: v.csv ?? null,
    quiet: !!v.quiet,
  };
  if (kind === 'surface') {
    const config = surfaceTarget(v, settings, seed);
    checkSampleGradients('--steps × --batch', settings.steps * config.batch!.size, noCap, note);
    return {
      ...common,
      target: { kind, config },
      optimizer: { type: config.optimizer.type, hp: config.optimizer.hp },
      batch: config.batch!.size,
    };
  }
  const netOptimizer = (dflt: object) =>
    parseOptimizerFlag(
      v.optimizer === undefined ? dflt : parseJsonFlag('optimizer', v.optimizer),
      '--optimizer',
    );
  if (kind === 'toy') {
    const data = v.toy as Toy2dKind;
    const ids = TOY2D_SETS.map((s) => s.id);
    if (!ids.includes(data))
      throw new CliError(`--toy: unknown data set '${data}' (known: ${ids.join(', ')})`);
    const n = intFlag('n', v.n, TOY_DEFAULTS.n, 4, 1_000_000);
    const noise = numberFlag('noise', v.noise, TOY_DEFAULTS.noise, 0, 0.5);
    const hidden = parseHidden(v.hidden);
    const activation = (v.activation ?? 'tanh') as 'tanh' | 'relu';
    if (activation !== 'tanh' && activation !== 'relu')
      throw new CliError(`--activation must be tanh or relu, got '${activation}'`);
    const batch = intFlag('batch', v.batch, TOY_DEFAULTS.batch, 1, 1_000_000);
    const nTrain = Math.round((1 - TOY_DEFAULTS.testShare) * n);
    checkToyCosts({ n, nTrain, hidden, steps: settings.steps, batch, grid: 0 }, noCap, note);
    return {
      ...common,
      target: { kind, data, n, noise, hidden, activation },
      optimizer: netOptimizer(TOY_DEFAULT_OPTIMIZER),
      batch,
    };
  }
  const preset = modelFromFlag(v.model);
  const batch = intFlag('batch', v.batch, ZOO_BATCH, 1, TRAIN_MAX_BATCH);
  // A range test runs before training: from the seeded init unless --weights names others.
  const weights = v.weights === undefined ? 'init' : resolveWeights(preset, v.weights, false);
  checkZooCost(preset, settings.steps, batch, noCap, note);
  return {
    ...common,
    target: {
      kind,
      preset,
      weights,
      dataDir: v.data === undefined ? DEFAULT_DATA_DIR : path.resolve(v.data),
    },
    optimizer: netOptimizer(DEFAULT_OPTIMIZER),
    batch,
  };
}

/** `train`'s caps on steps and image-steps (batch ≤ the 4000-image split, as it is at most). */
function checkZooCost(
  preset: ModelPreset,
  steps: number,
  batch: number,
  noCap: boolean,
  note: (line: string) => void,
): void {
  const step = zooStepSeconds(preset, batch);
  const seconds = steps * step.seconds;
  const basis = `${step.basis}, batch ${batch}`;
  checkCaps(
    [
      { flags: '--steps', amount: steps, unit: 'steps', cap: CAPS.trainSteps, seconds, basis },
      {
        flags: '--steps × --batch',
        amount: steps * batch,
        unit: 'image-steps',
        cap: CAPS.trainImageSteps,
        seconds,
        basis,
      },
    ],
    noCap,
    note,
  );
}

/** Runs the test on a network target; the data and starting weights are freed after. */
async function runOnNetwork(
  o: LrFindOptions,
  onProgress: NetRangeTestOptions['onProgress'],
): Promise<RangeTestResult> {
  const t = o.target;
  if (t.kind === 'surface') throw new Error('runOnNetwork: a surface target');
  const owned: tf.Tensor[] = [];
  try {
    let base: Omit<NetRangeTestOptions, 'optimizer' | 'batchSize' | 'settings'>;
    if (t.kind === 'toy') {
      const set = makeToy2d({ kind: t.data, n: t.n, noise: t.noise, seed: o.seed });
      const split = splitToy2d(set, 1 - TOY_DEFAULTS.testShare, o.seed);
      const data = toyTensorData(split.train);
      owned.push(data.x, data.y);
      const net = mlp({ inputs: 2, hidden: t.hidden, numClasses: 2, activation: t.activation });
      base = { net, data, initScheme: t.activation === 'tanh' ? 'xavier' : 'kaiming' };
    } else {
      let zoo;
      try {
        zoo = await loadZooData(t.preset, t.dataDir);
      } catch (e) {
        throw new CliError(
          `--data: cannot load ${t.preset.dataset} from ${t.dataDir}: ${(e as Error).message}`,
        );
      }
      owned.push(zoo.train.x, zoo.train.y, zoo.test.x, zoo.test.y);
      const net = buildModel(t.preset);
      const w = await loadModelWeights(net, t.weights, o.seed);
      owned.push(...w.params, ...w.buffers);
      base = { net, data: zoo.train, params: w.params, buffers: w.buffers };
    }
    return await netRangeTest({
      ...base,
      optimizer: o.optimizer as NetRangeTestOptions['optimizer'],
      batchSize: o.batch,
      settings: o.settings,
      seed: o.seed,
      onProgress,
    });
  } finally {
    tf.dispose(owned);
  }
}

const fmt = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(4)).toString() : String(v));
const num = (v: number) => (Number.isFinite(v) ? v : null);

/** The curve as CSV: step (1-based), lr, loss, smoothed; a non-finite loss as NaN or Infinity. */
export function lrFindCsv(r: RangeTestResult): string {
  const rows = Array.from(
    { length: r.steps },
    (_, i) => `${i + 1},${r.lrs[i]},${r.losses[i]},${r.smoothed[i]}`,
  );
  return `step,lr,loss,smoothed\n${rows.join('\n')}\n`;
}

function targetJson(t: LrFindTarget): Record<string, unknown> {
  if (t.kind === 'surface') {
    const c = t.config;
    return { kind: 'surface', surface: c.surface, surfaceParams: c.surfaceParams, start: c.start };
  }
  if (t.kind === 'toy') return { ...t };
  return { kind: 'model', model: t.preset.name, weights: t.weights };
}

/** The JSON file: settings, the curve (non-finite values as null) and the suggestions. */
export function lrFindJson(o: LrFindOptions, r: RangeTestResult, backend: string | null) {
  const t = o.target;
  return {
    format: LR_FIND_FORMAT,
    target: targetJson(t),
    // Without the lr, which the test replaces every step.
    optimizer: { type: o.optimizer.type, hp: { ...o.optimizer.hp, lr: undefined } },
    batch:
      t.kind === 'surface'
        ? { size: o.batch, samples: t.config.batch!.samples, noise: t.config.batch!.noise }
        : { size: o.batch },
    seed: o.seed,
    settings: o.settings,
    backend,
    loss: t.kind === 'surface' ? 'exact f(θ) before each step' : 'batch loss before each step',
    steps: r.steps,
    stop: r.stop,
    best: num(r.best),
    lr: Array.from(r.lrs),
    losses: Array.from(r.losses, num),
    smoothed: Array.from(r.smoothed, num),
    suggestions: r.suggestions,
  };
}

/** The printed summary: why it stopped, the suggestions, how to use max_lr. */
export function lrFindSummary(o: LrFindOptions, r: RangeTestResult): string {
  const s = r.suggestions;
  const t = o.target;
  const what =
    t.kind === 'surface' ? t.config.surface : t.kind === 'toy' ? `toy ${t.data}` : t.preset.name;
  const stop =
    r.stop === 'completed'
      ? 'ran to the end without blowing up (raise --end-lr to see where it does)'
      : r.stop === 'non-finite'
        ? `the loss became non-finite at lr ${fmt(r.lrs[r.steps - 1])}`
        : `smoothed loss ${fmt(r.smoothed[r.steps - 1])} > ${o.settings.divergeThreshold} × best ${fmt(r.best)} at lr ${fmt(r.lrs[r.steps - 1])}`;
  const lines = [
    `lr-find ${what}: ${o.optimizer.type}, batch ${o.batch}, ${r.steps} of ${o.settings.steps} steps from ${fmt(o.settings.startLr)} to ${fmt(o.settings.endLr)}; ${stop}`,
    `  steepest descent   ${s.steepest ? `lr ${fmt(s.steepest.lr)} (slope ${fmt(s.steepest.slope)} per decade of lr)` : 'none (too few steps)'}`,
    `  lowest loss        ${s.minimum ? `lr ${fmt(s.minimum.lr)} (smoothed ${fmt(s.minimum.loss)})` : 'none (too few steps)'}`,
    `  blow-up            ${s.blowUp ? `lr ${fmt(s.blowUp.lr)}` : 'none'}`,
    `  suggested range    ${s.range ? `${fmt(s.range[0])} … ${fmt(s.range[1])}` : 'none'}`,
    `  OneCycleLR max_lr  ${s.maxLr ? `${fmt(s.maxLr.lr)} (${s.maxLr.rule})` : 'none'}`,
  ];
  if (s.maxLr)
    lines.push(
      `  use it: --scheduler '{"type":"OneCycleLR","max_lr":${fmt(s.maxLr.lr)},"total_steps":STEPS}'`,
    );
  return lines.join('\n') + '\n';
}

async function runLrFind(o: LrFindOptions, io: CliIo): Promise<number> {
  let backend: string | null = null;
  let r: RangeTestResult;
  if (o.target.kind === 'surface') r = surfaceRangeTest(o.target.config, o.settings);
  else {
    backend = await initBackend(['wasm', 'cpu']);
    let lastPrint = 0;
    r = await runOnNetwork(o, (p) => {
      const now = performance.now();
      if (o.quiet || now - lastPrint < 5000) return;
      lastPrint = now;
      io.stderr(
        `  step ${p.step}/${o.settings.steps}  lr ${fmt(p.lr)}  loss ${fmt(p.loss)}  smoothed ${fmt(p.smoothed)}\n`,
      );
    });
  }
  if (o.out)
    await writeFile(o.out, JSON.stringify(lrFindJson(o, r, backend), null, 1) + '\n', 'utf8');
  if (o.csv) await writeFile(o.csv, lrFindCsv(r), 'utf8');
  io.stdout(lrFindSummary(o, r));
  return 0;
}

export const lrFindCommand: Command = {
  name: 'lr-find',
  summary:
    'LR range test (exponential lr, smoothed loss, stop on blow-up) on a surface, the toy MLP or a zoo ResNet; suggests OneCycleLR max_lr',
  help: `Usage: landscape-lab lr-find (--surface NAME | --toy DATA | --model NAME) [options]

The learning-rate range test (Smith 2017; fastai's lr_find, pytorch-lr-finder's range_test): N
minibatch steps with the lr growing exponentially, lr_i = start·(end/start)^(i/(N−1)) (both ends
exact), nothing reset between steps. The loss of each step (before its update) is smoothed by a
bias-corrected EMA, s_i = a_i/(1 − β^(i+1)), a_i = β·a_(i−1) + (1 − β)·loss_i (fastai's), and the
test stops after the first step whose s_i exceeds --diverge × the best s so far, or whose loss is
not finite. It prints, from the smoothed curve without its first N/10 and last 5 steps (fastai's
trim): the steepest descent (most negative slope per decade of lr), the lowest loss, the blow-up
point, the suggested range [steepest, blow-up] and OneCycleLR's max_lr = blow-up lr / 10 (lowest-
loss lr / 10 when nothing blew up).

Target (one of):
  --surface NAME       ${SURFACES.filter((s) => !surfaceRangeTestRefusal(s.id))
    .map((s) => s.id)
    .join(', ')};
                       minibatch gradients of its finite sum; the loss read is the exact f(θ)
                       (a batch's f + ξ·θ can be negative). Starts at the surface's default start.
    --surface-params JSON   e.g. '{"kappa": 100}' for quadratic
    --samples N        samples in the finite sum, 1…100,000 (default ${SURFACE_DEFAULTS.samples})
    --noise X          σ of each sample's ξ, 0…${SURFACE_NOISE_MAX} (default ${SURFACE_DEFAULTS.noise})
    --batch B          1…--samples (default ${SURFACE_DEFAULTS.batch}; = --samples is exact gradient descent)
  --toy DATA           ${TOY2D_SETS.map((s) => s.id).join(', ')}: the toy MLP on the training half of a seeded
                       Playground set, as 'landscape-lab toy' makes it
    --n N, --noise X, --hidden W,W,…, --activation tanh|relu   as in 'toy' (defaults 500, 0.1, 16,16, tanh)
    --batch B          1…1,000,000 (default ${TOY_DEFAULTS.batch})
  --model NAME         ${MODEL_NAMES.join(' | ')} on its Fashion-MNIST train split
    --weights FILE     start from these weights (default: the seeded init, as before training)
    --data DIR         folder holding the data sets (default: this checkout's public/data)
    --batch B          1…${fmtCount(TRAIN_MAX_BATCH)} (default ${ZOO_BATCH})

Test:
  --optimizer JSON     torch.optim-style; its lr is replaced each step (default: surface
                       ${JSON.stringify(SURFACE_DEFAULTS.optimizer)}, toy ${JSON.stringify(TOY_DEFAULT_OPTIMIZER)}, model ${JSON.stringify(DEFAULT_OPTIMIZER)})
  --start-lr X         first lr, ${RANGE_TEST_LIMITS.minLr}…${RANGE_TEST_LIMITS.maxLr} (default ${RANGE_TEST_DEFAULTS.startLr})
  --end-lr X           last lr, above --start-lr, at most ${RANGE_TEST_LIMITS.maxLr} (default ${RANGE_TEST_DEFAULTS.endLr})
  --steps N            steps at most, ${RANGE_TEST_LIMITS.minSteps}…${fmtCount(RANGE_TEST_LIMITS.maxSteps)} (default ${RANGE_TEST_DEFAULTS.steps})
  --smooth B           EMA factor β, 0…${RANGE_TEST_LIMITS.maxBeta} (default ${RANGE_TEST_DEFAULTS.beta}; 0 = no smoothing;
                       pytorch-lr-finder's smooth_f is 1 − β)
  --diverge K          stop when the smoothed loss exceeds K × its best, 1.0001…${fmtCount(RANGE_TEST_LIMITS.maxThreshold)}
                       (default ${RANGE_TEST_DEFAULTS.divergeThreshold}, fastai's; pytorch-lr-finder uses 5)
  --seed K             seed of the batches, the init and the toy data, 0…${SEED_MAX} (default 0)

Output:
  --out FILE.json      settings, per step lr, loss, smoothed (non-finite as null), why it
                       stopped, the suggestions
  --csv FILE.csv       step,lr,loss,smoothed (one row per step)
  -q, --quiet          no progress lines on stderr
  --no-cap             run a job over the caps below (the estimate is still printed)

Caps (refused with an estimate unless --no-cap), as the matching commands: surface, steps ×
batch ≤ ${fmtCount(CAPS.coreSampleGradients)} sample gradients (trajectory's); toy, ${fmtCount(CAPS.toySteps)} steps and
${CAPS.toyTrainMacs.toExponential(0)} multiply-adds of training (toy's); model, ${fmtCount(CAPS.trainSteps)} steps and ${fmtCount(CAPS.trainImageSteps)} image-steps
(train's). Outputs are checked for writing before any work starts.

Example:
  landscape-lab lr-find --surface quadratic --surface-params '{"kappa": 25}' --csv q.csv
  landscape-lab lr-find --model resnet-20 --steps 100 --out r20-lr.json

Exit codes: 0 ok (also when nothing blew up), 2 bad flags.`,
  async run(args, io) {
    const opts = parseLrFindFlags(args, (line) => io.stderr(`landscape-lab lr-find: ${line}`));
    if (opts === 'help') {
      io.stdout(this.help + '\n');
      return 0;
    }
    await checkOutputs([
      { flag: 'out', path: opts.out, kind: 'file' },
      { flag: 'csv', path: opts.csv, kind: 'file' },
    ]);
    return runLrFind(opts, io);
  },
};
