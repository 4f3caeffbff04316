/**
 * Trains the zoo's ResNets (with and without shortcuts), ships their weights and two 2-D loss
 * slices each, with roughness measures — the skip-connection effect of Li et al. 2018 (Fig. 5),
 * measured. See docs/SHIPPED.md for the command, the times and the results.
 *
 *   npx tsx scripts/make-shipped-landscapes.ts [--epochs 4] [--grid 21] [--samples 500] [--seed 0]
 *       [--lr 0.1] [--warmup STEPS] [--decay cosine|step] [--milestones 0.5,0.75] [--gamma 0.1]
 *       [--batch 128] [--state-dir scratch/shipped-state] [--save-every STEPS] [--resume]
 *       [--train-only | --slice-only] [--planes random,pca] [--out public] [--index-only] [MODEL …]
 *                                                                  (default: every preset)
 *
 * The recipe: --epochs passes of batch --batch, SGD with peak --lr (momentum 0.9, weight decay
 * 5e-4), a linear warm-up from lr/10 over --warmup steps (default min(32, steps/4)), then
 * --decay cosine (to 0, the default) or --decay step (lr × --gamma at each of --milestones,
 * fractions of the run: the paper's ÷10 at 50 % and 75 %). Training keeps a resumable state in
 * --state-dir/NAME.state (`landscape-lab train --save-state`'s format) every --save-every steps
 * and on SIGINT/SIGTERM; --resume goes on from it (refused if the recipe differs), bit for bit
 * the straight run. --train-only stops after the weights (the checkpoints for the PCA plane stay
 * in --state-dir/NAME/); --slice-only slices the shipped weights (the PCA plane with those checkpoints).
 * --planes random or pca makes only that slice (a wide net's random slice takes most of an hour:
 * a failed PCA step is redone alone).
 *
 * Per model NAME:
 *   1. train from the seeded init (landscape-lab train's defaults: SGD lr 0.1, momentum 0.9,
 *      weight decay 5e-4, linear warm-up from lr/10 over 32 steps, then cosine to 0, batch 128,
 *      BN in train mode; --lr sets the peak lr, the warm-up still starting at lr/10) on the
 *      4000-image train split; ~40 checkpoints along the way;
 *   2. OUT/models/NAME/weights.json + weights.bin (modelZoo format) and train.json (the log);
 *   3. OUT/landscapes/NAME.json (+ .h5): a filter-normalised random slice (Li et al.: per
 *      filter d ← d/‖d‖·‖w‖, biases and BN parameters zeroed, seed fixed) over [−1, 1]², grid
 *      G×G, loss on the first S images of the train split, BN in eval mode;
 *   4. OUT/landscapes/NAME-pca.json (+ .h5): the plane of the top-2 PCA directions of the
 *      checkpoints' differences from the final weights (biases/BN ignored), a symmetric grid
 *      covering the projected trajectory, with the trajectory in it;
 *   5. roughness (src/core/view/roughness.ts) in both JSONs, and OUT/landscapes/index.json, a
 *      summary of every shipped landscape (rebuilt from the files after each model).
 * Runs on one process's wasm backend; start two processes with disjoint model lists to use two
 * cores (the index is rebuilt from what is on disk, so they do not clobber each other).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { roughness } from '../src/core/view/roughness';
import {
  DEFAULT_OPTIMIZER,
  loadZooData,
  readCheckpoints,
  recipeScheduler,
  trainZooModel,
  writeCheckpoints,
  writeZooWeights,
  type ZooData,
} from '../src/cli/commands/train';
import { CliError } from '../src/cli/cliError';
import {
  checkRecipe,
  readTrainState,
  type TrainRecipe,
  writeTrainState,
} from '../src/cli/trainStateFile';
import { parseOptimizerConfig } from '../src/core/optimizers/parseOptimizer';
import { initBackend } from '../src/gpu/backend';
import { randomDirections } from '../src/gpu/landscape/directions';
import { toBatches } from '../src/gpu/landscape/evaluate';
import { computeSlice, type SliceResult } from '../src/gpu/landscape/slice';
import {
  buildFastEvalModel,
  buildModel,
  loadWeights,
  MODEL_NAMES,
  modelPreset,
} from '../src/gpu/modelZoo';
import type { Net } from '../src/gpu/nets/net';
import { trajectoryPca } from '../src/gpu/projection/trajectoryPca';
import {
  LANDSCAPE_JSON_FORMAT,
  type LandscapeJson,
  parseLandscapeJson,
} from '../src/io/landscapeJson';
import { writeSurfaceH5 } from '../src/io/surfaceFile';

const { values: flags, positionals } = parseArgs({
  options: {
    epochs: { type: 'string', default: '4' },
    grid: { type: 'string', default: '21' },
    samples: { type: 'string', default: '500' },
    seed: { type: 'string', default: '0' },
    /** Peak lr; default DEFAULT_OPTIMIZER's (0.1). The warm-up starts at lr/10. */
    lr: { type: 'string' },
    warmup: { type: 'string' },
    decay: { type: 'string', default: 'cosine' },
    milestones: { type: 'string', default: '0.5,0.75' },
    gamma: { type: 'string', default: '0.1' },
    batch: { type: 'string', default: '128' },
    'state-dir': { type: 'string', default: 'scratch/shipped-state' },
    'save-every': { type: 'string' },
    resume: { type: 'boolean', default: false },
    'train-only': { type: 'boolean', default: false },
    'slice-only': { type: 'boolean', default: false },
    planes: { type: 'string', default: 'random,pca' },
    out: { type: 'string', default: 'public' },
    'index-only': { type: 'boolean', default: false },
  },
  allowPositionals: true,
  strict: true,
});
const epochs = Number(flags.epochs),
  gridN = Number(flags.grid),
  samples = Number(flags.samples),
  seed = Number(flags.seed);
