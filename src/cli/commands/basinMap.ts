/**
 * `landscape-lab basin-map`: sharp vs flat by batch size and lr on `sharp_flat` (core/basinMap.ts):
 * seeded minibatch runs per (batch, lr) cell, each final point classified by its basin. Prints
 * the map as a table of flat/sharp/other counts; writes JSON and CSV. With `--toy DATA` the same
 * question on the toy MLP: λ_max of the minimum each batch size reaches (gpu/train/batchSharpness).
 */
import { writeFile } from 'node:fs/promises';
import * as tf from '@tensorflow/tfjs';
import { makeToy2d, splitToy2d, TOY2D_SETS, type Toy2dKind } from '../../data/toy2d';
import { initBackend } from '../../gpu/backend';
import { mlp } from '../../gpu/nets/mlp';
import { batchSharpness, type BatchSharpnessRow } from '../../gpu/train/batchSharpness';
import { toyTensorData } from '../../gpu/train/tensorData';
import { parseOptimizerFlag, type OptimizerChoice } from '../optimizerFlags';
import { checkToyCosts, parseHidden } from './toy';
import { BASINS, basinMap, type BasinMap, type BasinMapSettings } from '../../core/basinMap';
import { LIMITS, parseRunConfig, type RunConfig } from '../../core/config';
import { fmtCount, CAPS } from '../caps';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { intFlag, numberFlag, parseFlags, SEED_MAX, shown } from '../flags';
import { parseJsonFlag } from '../optimizerFlags';
import { checkOutputs } from '../outputs';
import { checkSampleGradients } from './trajectory';

export const BASIN_MAP_FORMAT = 'landscape-lab-basin-map/1';

export const BASIN_MAP_FLAGS = {
  batches: { type: 'string' },
  lrs: { type: 'string' },
  seeds: { type: 'string' },
  seed: { type: 'string' },
  steps: { type: 'string' },
  samples: { type: 'string' },
  noise: { type: 'string' },
  optimizer: { type: 'string' },
  out: { type: 'string', short: 'o' },
  csv: { type: 'string' },
  'no-cap': { type: 'boolean' },
  toy: { type: 'string' },
  n: { type: 'string' },
  hidden: { type: 'string' },
  epochs: { type: 'string' },
} as const;

/** The toy mode's defaults: 1,000 SGD steps at lr 0.1 on 400 points (200 to train on). */
const TOY = { n: 400, steps: 1000, batches: [4, 16, 64], optimizer: { type: 'SGD', lr: 0.1 } };
/** Flags of one mode only. */
const SURFACE_ONLY = ['lrs', 'seeds', 'samples', 'noise'] as const;
const TOY_ONLY = ['n', 'hidden', 'epochs'] as const;

const DEFAULTS = {
  batches: [1, 4, 16, 64],
  lrs: [0.05, 0.1, 0.2, 0.4, 0.8],
  seeds: 20,
  steps: 500,
  samples: 256,
  noise: 1,
  optimizer: { type: 'SGD' },
};
/** Entries of --batches / --lrs at most: a map is read by eye. */
const MAX_ENTRIES = 20;

/** A comma-separated list of numbers, each checked by `check` (a message, or null when fine). */
function listFlag(
  flag: string,
  raw: string | undefined,
  dflt: number[],
  check: (x: number) => string | null,
): number[] {
  if (raw === undefined) return dflt;
  const parts = raw.split(',');
  if (parts.length > MAX_ENTRIES)
    throw new CliError(`--${flag}: at most ${MAX_ENTRIES} values, got ${parts.length}`);
  return parts.map((p) => {
    const x = p.trim() === '' ? NaN : Number(p);
    const why = check(x);
    if (why) throw new CliError(`--${flag}: ${shown(p)} ${why}`);
    return x;
  });
}

export interface ToySharpnessOptions {
  toy: Toy2dKind;
  n: number;
  hidden: number[];
  batches: number[];
  length: { epochs: number } | { steps: number };
  optimizer: OptimizerChoice;
  seed: number;
  out: string | null;
  csv: string | null;
}

export interface BasinMapOptions {
  toy?: undefined;
  base: RunConfig;
  settings: BasinMapSettings;
  out: string | null;
  csv: string | null;
}

