import { writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../../gpu/backend';
import { randomDirections } from '../../gpu/landscape/directions';
import { computeSlice } from '../../gpu/landscape/slice';
import { MODEL_NAMES } from '../../gpu/modelZoo';
import { writeDirectionsH5 } from '../../io/h5Directions';
import { emptySurfaceGrid, writeSurfaceH5 } from '../../io/surfaceFile';
import { shardFlatIndices } from '../../io/surfaceFileMerge';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { parseFlags } from '../flags';
import {
  GRID_MAX, GRID_MIN, type LandscapeOptions, loadLandscapeData, loadModelWeights, modelFromFlag, netFor,
  parseRange, parseShard, resolveWeights,
} from '../landscapeOptions';

const FLAGS = {
  model: { type: 'string' },
  weights: { type: 'string' },
  init: { type: 'boolean' },
  grid: { type: 'string' },
  samples: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  shard: { type: 'string' },
  range: { type: 'string' },
  norm: { type: 'string' },
  json: { type: 'string' },
  'dir-out': { type: 'string' },
  batch: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
} as const;

/** Flags whose values may start with '-' (`--range -1:1`): glued to their flag before parsing. */
function glueDashValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i] === '--range' && i + 1 < args.length && args[i + 1].startsWith('-')) {
      out.push(`--range=${args[i + 1]}`);
      i++;
    } else out.push(args[i]);
  }
  return out;
}

export function parseLandscapeFlags(args: string[]): LandscapeOptions | 'help' {
  const { values: v } = parseFlags(glueDashValues(args), FLAGS, 'landscape');
  if (v.help) return 'help';
  const preset = modelFromFlag(v.model as string | undefined);
  const grid = v.grid === undefined ? 31 : Number(v.grid);
  if (!Number.isInteger(grid) || grid < GRID_MIN || grid > GRID_MAX) {
    throw new CliError(`--grid must be an integer between ${GRID_MIN} and ${GRID_MAX} (points per axis), got '${v.grid}'`);
  }
  const samples = intOr('samples', v.samples as string | undefined, 1000, 1, 1_000_000);
  const seed = intOr('seed', v.seed as string | undefined, 0, 0, 2 ** 31 - 1);
  const batch = intOr('batch', v.batch as string | undefined, 250, 1, 100_000);
  const norm = (v.norm as string | undefined) ?? 'filter';
  if (norm !== 'filter' && norm !== 'layer') throw new CliError(`--norm must be filter or layer, got '${norm}'`);
  const out = v.out as string | undefined;
  if (!out) throw new CliError('missing --out FILE.h5');
  const range = parseRange(v.range as string | undefined);
  const shard = parseShard(v.shard as string | undefined, grid * grid);
  return {
    preset,
    weights: resolveWeights(preset, v.weights as string | undefined, !!v.init),
    grid, samples, seed, batch, norm, range, shard,
    out,
    json: (v.json as string | undefined) ?? null,
    dirOut: (v['dir-out'] as string | undefined) ?? null,
    quiet: !!v.quiet,
  };
}

function intOr(name: string, raw: string | undefined, dflt: number, min: number, max: number): number {
  if (raw === undefined) return dflt;
  const x = Number(raw);
  if (raw.trim() === '' || !Number.isInteger(x)) throw new CliError(`--${name} must be an integer, got '${raw}'`);
  if (x < min || x > max) throw new CliError(`--${name} must be between ${min} and ${max}, got ${x}`);
  return x;
}

const fmtTime = (s: number) => (s < 90 ? `${s.toFixed(0)}s` : `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, '0')}s`);

async function writeOrFail(file: string, data: Uint8Array | string): Promise<void> {
  try {
    await writeFile(file, data);
  } catch (e) {
    throw new CliError(`cannot write '${file}': ${(e as Error).message}`);
  }
}