const lr = flags.lr === undefined ? DEFAULT_OPTIMIZER.lr : Number(flags.lr);
if (!(Number.isFinite(lr) && lr > 0))
  throw new Error(`--lr must be a positive number, got ${flags.lr}`);
/** A flag's value as a positive integer (or null when absent), else an error naming the flag. */
function intOf(flag: string, raw: string | undefined, min = 1): number | null {
  if (raw === undefined) return null;
  const v = Number(raw);
  if (!Number.isInteger(v) || v < min)
    throw new Error(`--${flag} must be an integer ≥ ${min}, got ${raw}`);
  return v;
}
const decay = flags.decay as 'cosine' | 'step';
if (decay !== 'cosine' && decay !== 'step')
  throw new Error(`--decay must be cosine or step, got ${flags.decay}`);
const milestones = flags.milestones!.split(',').map(Number);
if (!milestones.every((m) => m > 0 && m < 1))
  throw new Error(
    `--milestones must be fractions in (0, 1), e.g. 0.5,0.75; got ${flags.milestones}`,
  );
const gamma = Number(flags.gamma);
if (!(gamma > 0 && gamma <= 1)) throw new Error(`--gamma must be in (0, 1], got ${flags.gamma}`);
const warmupFlag = intOf('warmup', flags.warmup, 0);
const batchSize = intOf('batch', flags.batch)!;
const saveEveryFlag = intOf('save-every', flags['save-every']);
if (flags['train-only'] && flags['slice-only'])
  throw new Error('--train-only and --slice-only: give one (neither does both)');
const planes = new Set(flags.planes!.split(','));
if (planes.size === 0 || ![...planes].every((p) => p === 'random' || p === 'pca'))
  throw new Error(`--planes must list random and/or pca, e.g. random,pca; got ${flags.planes}`);