export function parseBasinMapFlags(
  args: string[],
  note: (line: string) => void = () => {},
): BasinMapOptions | ToySharpnessOptions | 'help' {
  const { values: v, positionals } = parseFlags(args, BASIN_MAP_FLAGS, 'basin-map');
  if (v.help) return 'help';
  if (positionals.length)
    throw new CliError(
      `unexpected argument '${positionals[0]}'\nRun 'landscape-lab basin-map --help' for usage.`,
    );
  const wrong = (v.toy === undefined ? TOY_ONLY : SURFACE_ONLY).find((k) => v[k] !== undefined);
  if (wrong)
    throw new CliError(`--${wrong}: ${v.toy === undefined ? 'only with --toy' : 'not with --toy'}`);
  if (v.toy !== undefined) return parseToyFlags(v, note);
  const samples = intFlag('samples', v.samples, DEFAULTS.samples, 1, LIMITS.maxSamples);
  // By default the powers of 4 below N, and N itself (exact gradient descent).
  const dflt = [...DEFAULTS.batches.filter((b) => b < samples), samples];
  const batches = listFlag('batches', v.batches, dflt, (x) =>
    Number.isInteger(x) && x >= 1 && x <= samples
      ? null
      : `is not an integer from 1 to --samples (${samples})`,
  );
  const lrs = listFlag('lrs', v.lrs, DEFAULTS.lrs, (x) =>
    x > 0 && x <= 1e3 ? null : 'is not a number above 0 and at most 1000',
  );
  const seeds = intFlag('seeds', v.seeds, DEFAULTS.seeds, 1, 1000);
  const seed0 = intFlag('seed', v.seed, 0, 0, SEED_MAX - 1000);
  const steps = intFlag('steps', v.steps, DEFAULTS.steps, 1, LIMITS.maxSteps);
  const noise = numberFlag('noise', v.noise, DEFAULTS.noise, 0, 1e3);
  const parsed = parseRunConfig({
    surface: 'sharp_flat',
    optimizer:
      v.optimizer === undefined ? DEFAULTS.optimizer : parseJsonFlag('optimizer', v.optimizer),
  });
  if (!parsed.ok) throw new CliError(`--optimizer:\n  ${parsed.errors.join('\n  ')}`);
  if (typeof parsed.value.optimizer.hp.lr !== 'number')
    throw new CliError(`--optimizer: ${parsed.value.optimizer.type} has no lr for --lrs to set`);
  const sum = batches.reduce((t, b) => t + b, 0);
  checkSampleGradients(
    '--batches × --lrs × --seeds × --steps',
    sum * lrs.length * seeds * steps,
    !!v['no-cap'],
    note,
  );
  return {
    base: parsed.value,
    settings: { batches, lrs, seeds, seed0, steps, samples, noise },
    out: v.out ?? null,
    csv: v.csv ?? null,
  };
}

/** `--toy DATA`: the toy MLP trained at each batch size, λ_max of where it ends. */
function parseToyFlags(
  v: ReturnType<typeof parseFlags<typeof BASIN_MAP_FLAGS>>['values'],
  note: (line: string) => void,
): ToySharpnessOptions {
  const ids = TOY2D_SETS.map((s) => s.id);
  if (!ids.includes(v.toy as Toy2dKind))
    throw new CliError(`--toy: unknown data set ${shown(v.toy!)} (known: ${ids.join(', ')})`);
  if (v.steps !== undefined && v.epochs !== undefined)
    throw new CliError('--steps and --epochs: give one, not both');
  const n = intFlag('n', v.n, TOY.n, 4, 100_000);
  const nTrain = Math.round(n / 2);
  const hidden = parseHidden(v.hidden);
  const batches = listFlag('batches', v.batches, [...TOY.batches, nTrain], (x) =>
    Number.isInteger(x) && x >= 1 && x <= nTrain
      ? null
      : `is not an integer from 1 to the ${nTrain} training points`,
  );
  const length: ToySharpnessOptions['length'] =
    v.epochs !== undefined
      ? { epochs: intFlag('epochs', v.epochs, 0, 1, 10_000) }
      : { steps: intFlag('steps', v.steps, TOY.steps, 1, LIMITS.maxSteps) };
  for (const batch of batches) {
    const steps = 'steps' in length ? length.steps : length.epochs * Math.ceil(nTrain / batch);
    checkToyCosts({ n, nTrain, hidden, steps, batch, grid: 0 }, !!v['no-cap'], note);
  }
  return {
    toy: v.toy as Toy2dKind,
    n,
    hidden,
    batches,
    length,
    optimizer: parseOptimizerFlag(
      v.optimizer === undefined ? TOY.optimizer : parseJsonFlag('optimizer', v.optimizer),
      '--optimizer',
    ),
    seed: intFlag('seed', v.seed, 0, 0, SEED_MAX - 1000),
    out: v.out ?? null,
    csv: v.csv ?? null,
  };
}