export const landscapeCommand: Command = {
  name: 'landscape',
  summary: 'compute a 2-D loss surface of a zoo ResNet on Fashion-MNIST and write it as .h5 (and JSON)',
  help: `Usage: landscape-lab landscape --model NAME [--weights FILE | --init] --out FILE.h5 [options]

Evaluates loss(w + α·dx + β·dy) and accuracy on a grid × grid mesh of (α, β) (Li et al. 2018,
tomgoldstein/loss-landscape plot_surface.py), BN in eval mode, on the first --samples test images
of the model's Fashion-MNIST subset, and writes upstream's .h5 layout
(xcoordinates, ycoordinates, train_loss, train_acc; values in np.meshgrid(x, y) flat order).

Model and weights:
  --model NAME       ${MODEL_NAMES.join(', ')}
  --weights FILE     weights manifest (.json, with its .bin next to it) or a folder holding
                     weights.json; default: the shipped public/models/NAME/weights.json
  --init             freshly initialised weights (Kaiming, seeded with --seed) instead

Surface:
  --grid N           points per axis, ${GRID_MIN}…${GRID_MAX} (default 31)
  --range MIN:MAX    α and β range (default -1:1; '--range -1:1' and '--range=-1:1' both work)
  --samples S        test images to average over (default 1000)
  --seed K           seed of the random directions (default 0); same seed = same directions
  --norm filter|layer  direction normalisation (default filter; biases and BN are ignored)
  --batch B          images per forward pass (default 250)

Output:
  --out FILE.h5      surface file (required)
  --json FILE        also write {model, xcoordinates, ycoordinates, train_loss, train_acc, …}
                     as JSON (flat meshgrid order, -1 = not computed by this shard)
  --dir-out FILE.h5  also write the directions (upstream's direction-file layout, float32);
                     its path is recorded as dir_file in the surface file
  -q, --quiet        no progress rows on stderr

Cluster array jobs:
  --shard i/n        compute only shard i of n, 0-based (0 <= i < n): a contiguous block of the
                     flat grid order. The file is full-size with -1 at the points it did not
                     compute, plus shard_indices. Every shard draws the same directions from
                     --seed. With Slurm: #SBATCH --array=0-3, then
                       landscape-lab landscape … --shard $SLURM_ARRAY_TASK_ID/4 --out part$SLURM_ARRAY_TASK_ID.h5
                     and afterwards: landscape-lab merge part*.h5 --out surface.h5

Progress rows go to stderr; stdout gets one summary line. Exit codes: 0 ok, 2 bad flags or files.`,
  async run(args, io) {
    const opts = parseLandscapeFlags(args);
    if (opts === 'help') { io.stdout(this.help + '\n'); return 0; }
    await initBackend(['wasm', 'cpu']);
    const net = netFor(opts.preset);
    const { params, buffers } = await loadModelWeights(net, opts.weights, opts.seed);
    const { batches, n } = await loadLandscapeData(opts.preset, opts.samples, opts.batch);
    const dirs = randomDirections(params, { seed: opts.seed, norm: opts.norm, ignore: 'biasbn' });
    try {
      if (opts.dirOut) {
        const toFile = (ts: tf.Tensor[]) => ts.map((t) => ({ shape: [...t.shape], values: Float64Array.from(t.dataSync()) }));
        await writeOrFail(opts.dirOut, await writeDirectionsH5({ xdirection: toFile(dirs.x), ydirection: toFile(dirs.y) }, { dtype: 'float32' }));
      }
      const axis = { min: opts.range[0], max: opts.range[1], num: opts.grid };
      const t0 = performance.now();
      const sharded = opts.shard.count > 1;
      const result = await computeSlice(
        { net, params, buffers, dx: dirs.x, dy: dirs.y, x: axis, y: axis, batches, shard: opts.shard },
        (row, done, total) => {
          if (opts.quiet) return;
          const s = (performance.now() - t0) / 1000;
          const losses = row.points.map((p) => p.loss);
          io.stderr(
            `row ${row.row + 1}/${opts.grid}${sharded ? ` (shard ${opts.shard.index}/${opts.shard.count})` : ''}: ` +
              `${done}/${total} points, loss ${Math.min(...losses).toFixed(4)}…${Math.max(...losses).toFixed(4)}, ` +
              `${(done / s).toFixed(2)} points/s, eta ${fmtTime(((total - done) * s) / done)}\n`,
          );
        },
      );
      const seconds = (performance.now() - t0) / 1000;
      const grid = emptySurfaceGrid(Float64Array.from(result.xcoordinates), Float64Array.from(result.ycoordinates!), ['train_loss', 'train_acc'], opts.dirOut);
      const [start] = result.range;
      for (let k = 0; k < result.loss.length; k++) {
        grid.values.train_loss[start + k] = result.loss[k];
        grid.values.train_acc![start + k] = result.acc[k];
      }
      if (sharded) grid.meta.shardIndices = shardFlatIndices(opts.grid * opts.grid, opts.shard.index, opts.shard.count);
      await writeOrFail(opts.out, await writeSurfaceH5(grid));
      if (opts.json) {
        const json = {
          model: opts.preset.name, netId: net.id, weights: opts.weights, seed: opts.seed, norm: opts.norm, ignore: 'biasbn',
          samples: n, dataset: opts.preset.dataset, grid: opts.grid, range: opts.range,
          shard: sharded ? `${opts.shard.index}/${opts.shard.count}` : null,
          xcoordinates: result.xcoordinates, ycoordinates: result.ycoordinates,
          train_loss: Array.from(grid.values.train_loss), train_acc: Array.from(grid.values.train_acc!),
          shard_indices: grid.meta.shardIndices ? Array.from(grid.meta.shardIndices) : null,
          seconds, points_per_second: result.loss.length / seconds,
        };
        await writeOrFail(opts.json, JSON.stringify(json) + '\n');
      }
      io.stdout(`wrote ${opts.out}: ${result.loss.length} of ${opts.grid * opts.grid} points of ${opts.preset.name} over ${n} images in ${fmtTime(seconds)} (${(result.loss.length / seconds).toFixed(2)} points/s)\n`);
      return 0;
    } finally {
      tf.dispose([...params, ...buffers, ...dirs.x, ...dirs.y, ...batches.flatMap((b) => [b.x, b.y])]);
    }
  },
};