const stateDir = path.resolve(flags['state-dir']!);
const outRoot = path.resolve(flags.out!);
const models = positionals.length ? positionals : [...MODEL_NAMES];
for (const m of models) modelPreset(m); // throws naming the known ones
/** The training recipe's flags (what weights.json → training.generatedBy records). */
const trainingFlags =
  `--epochs ${epochs} --seed ${seed}` +
  (flags.lr === undefined ? '' : ` --lr ${lr}`) +
  (batchSize === 128 ? '' : ` --batch ${batchSize}`) +
  (warmupFlag === null ? '' : ` --warmup ${warmupFlag}`) +
  (decay === 'cosine' ? '' : ` --decay step --milestones ${milestones.join(',')} --gamma ${gamma}`);
const sliceFlags = `--grid ${gridN} --samples ${samples}`;
const SCRIPT = 'scripts/make-shipped-landscapes.ts';
// With --slice-only the training half comes from the weights' own record (see sliceModel).
let generatedBy = `${SCRIPT} ${trainingFlags} ${sliceFlags}`;
/** Stored in place of a non-finite loss (parseLandscapeJson wants finite numbers). */
const LOSS_CAP = 1e30;

const round = (v: number, d = 7) => Number(v.toPrecision(d));
const log = (s: string) => console.log(`[${new Date().toISOString().slice(11, 19)}] ${s}`);

interface SliceOut {
  json: LandscapeJson;
  h5: Uint8Array;
}

/**
 * A slice's roughness as its file and index.json carry it, from the grid as stored (losses to 7
 * digits, a diverged point as LOSS_CAP), so it is what anyone recomputes from the file. TV,
 * minima and basin width read the cap as a (huge) loss; nonFinite counts the capped points; the
 * curvature leaves out every stencil with a loss ≥ LOSS_CAP, as the page does (landscapeView's
 * DIVERGED_LOSS), so no second difference is taken of a made-up 1e30.
 */
function storedRoughness(
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  stored: readonly number[],
): Record<string, number> {
  const r = roughness({ xcoordinates: xs, ycoordinates: ys, loss: stored });
  const d = roughness({
    xcoordinates: xs,
    ycoordinates: ys,
    loss: stored.map((v) => (v >= LOSS_CAP ? Infinity : v)),
  });
  return {
    tvLogLoss: round(r.tvLogLoss, 5),
    tvLogLossPerStep: round(r.tvLogLossPerStep, 5),
    localMinima: r.localMinima,
    basinWidth: round(r.basinWidth, 5),
    nonFinite: stored.filter((v) => v === LOSS_CAP).length,
    nonConvexShare: round(d.nonConvexShare, 5),
    meanNegRatio: round(d.meanNegRatio, 5),
  };
}