async function runToy(o: ToySharpnessOptions): Promise<BatchSharpnessRow[]> {
  await initBackend(['wasm', 'cpu']);
  const set = makeToy2d({ kind: o.toy, n: o.n, noise: 0.1, seed: o.seed });
  const data = toyTensorData(splitToy2d(set, 0.5, o.seed).train);
  try {
    return await batchSharpness({
      net: mlp({ inputs: 2, hidden: o.hidden, numClasses: 2, activation: 'tanh' }),
      data,
      optimizer: o.optimizer as never,
      batches: o.batches,
      length: o.length,
      seed: o.seed,
      initScheme: 'xavier',
    });
  } finally {
    tf.dispose([data.x, data.y]);
  }
}

export function toySharpnessTable(o: ToySharpnessOptions, rows: BatchSharpnessRow[]): string {
  const len = 'steps' in o.length ? `${o.length.steps} steps` : `${o.length.epochs} epochs`;
  const lines = [
    `basin-map --toy ${o.toy}: MLP 2-${o.hidden.join('-')}-2 (tanh), ${o.optimizer.type}, ${len} at every batch size, seed ${o.seed}`,
    `  λ_max of the full training loss's Hessian where each run ends (larger: sharper)`,
    `  ${'batch'.padEnd(8)}${'steps'.padEnd(8)}${'train loss'.padEnd(12)}λ_max`,
    ...rows.map(
      (r) =>
        `  ${String(r.batch).padEnd(8)}${String(r.steps).padEnd(8)}${fmt(r.loss).padEnd(12)}${fmt(r.lambdaMax)}${r.converged ? '' : ' (not converged)'}`,
    ),
  ];
  return lines.join('\n') + '\n';
}

const fmt = (x: number) => Number(x.toPrecision(3)).toString();

/** The map as text: a row per batch, a column per lr, each cell flat/sharp/other of the seeds. */
export function basinMapTable(m: BasinMap, optimizer: string): string {
  const s = m.settings;
  const w = Math.max(9, ...s.lrs.map((lr) => fmt(lr).length + 1));
  const lines = [
    `basin-map sharp_flat: ${optimizer}, ${s.seeds} seeds per cell, ${s.steps} steps from the default start, finite sum of ${s.samples} with noise ${fmt(s.noise)}`,
    `  each cell: runs ending in the flat / sharp / other basin (flat minimum at (${m.minima[1].map(fmt).join(', ')}), sharp at (${m.minima[0].map(fmt).join(', ')}))`,
    `  ${'batch \\ lr'.padEnd(12)}${s.lrs.map((lr) => fmt(lr).padEnd(w)).join('')}`,
  ];
  s.batches.forEach((b, i) => {
    const row = m.cells.slice(i * s.lrs.length, (i + 1) * s.lrs.length);
    lines.push(
      `  ${String(b).padEnd(12)}${row.map((c) => `${c.counts.flat}/${c.counts.sharp}/${c.counts.other}`.padEnd(w)).join('')}`,
    );
  });
  return lines.join('\n') + '\n';
}

export function basinMapCsv(m: BasinMap): string {
  const rows = m.cells.map((c) =>
    [c.batch, c.lr, ...BASINS.map((b) => c.counts[b]), c.flatShare].join(','),
  );
  return `batch,lr,${BASINS.join(',')},flat_share\n${rows.join('\n')}\n`;
}

