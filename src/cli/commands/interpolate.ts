import { readFile } from 'node:fs/promises';
import path from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../gpu/backend';
import { interpolate } from '../../gpu/landscape/interpolate';
import { MODEL_NAMES, type ModelPreset, recordedTrainingSeed } from '../../gpu/modelZoo';
import { emptySurfaceGrid, writeSurfaceH5 } from '../../io/surfaceFile';
import { interpolationSummary } from '../../core/view/interpolationSummary';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { intFlag, parseFlags, RANGE_HELP, SEED_MAX } from '../flags';
import { checkOutputs } from '../outputs';
import { type CliIo, fmtTime, writeOrFail } from '../io';
import { parseJsonText } from '../jsonText';
import {
  BATCH_MAX,
  GRID_MAX,
  GRID_MIN,
  loadLandscapeData,
  loadModelWeights,
  modelFromFlag,
  netFor,
  parseRange,
  resolveWeights,
  SAMPLES_MAX,
} from '../landscapeOptions';

/** BatchNorm along the path: each batch's own statistics, or the running statistics of one end. */
export const INTERPOLATION_BN = ['batch', 'from', 'to'] as const;
export type InterpolationBn = (typeof INTERPOLATION_BN)[number];

export interface InterpolateOptions {
  preset: ModelPreset;
  /** Manifest path or 'init' (seeded with `seed`). */
  from: string | 'init';
  to: string | 'init';
  seed: number;
  /** Where the seed came from, for the summary line. */
  seedSource: string;
  range: [number, number];
  points: number;
  samples: number;
  batch: number;
  bn: InterpolationBn;
  out: string;
  json: string | null;
  quiet: boolean;
}