async function slice(
  name: string,
  net: Net,
  params: tf.Tensor[],
  buffers: tf.Tensor[],
  dx: tf.Tensor[],
  dy: tf.Tensor[],
  xr: number,
  yr: number,
  data: ZooData,
  directions: LandscapeJson['directions'],
  /** The trained weights' accuracy on the test split (BN in eval mode), 0…1. */
  testAcc: number,
): Promise<SliceOut & { result: SliceResult }> {
  const batches = toBatches(
    data.train.x.slice(0, samples),
    data.train.y.slice(0, samples),
    samples,
  );
  const t0 = performance.now();
  let lastLog = t0;
  const result = await computeSlice(
    {
      net,
      params,
      buffers,
      dx,
      dy,
      batches,
      x: { min: -xr, max: xr, num: gridN },
      y: { min: -yr, max: yr, num: gridN },
    },
    (_row, done, total) => {
      if (performance.now() - lastLog > 30000) {
        lastLog = performance.now();
        log(`  ${name}: ${done}/${total} points`);
      }
    },
  );
  const seconds = (performance.now() - t0) / 1000;
  tf.dispose(batches.flatMap((b) => [b.x, b.y]));
  const xs = result.xcoordinates,
    ys = result.ycoordinates!;
  const stored = Array.from(result.loss, (v) => (Number.isFinite(v) ? round(v) : LOSS_CAP));
  const c = (gridN - 1) / 2;
  const json: LandscapeJson = {
    format: LANDSCAPE_JSON_FORMAT,
    model: name,
    directions,
    data: { dataset: data.preset.dataset, split: 'train', samples },
    // linspace over ±r puts ~1e-16 rather than 0 in the middle: store it as the 0 it stands for.
    xcoordinates: xs.map((v) => (Math.abs(v) < 1e-12 * xr ? 0 : round(v))),
    ycoordinates: ys.map((v) => (Math.abs(v) < 1e-12 * yr ? 0 : round(v))),
    train_loss: stored,
    train_acc: Array.from(result.acc, (v) => (Number.isFinite(v) ? round(v, 5) : 0)),
    // The loss is on `data` (train images), the accuracy the trained net's on the test split.
    centre: {
      loss: round(result.loss[c * gridN + c]),
      acc: round(100 * testAcc, 5),
      accSplit: 'test',
    },
    roughness: storedRoughness(xs, ys, stored),
    meta: {
      generatedBy,
      backend: tf.getBackend(),
      seconds: round(seconds, 4),
      createdAt: new Date().toISOString(),
    },
  };
  const h5 = await writeSurfaceH5({
    xcoordinates: Float64Array.from(xs),
    ycoordinates: Float64Array.from(ys),
    values: {
      train_loss: Float64Array.from(json.train_loss),
      train_acc: Float64Array.from(json.train_acc),
    },
    meta: { dirFile: null, shardIndices: null },
  });
  return { json, h5, result };
}

async function writeSlice(file: string, s: SliceOut): Promise<void> {
  const check = parseLandscapeJson(JSON.parse(JSON.stringify(s.json)));
  if (!check.ok) throw new Error(`${file}: invalid landscape JSON: ${check.errors.join('; ')}`);
  await writeFile(path.join(outRoot, 'landscapes', `${file}.json`), JSON.stringify(s.json) + '\n');
  await writeFile(path.join(outRoot, 'landscapes', `${file}.h5`), s.h5);
}

/** What slicing needs of a trained model, from training or from disk (--slice-only). */
interface Trained {
  params: tf.Tensor[];
  buffers: tf.Tensor[];
  checkpoints: Float32Array[];
  checkpointSteps: number[];
  testAccuracy: number;
}

/** SIGINT / SIGTERM: the training in progress stops after its step, its state saved. */
let signalled = false;
for (const sig of ['SIGINT', 'SIGTERM'])
  process.on(sig, () => {
    log(`${sig}: stopping after this step, saving the state (go on with --resume)`);
    signalled = true;
  });