export const basinMapCommand: Command = {
  name: 'basin-map',
  summary:
    'sharp vs flat: which minimum of sharp_flat seeded minibatch runs end in, per (batch size, lr)',
  help: `Usage: landscape-lab basin-map [options]

Sharp vs flat by batch size and learning rate (Keskar et al. 2017) on the sharp_flat surface:
for every (batch, lr) cell, --seeds minibatch runs from the surface's default start (in the sharp
basin), each with its own batch seed (its finite sum's ξ's and batch order). A run's final point
is classified by where gradient descent with lr 0.02 flows from it: the sharp minimum (curvature
≈ 11), the flat one (≈ 1), or other (diverged, or settled nowhere within 5,000 steps).

  --batches B,B,…       batch sizes (rows), each 1…--samples (default ${DEFAULTS.batches.join(',')},N)
  --lrs X,X,…           learning rates (columns), each in (0, 1000] (default ${DEFAULTS.lrs.join(',')})
  --seeds K             runs per cell, 1…1000 (default ${DEFAULTS.seeds})
  --seed K              the first batch seed (the cell's runs use K, K+1, …), 0…${SEED_MAX - 1000} (default 0)
  --steps N             steps of each run, 1…${fmtCount(LIMITS.maxSteps)} (default ${DEFAULTS.steps})
  --samples N           samples in the finite sum, 1…${fmtCount(LIMITS.maxSamples)} (default ${DEFAULTS.samples})
  --noise X             σ of each sample's ξ, 0…1000 (default ${DEFAULTS.noise})
  --optimizer JSON      torch.optim-style, its lr set by --lrs (default '${JSON.stringify(DEFAULTS.optimizer)}')
  --out FILE.json       settings, the minima and every cell's counts
  --csv FILE.csv        batch,lr,sharp,flat,other,flat_share
  --no-cap              run a job over the cap (the estimate is still printed)

With --toy DATA: the toy MLP (as 'landscape-lab toy' makes it: the training half of a seeded
Playground set) trained from the same seeded init at each batch size for the same number of
steps (or --epochs), then λ_max of the Hessian of the full training loss where it ends (power
iteration on Hessian-vector products): Keskar et al.'s "large batches find sharp minima".
  --toy DATA            ${TOY2D_SETS.map((s) => s.id).join(', ')}
  --batches B,B,…       each 1…the training points (default ${TOY.batches.join(',')},N/2)
  --steps N | --epochs E  the same steps for every batch (default ${TOY.steps}), or the same passes
                        (a large batch then takes fewer steps and may stop far from a minimum)
  --n N, --hidden W,W,… as in 'toy' (defaults ${TOY.n}, 16,16)
  --optimizer JSON      default '${JSON.stringify(TOY.optimizer)}'
  (--lrs, --seeds, --samples and --noise are the surface's)

Cap: Σ batches × lrs × seeds × steps ≤ ${fmtCount(CAPS.coreSampleGradients)} sample gradients.

Example:
  landscape-lab basin-map --batches 1,4,16,256 --lrs 0.05,0.2,0.4,0.8 --seeds 20 --csv map.csv
  landscape-lab basin-map --toy xor --batches 4,200 --steps 1000

Exit codes: 0 ok, 2 bad flags.`,
  async run(args, io) {
    const o = parseBasinMapFlags(args, (line) => io.stderr(`landscape-lab basin-map: ${line}`));
    if (o === 'help') {
      io.stdout(this.help + '\n');
      return 0;
    }
    await checkOutputs([
      { flag: 'out', path: o.out, kind: 'file' },
      { flag: 'csv', path: o.csv, kind: 'file' },
    ]);
    if (o.toy !== undefined) {
      const rows = await runToy(o);
      const { out, csv, ...settings } = o;
      if (out)
        await writeFile(
          out,
          JSON.stringify({ format: BASIN_MAP_FORMAT, mode: 'toy', settings, rows }, null, 1) + '\n',
        );
      if (csv)
        await writeFile(
          csv,
          `batch,steps,loss,lambda_max\n${rows.map((r) => [r.batch, r.steps, r.loss, r.lambdaMax].join(',')).join('\n')}\n`,
        );
      io.stdout(toySharpnessTable(o, rows));
      return 0;
    }
    const m = basinMap(o.base, o.settings);
    if (o.out)
      await writeFile(
        o.out,
        JSON.stringify({ format: BASIN_MAP_FORMAT, optimizer: o.base.optimizer, ...m }, null, 1) +
          '\n',
      );
    if (o.csv) await writeFile(o.csv, basinMapCsv(m));
    io.stdout(basinMapTable(m, o.base.optimizer.type));
    return 0;
  },
};