const FLAGS = {
  model: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  seed: { type: 'string' },
  range: { type: 'string' },
  points: { type: 'string' },
  samples: { type: 'string' },
  batch: { type: 'string' },
  bn: { type: 'string' },
  out: { type: 'string', short: 'o' },
  json: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;
export { FLAGS as INTERPOLATE_FLAGS };

/** 'init', or a manifest (file or folder) resolved like --weights; absent = `dflt`. */
function endpoint(
  preset: ModelPreset,
  flag: 'from' | 'to',
  raw: string | undefined,
  dflt: 'init' | 'shipped',
): string | 'init' {
  const v = raw ?? dflt;
  if (v === 'init') return 'init';
  try {
    return resolveWeights(preset, v === 'shipped' ? undefined : v, false);
  } catch (e) {
    if (e instanceof CliError)
      throw new CliError(
        e.message
          .replace(/^--weights\b/, `--${flag}`)
          .replace('pass --weights FILE', `pass --${flag} FILE`),
      );
    throw e;
  }
}

/** The `training.seed` a manifest file records (the seed its run started from), or null. */
async function trainingSeed(manifest: string): Promise<number | null> {
  try {
    // parseJsonText, as loadModelWeights reads it: a byte-order mark must not lose the seed.
    return recordedTrainingSeed(parseJsonText(await readFile(manifest, 'utf8'), manifest));
  } catch {
    return null; // loadModelWeights reports unreadable manifests properly later
  }
}

export async function parseInterpolateFlags(args: string[]): Promise<InterpolateOptions | 'help'> {
  const { values: v } = parseFlags(args, FLAGS, 'interpolate');
  if (v.help) return 'help';
  const preset = modelFromFlag(v.model as string | undefined);
  const from = endpoint(preset, 'from', v.from as string | undefined, 'init');
  const to = endpoint(preset, 'to', v.to as string | undefined, 'shipped');
  if (from === to)
    throw new CliError(
      `--from and --to are the same weights ('${from}'): the line would be a single point`,
    );
  let seed = intFlag('seed', v.seed as string | undefined, 0, 0, SEED_MAX);
  let seedSource = v.seed === undefined ? 'default' : '--seed';
  if (v.seed === undefined && (from === 'init' || to === 'init')) {
    // The init a trained model started from: its manifest records the seed.
    const trained = from === 'init' ? to : from;
    const recorded = trained === 'init' ? null : await trainingSeed(trained);
    if (recorded !== null) {
      seed = recorded;
      seedSource = `the training.seed in ${path.relative(process.cwd(), trained) || trained}`;
    }
  }
  const points = intFlag('points', v.points as string | undefined, 41, GRID_MIN, GRID_MAX);
  const samples = intFlag('samples', v.samples as string | undefined, 1000, 1, SAMPLES_MAX);
  const bn = ((v.bn as string | undefined) ?? 'batch') as InterpolationBn;
  if (!INTERPOLATION_BN.includes(bn))
    throw new CliError(`--bn must be batch, from or to, got '${bn}'`);
  // Batch statistics are the statistics of one forward's batch: all samples at once by default.
  const batch = intFlag(
    'batch',
    v.batch as string | undefined,
    bn === 'batch' ? samples : 1000,
    1,
    BATCH_MAX,
  );
  const out = v.out as string | undefined;
  if (!out) throw new CliError('missing --out FILE.h5');
  return {
    preset,
    from,
    to,
    seed,
    seedSource,
    range: v.range === undefined ? [-0.5, 1.5] : parseRange(v.range as string),
    points,
    samples,
    batch,
    bn,
    out,
    json: (v.json as string | undefined) ?? null,
    quiet: !!v.quiet,
  };
}

const num = (x: number) => (Number.isFinite(x) ? x.toFixed(4) : String(x));

export const interpolateCommand: Command = {
  name: 'interpolate',
  summary:
    'loss along the straight line between two sets of weights (e.g. initialisation → trained), as a 1-D .h5',
  help: `Usage: landscape-lab interpolate --model NAME [--from init|FILE] [--to FILE] --out FILE.h5 [options]

Evaluates loss(θ(α)) and accuracy for θ(α) = θ_from + α·(θ_to − θ_from) (Goodfellow et al. 2015,
"qualitatively characterizing neural network optimization problems"; upstream plot_surface.py
with two model files) on the first --samples test images of the model's Fashion-MNIST subset,
and writes upstream's 1-D .h5 layout (xcoordinates, train_loss, train_acc). α = 0 is --from,
α = 1 is --to. Every parameter moves, BatchNorm's γ and β included.

  --model NAME       ${MODEL_NAMES.join(', ')}
  --from init|FILE   start (default init: the seeded Kaiming initialisation the training started
                     from). FILE: a weights manifest (.json with its .bin) or a folder holding one
  --to FILE|shipped  end (default shipped: public/models/NAME/weights.json)
  --seed K           seed of 'init', 0…${SEED_MAX} (default: the training.seed the trained end's
                     manifest records, else 0)
  --range MIN:MAX    α range (default -0.5:1.5: a little past both ends); ${RANGE_HELP}
  --points N         points on the line, ${GRID_MIN}…${GRID_MAX} (default 41)
  --samples S        test images, 1…1000 (the test split; default 1000)
  --bn batch|from|to BatchNorm statistics along the line (default batch): each batch's own mean
                     and variance, which describe the weights being evaluated; or the running
                     statistics of one end (upstream's choice: right at that end only)
  --batch B          images per forward, 1…${BATCH_MAX} (default: all --samples with --bn batch,
                     else 1000)
  --out FILE.h5      1-D surface file (required); records path, from, to and bn as extra datasets
  --json FILE        also write {model, from, to, xcoordinates, train_loss, train_acc, summary, …}
  -q, --quiet        no progress on stderr

stdout: the loss at both ends, the highest loss between them and whether the loss falls
monotonically from α = 0 to α = 1. Its largest job, ${GRID_MAX} points × 1000 images, takes a few
minutes for resnet-110 on a 2-core CPU, so it has no cap (and no --no-cap). Outputs are checked
for writing before any work starts. Exit codes: 0 ok, 2 bad flags or files.`,
  async run(args, io) {
    const opts = await parseInterpolateFlags(args);
    if (opts === 'help') {
      io.stdout(this.help + '\n');
      return 0;
    }
    await checkOutputs([
      { flag: 'out', path: opts.out, kind: 'file' },
      { flag: 'json', path: opts.json, kind: 'file' },
    ]);
    return runInterpolate(opts, io);
  },
};

async function runInterpolate(opts: InterpolateOptions, io: CliIo): Promise<number> {
  await initBackend(['wasm', 'cpu']);
  const net = netFor(opts.preset);
  const a = await loadModelWeights(net, opts.from, opts.seed);
  const b = await loadModelWeights(net, opts.to, opts.seed);
  const { batches, n } = await loadLandscapeData(opts.preset, opts.samples, opts.batch);
  try {
    const buffers = opts.bn === 'to' ? b.buffers : a.buffers;
    if (!opts.quiet)
      io.stderr(
        `interpolate: ${opts.points} points on α ∈ [${opts.range.join(', ')}], ${n} images, BN ${opts.bn}…\n`,
      );
    const t0 = performance.now();
    const result = await interpolate({
      net,
      from: a.params,
      to: b.params,
      buffers,
      batches,
      bn: opts.bn === 'batch' ? 'train' : 'eval',
      alpha: { min: opts.range[0], max: opts.range[1], num: opts.points },
    });
    const seconds = (performance.now() - t0) / 1000;
    const alpha = result.xcoordinates;
    const loss = Array.from(result.loss),
      acc = Array.from(result.acc);
    const summary = interpolationSummary(alpha, loss);
    const grid = emptySurfaceGrid(
      Float64Array.from(alpha),
      null,
      ['train_loss', 'train_acc'],
      null,
    );
    grid.values.train_loss.set(loss);
    grid.values.train_acc!.set(acc);
    const name = (w: string) =>
      w === 'init' ? `init (seed ${opts.seed})` : path.relative(process.cwd(), w) || w;
    await writeOrFail(
      opts.out,
      await writeSurfaceH5(grid, {
        path: 'interpolation',
        interpolation_from: name(opts.from),
        interpolation_to: name(opts.to),
        bn: opts.bn,
      }),
    );
    if (opts.json) {
      await writeOrFail(
        opts.json,
        JSON.stringify({
          model: opts.preset.name,
          netId: net.id,
          path: 'interpolation',
          from: name(opts.from),
          to: name(opts.to),
          seed: opts.seed,
          bn: opts.bn,
          samples: n,
          dataset: opts.preset.dataset,
          range: opts.range,
          points: opts.points,
          xcoordinates: alpha,
          train_loss: loss,
          train_acc: acc,
          summary,
          seconds,
        }) + '\n',
      );
    }
    const lines = [
      `${opts.preset.name}: ${name(opts.from)} (α = 0) → ${name(opts.to)} (α = 1), ${n} images, BN ${opts.bn}` +
        (opts.from === 'init' || opts.to === 'init'
          ? `, init seed ${opts.seed} (${opts.seedSource})`
          : ''),
      summary.atFrom === null || summary.atTo === null
        ? '  α = 0 or α = 1 is not on the grid (choose --range and --points so that they are)'
        : `  loss at α = 0: ${num(summary.atFrom.loss)}, at α = 1: ${num(summary.atTo.loss)}; ` +
          `highest between them: ${num(summary.peak!.loss)} at α = ${summary.peak!.alpha.toFixed(3)}; ` +
          `falls monotonically from 0 to 1: ${summary.monotonic ? 'yes' : 'no'}`,
      ...(summary.nonFinite
        ? [`  ${summary.nonFinite} point(s) gave a non-finite loss (diverged far out on the line)`]
        : []),
      `wrote ${opts.out}: ${loss.length} points in ${fmtTime(seconds)}`,
    ];
    io.stdout(lines.join('\n') + '\n');
    return 0;
  } finally {
    tf.dispose([
      ...a.params,
      ...a.buffers,
      ...b.params,
      ...b.buffers,
      ...batches.flatMap((x) => [x.x, x.y]),
    ]);
  }
}