async function trainModel(name: string, data: ZooData): Promise<Trained | null> {
  const preset = data.preset;
  const n = data.train.y.shape[0];
  const steps = epochs * Math.ceil(n / batchSize);
  const checkpointEvery = Math.max(1, Math.ceil(steps / 40));
  const opt = parseOptimizerConfig({ ...DEFAULT_OPTIMIZER, lr });
  if (!opt.ok) throw new Error(opt.errors.join('; '));
  const optimizer = { type: opt.value.type, hp: opt.value.hp as Record<string, unknown> };
  const warmup = warmupFlag ?? Math.min(32, Math.floor(steps / 4));
  const scheduler = recipeScheduler({ steps, warmup, decay, milestones, gamma });
  const recipe: TrainRecipe = {
    model: name,
    netId: buildModel(preset).id,
    data: { dataset: preset.dataset, trainSamples: n },
    batch: batchSize,
    steps,
    seed,
    optimizer,
    scheduler,
    batchScaling: null,
    batchSchedule: null,
    checkpointEvery,
  };
  const stateFile = path.join(stateDir, `${name}.state`);
  await mkdir(stateDir, { recursive: true });
  let resume = null;
  if (!flags.resume && existsSync(stateFile))
    throw new CliError(
      `${stateFile} exists (a run's state); go on with --resume, or delete it to start over`,
    );
  if (flags.resume && existsSync(stateFile)) {
    const saved = await readTrainState(stateFile);
    checkRecipe(stateFile, saved.recipe, recipe);
    resume = saved.snapshot;
  }
  log(
    `${name}: training ${steps} steps (${epochs} epochs of ${n}, batch ${batchSize}), seed ${seed}` +
      (resume ? `, resuming at step ${resume.step} from ${stateFile}` : `, state in ${stateFile}`),
  );
  let lastLog = performance.now();
  const out = await trainZooModel({
    data,
    steps,
    batchSize,
    optimizer,
    scheduler,
    seed,
    checkpointEvery,
    resume,
    onSave: (snap) => writeTrainState(stateFile, recipe, snap),
    saveEvery: saveEveryFlag ?? checkpointEvery,
    stopRequested: () => signalled,
    onProgress: (p) => {
      if (performance.now() - lastLog > 30000) {
        lastLog = performance.now();
        log(
          `  ${name}: step ${p.step}/${p.steps} loss ${p.loss.toFixed(3)} acc ${p.accuracy.toFixed(3)}`,
        );
      }
    },
  });
  const r = out.result;
  if (r.stopped) {
    log(`${name}: stopped at step ${r.steps} of ${steps}; state in ${stateFile}`);
    tf.dispose([...r.params, ...r.buffers]);
    return null;
  }
  if (r.divergedAt !== null) throw new Error(`${name}: training diverged at step ${r.divergedAt}`);
  log(
    `${name}: trained in ${out.trainSeconds.toFixed(1)} s, train loss ${out.trainEval.loss.toFixed(4)} acc ${out.trainEval.accuracy.toFixed(4)}, test loss ${out.test.loss.toFixed(4)} acc ${out.test.accuracy.toFixed(4)}`,
  );

  const training = {
    generatedBy: `${SCRIPT} ${trainingFlags}`,
    seed,
    epochs,
    steps: r.steps,
    batchSize,
    optimizer,
    scheduler,
    warmup,
    decay,
    ...(decay === 'step' ? { milestones, gamma } : {}),
    checkpointEvery,
    trainLoss: round(out.trainEval.loss, 6),
    trainAccuracy: round(out.trainEval.accuracy, 5),
    testLoss: round(out.test.loss, 6),
    testAccuracy: round(out.test.accuracy, 5),
    // This session's; a resumed run's earlier sessions are not counted.
    seconds: round(out.trainSeconds, 4),
    ...(resume ? { resumedFrom: resume.step } : {}),
  };
  const modelDir = path.join(outRoot, 'models', name);
  await writeZooWeights(modelDir, name, out, { training });
  // The checkpoints (tens of MB for the wide nets) stay out of the shipped folder.
  await mkdir(path.join(stateDir, name), { recursive: true });
  await writeCheckpoints(path.join(stateDir, name), name, out);
  await writeFile(
    path.join(modelDir, 'train.json'),
    JSON.stringify({
      format: 'landscape-lab-train/1',
      model: name,
      netId: out.net.id,
      ...training,
      history: {
        loss: Array.from(r.loss, (v) => round(v, 5)),
        accuracy: Array.from(r.accuracy, (v) => round(v, 4)),
        lr: Array.from(r.lr, (v) => round(v, 5)),
      },
      checkpointSteps: r.checkpoints.map((c) => c.step),
    }) + '\n',
  );
  return {
    params: r.params,
    buffers: r.buffers,
    checkpoints: r.checkpoints.map((c) => c.params),
    checkpointSteps: r.checkpoints.map((c) => c.step),
    testAccuracy: out.test.accuracy,
  };
}

