/**
 * Flags of `landscape-lab landscape` turned into a checked LandscapeOptions, and the Node-side
 * loading it needs (weights, the Fashion-MNIST subset), shared by the command, its tests and
 * bench/landscapeThroughput.ts so all three build the very same model, data and directions.
 */
import { existsSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tf from '@tensorflow/tfjs';
import { loadFashionSubset } from '../data/fashionMnist';
import { toBatches, type Batch } from '../gpu/landscape/evaluate';
import {
  buildFastEvalModel,
  buildModel,
  loadWeights,
  MODEL_NAMES,
  modelPreset,
  type ModelPreset,
  WEIGHTS_BIN_FILE,
  WEIGHTS_MANIFEST_FILE,
  WeightsError,
} from '../gpu/modelZoo';
import type { HessianScale } from '../gpu/landscape/hessianDirections';
import type { Net } from '../gpu/nets/net';
import { initBuffers, initParams } from '../gpu/nets/params';
import { CliError } from './cliError';
import { rangeFlag } from './flags';
import { parseJsonText } from './jsonText';

/** The repository's public/ folder (shipped data and models). */
export const PUBLIC_DIR = fileURLToPath(new URL('../../public/', import.meta.url));

export const GRID_MIN = 2;
export const GRID_MAX = 201;
/** --samples at most (the data's test split, 1000 images for the shipped presets, bounds it further). */
export const SAMPLES_MAX = 1_000_000;
/** --batch (images per forward) at most. */
export const BATCH_MAX = 100_000;
/** --hessian-iters / sharpness --iters: Hessian-vector products, at least 2 (Lanczos), at most 1000. */
export const HESSIAN_ITERS_MIN = 2;
export const HESSIAN_ITERS_MAX = 1000;

/** `--directions hessian`: the slice plane of the top-2 Hessian eigenvectors (gpu/landscape/hessianDirections.ts). */
export interface HessianDirectionOptions {
  /** The first `samples` images of the slice's own (a subset when below --samples). */
  samples: number;
  /** Hessian-vector products at most (Lanczos). */
  iters: number;
  scale: HessianScale;
}

export const HESSIAN_SAMPLES_DEFAULT = 100;
export const HESSIAN_ITERS_DEFAULT = 30;

export interface LandscapeOptions {
  preset: ModelPreset;
  /** Manifest path, or 'init' for freshly initialised weights (seeded with `seed`). */
  weights: string | 'init';
  /** 2: an α × β grid; 1: a line along dx only (upstream plot_surface with --x alone). */
  dim: 1 | 2;
  /** Points per axis. */
  grid: number;
  samples: number;
  seed: number;
  range: [number, number];
  directions: 'random' | 'hessian';
  /** Random directions only. */
  norm: 'filter' | 'layer';
  /** Set with directions 'hessian', else null. */
  hessian: HessianDirectionOptions | null;
  /** 0-based shard. */
  shard: { index: number; count: number };
  batch: number;
  out: string;
  json: string | null;
  dirOut: string | null;
  quiet: boolean;
}

/** `i/n`, 0-based: 0 ≤ i < n (Slurm: --array=0-(n-1), then --shard $SLURM_ARRAY_TASK_ID/n). */
export function parseShard(
  raw: string | undefined,
  points: number,
): { index: number; count: number } {
  if (raw === undefined) return { index: 0, count: 1 };
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(raw);
  if (!m)
    throw new CliError(
      `--shard must be i/n with 0 <= i < n (0-based, e.g. 0/4 … 3/4), got '${raw}'`,
    );
  const index = Number(m[1]),
    count = Number(m[2]);
  if (count < 1) throw new CliError(`--shard ${raw}: n must be at least 1`);
  if (index >= count) {
    throw new CliError(
      `--shard ${raw}: the shard number is 0-based, so it must be below ${count} (0/${count} … ${count - 1}/${count})`,
    );
  }
  if (count > points)
    throw new CliError(`--shard ${raw}: more shards than the ${points} grid points`);
  return { index, count };
}

/** --range MIN:MAX (default -1:1), checked by the shared `rangeFlag`. */
export function parseRange(raw: string | undefined): [number, number] {
  return raw === undefined ? [-1, 1] : rangeFlag('range', raw);
}

/** Resolves --weights (a manifest .json or a folder holding weights.json) / --init / the shipped default. */
export function resolveWeights(
  preset: ModelPreset,
  weights: string | undefined,
  init: boolean,
): string | 'init' {
  if (init && weights !== undefined)
    throw new CliError('give either --weights FILE or --init, not both');
  if (init) return 'init';
  if (weights === undefined) {
    const shipped = path.join(PUBLIC_DIR, 'models', preset.name, WEIGHTS_MANIFEST_FILE);
    if (existsSync(shipped)) return shipped;
    throw new CliError(
      `no shipped weights for ${preset.name} yet; pass --weights FILE (or --init for random weights)`,
    );
  }
  let file = weights;
  if (existsSync(file) && statSync(file).isDirectory())
    file = path.join(file, WEIGHTS_MANIFEST_FILE);
  if (!existsSync(file)) throw new CliError(`--weights: no such file '${weights}'`);
  return file;
}

/** The .bin that goes with a manifest: same folder and stem (weights.json → weights.bin). */
export function binPathFor(manifestPath: string): string {
  const stem = manifestPath.replace(/\.json$/i, '');
  const sibling = `${stem}.bin`;
  return existsSync(sibling) ? sibling : path.join(path.dirname(manifestPath), WEIGHTS_BIN_FILE);
}

export function modelFromFlag(raw: string | undefined): ModelPreset {
  if (raw === undefined) throw new CliError(`missing --model (one of ${MODEL_NAMES.join(', ')})`);
  try {
    return modelPreset(raw);
  } catch (e) {
    throw new CliError((e as Error).message);
  }
}

/** Parameters and BN buffers: seeded init, or read from a manifest + .bin. */
export async function loadModelWeights(
  net: Net,
  weights: string | 'init',
  seed: number,
): Promise<{ params: tf.Tensor[]; buffers: tf.Tensor[] }> {
  if (weights === 'init') return { params: initParams(net, { seed }), buffers: initBuffers(net) };
  const bin = binPathFor(weights);
  let text: string, bytes: Uint8Array;
  try {
    text = await readFile(weights, 'utf8');
  } catch (e) {
    throw new CliError(`cannot read weights manifest '${weights}': ${(e as Error).message}`);
  }
  // As every user JSON: a byte-order mark is fine; 1e999 and deep nesting are named.
  const manifest = parseJsonText(text, `weights manifest '${weights}'`);
  try {
    bytes = new Uint8Array(await readFile(bin));
  } catch {
    throw new CliError(`cannot read '${bin}' (the weights' .bin next to '${weights}')`);
  }
  try {
    return loadWeights(net, manifest, bytes);
  } catch (e) {
    if (e instanceof WeightsError) throw new CliError(`${weights}: ${e.message}`);
    throw e;
  }
}

/** The first `samples` test images of the preset's data set, NHWC, as batches (caller disposes). */
export async function loadLandscapeData(
  preset: ModelPreset,
  samples: number,
  batch: number,
): Promise<{ batches: Batch[]; n: number }> {
  const dir = path.join(PUBLIC_DIR, 'data', preset.dataset);
  const split = await loadFashionSubset((f) => readFile(path.join(dir, f)), 'test', {
    normalization: preset.normalization,
  });
  if (samples > split.n)
    throw new CliError(
      `--samples must be at most ${split.n} (the test split of ${preset.dataset}), got ${samples}`,
    );
  const { height: h, width: w } = split;
  const x = tf.tensor4d(split.images.subarray(0, samples * h * w), [samples, h, w, 1]);
  const y = tf.tensor1d(Int32Array.from(split.labels.subarray(0, samples)), 'int32');
  const batches = toBatches(x, y, batch);
  tf.dispose([x, y]);
  return { batches, n: samples };
}

/** The plain net of a preset, whose eval forward can be differentiated (Hessian directions). */
export function differentiableNetFor(preset: ModelPreset): Net {
  return buildModel(preset);
}

/** A preset's net, with the BN-folded eval forward that landscapes use (see modelZoo). */
export function netFor(preset: ModelPreset): Net {
  return buildFastEvalModel(preset);
}