/** --slice-only: the shipped weights, their recorded recipe, and the checkpoints kept in --state-dir. */
async function loadTrained(name: string): Promise<Trained> {
  const modelDir = path.join(outRoot, 'models', name);
  const manifest = JSON.parse(await readFile(path.join(modelDir, 'weights.json'), 'utf8'));
  const training = manifest.training as { generatedBy?: string; testAccuracy?: number } | undefined;
  if (typeof training?.testAccuracy !== 'number' || typeof training.generatedBy !== 'string')
    throw new Error(`${modelDir}/weights.json: no training record (train it first: --train-only)`);
  // The slices' meta names the recipe the weights were trained with, not this run's flags.
  generatedBy = `${training.generatedBy.replace(/ --(grid|samples) \S+/g, '')} ${sliceFlags}`;
  const w = loadWeights(
    buildModel(name),
    manifest,
    new Uint8Array(await readFile(path.join(modelDir, 'weights.bin'))),
  );
  // Only the PCA plane needs the trajectory: a random slice alone slices the shipped weights.
  let cps: { params: Float32Array[]; steps: number[] } = { params: [], steps: [] };
  if (planes.has('pca'))
    try {
      cps = await readCheckpoints(path.join(stateDir, name));
    } catch (e) {
      tf.dispose([...w.params, ...w.buffers]);
      throw new Error(
        `${name}: no checkpoints in ${path.join(stateDir, name)} for the PCA plane (${(e as Error).message}); train it here first`,
        { cause: e },
      );
    }
  return {
    ...w,
    checkpoints: cps.params,
    checkpointSteps: cps.steps,
    testAccuracy: training.testAccuracy,
  };
}

async function runModel(name: string): Promise<void> {
  const preset = modelPreset(name);
  const data = await loadZooData(preset);
  try {
    const t = flags['slice-only'] ? await loadTrained(name) : await trainModel(name, data);
    if (t && !flags['train-only']) await sliceModel(name, data, t);
    if (t) tf.dispose([...t.params, ...t.buffers]);
  } finally {
    tf.dispose([data.train.x, data.train.y, data.test.x, data.test.y]);
  }
}

/** The random and PCA slices of a trained model, written with their roughness. */
async function sliceModel(name: string, data: ZooData, r: Trained): Promise<void> {
  const preset = data.preset;
  const netShapes = buildModel(preset).params.map((p) => [...p.shape]);
  // Slices use the BN-folded eval forward (same logits to float32 rounding, ~1.7× faster).
  const evalNet = buildFastEvalModel(preset);
  // (i) filter-normalised random directions.
  if (planes.has('random')) {
    const dirSeed = seed + 1;
    const dirs = randomDirections(r.params, { seed: dirSeed, norm: 'filter', ignore: 'biasbn' });
    const rand = await slice(
      name,
      evalNet,
      r.params,
      r.buffers,
      dirs.x,
      dirs.y,
      1,
      1,
      data,
      { kind: 'random', norm: 'filter', ignore: 'biasbn', orthogonal: false, seed: dirSeed },
      r.testAccuracy,
    );
    tf.dispose([...dirs.x, ...dirs.y]);
    await writeSlice(name, rand);
    log(
      `${name}: random slice in ${rand.json.meta.seconds} s, centre ${rand.json.centre.loss}, roughness ${JSON.stringify(rand.json.roughness)}`,
    );
  }

  // (ii) the PCA plane of the trajectory.
  if (!planes.has('pca')) return;
  const pca = trajectoryPca(r.checkpoints, netShapes, { ignoreBiasBn: true });
  const margin = 1.15;
  const xr = margin * Math.max(...Array.from(pca.x, Math.abs)),
    yr = margin * Math.max(...Array.from(pca.y, Math.abs));
  const p = await slice(
    `${name}-pca`,
    evalNet,
    r.params,
    r.buffers,
    pca.directions[0],
    pca.directions[1],
    xr,
    yr,
    data,
    { kind: 'pca', norm: 'none', ignore: 'biasbn', orthogonal: true, seed: null },
    r.testAccuracy,
  );
  p.json.model = name;
  p.json.trajectory = {
    steps: r.checkpointSteps,
    x: Array.from(pca.x, (v) => round(v)),
    y: Array.from(pca.y, (v) => round(v)),
    relativeResidual: Array.from(pca.relativeResidual, (v) => round(v, 5)),
    explainedVariance: [
      round(pca.explainedVarianceRatio[0], 5),
      round(pca.explainedVarianceRatio[1], 5),
    ],
  };
  tf.dispose([...pca.directions[0], ...pca.directions[1]]);
  await writeSlice(`${name}-pca`, p);
  log(
    `${name}: PCA slice (±${xr.toFixed(2)}, ±${yr.toFixed(2)}, explained ${p.json.trajectory.explainedVariance}) in ${p.json.meta.seconds} s, roughness ${JSON.stringify(p.json.roughness)}`,
  );
}

/** OUT/landscapes/index.json: every shipped landscape with its model's training summary. */
async function writeIndex(): Promise<void> {
  const dir = path.join(outRoot, 'landscapes');
  const files = (await readdir(dir))
    .filter((f) => f.endsWith('.json') && f !== 'index.json')
    .sort();
  const entries = [];
  for (const f of files) {
    const j = JSON.parse(await readFile(path.join(dir, f), 'utf8')) as LandscapeJson;
    let training: Record<string, unknown> | null = null;
    try {
      training =
        JSON.parse(await readFile(path.join(outRoot, 'models', j.model, 'weights.json'), 'utf8'))
          .training ?? null;
    } catch {
      /* weights not shipped */
    }
    entries.push({
      file: `landscapes/${f}`,
      h5: `landscapes/${f.replace(/\.json$/, '.h5')}`,
      model: j.model,
      directions: j.directions.kind,
      weights: training ? `models/${j.model}/weights.json` : null,
      grid: [j.xcoordinates.length, j.ycoordinates.length],
      range: [j.xcoordinates[0], j.xcoordinates.at(-1), j.ycoordinates[0], j.ycoordinates.at(-1)],
      samples: j.data.samples,
      centreLoss: j.centre.loss,
      testAccuracy: j.centre.acc,
      // Recomputed from the file's grid, so an index rebuilt with --index-only carries every
      // measure roughness.ts has now, even for slices made before it had them.
      roughness: storedRoughness(j.xcoordinates, j.ycoordinates, j.train_loss),
      sliceSeconds: j.meta.seconds,
      trainSeconds: training?.seconds ?? null,
      epochs: training?.epochs ?? null,
    });
  }
  await writeFile(
    path.join(dir, 'index.json'),
    JSON.stringify({ format: 'landscape-lab-shipped/1', landscapes: entries }, null, 1) + '\n',
  );
}

await mkdir(path.join(outRoot, 'landscapes'), { recursive: true });
if (!flags['index-only']) {
  const backend = await initBackend();
  log(
    `backend ${backend}; models ${models.join(', ')}; ` +
      (flags['slice-only'] ? `slicing (${sliceFlags}) the shipped weights` : generatedBy),
  );
  const t0 = performance.now();
  for (const m of models) {
    const t = performance.now();
    try {
      await runModel(m);
    } catch (e) {
      // A refused --resume (another recipe, a damaged state file) is said in one line.
      if (!(e instanceof CliError)) throw e;
      console.error(`make-shipped-landscapes: ${m}: ${e.message}`);
      process.exit(2);
    }
    if (signalled) break;
    if (!flags['train-only']) await writeIndex();
    log(`${m}: done in ${((performance.now() - t) / 1000).toFixed(1)} s`);
  }
  if (signalled) {
    log('stopped; run again with --resume to go on');
    process.exit(3);
  }
  log(`all done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
await writeIndex();
