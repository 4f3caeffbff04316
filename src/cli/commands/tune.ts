/**
 * `landscape-lab tune`: fair tuning (core/tune.ts) of several optimizers on one analytic surface,
 * each with the same budget (trials × steps), the same seeded search and the same criterion, and
 * deck 004's "k-times faster" figure at a target loss. Prints a table; writes JSON and CSV.
 */
import { writeFile } from 'node:fs/promises';
import { parseRunConfig, LIMITS, type RunConfig } from '../../core/config';
import { findOptimizer, OPTIMIZERS } from '../../core/optimizers/registry';
import { SURFACES } from '../../core/surfaces/registry';
import {
  HALVING_ETA,
  MOMENTUM_RANGE,
  TUNE_CRITERIA,
  TUNE_METHODS,
  timesFaster,
  tune,
  tunePlan,
  type TimesFaster,
  type TuneCriterion,
  type TuneMethod,
  type TuneResult,
  type TuneSettings,
} from '../../core/tune';
import { CAPS, fmtCount } from '../caps';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { intFlag, numberFlag, parseFlags, SEED_MAX, shown } from '../flags';
import type { CliIo } from '../io';
import { parseJsonFlag } from '../optimizerFlags';
import { checkSampleGradients } from './trajectory';
import { checkOutputs } from '../outputs';

export const TUNE_FORMAT = 'landscape-lab-tune/1';

const FLAGS = {
  surface: { type: 'string' },
  'surface-params': { type: 'string' },
  optimizer: { type: 'string' },
  trials: { type: 'string' },
  steps: { type: 'string' },
  'lr-range': { type: 'string' },
  method: { type: 'string' },
  criterion: { type: 'string' },
  target: { type: 'string' },
  momentum: { type: 'boolean' },
  'times-faster': { type: 'string' },
  batch: { type: 'string' },
  samples: { type: 'string' },
  noise: { type: 'string' },
  seed: { type: 'string' },
  out: { type: 'string', short: 'o' },
  csv: { type: 'string' },
  quiet: { type: 'boolean', short: 'q' },
  'no-cap': { type: 'boolean' },
} as const;
export { FLAGS as TUNE_FLAGS };

const DEFAULTS = {
  optimizer: 'sgd,adam',
  trials: 20,
  steps: 300,
  lrRange: [1e-4, 1] as const,
  batch: 32,
  samples: 256,
  noise: 1,
};
const MAX_TRIALS = 1000;
const MAX_OPTIMIZERS = 20;
/** lrs beyond these are never a tuning question on these surfaces. */
const LR_LIMITS = [1e-12, 1e6] as const;

export interface TuneOptions {
  /** One checked run config per optimizer (its steps replaced by each trial's). */
  configs: RunConfig[];
  /** What the table calls each: its type, with the hyperparameters the list fixed ("SGD momentum=0.9"). */
  labels: string[];
  settings: TuneSettings;
  /** The target of the k-times-faster figure (null: none). */
  fasterAt: number | null;
  out: string | null;
  csv: string | null;
  quiet: boolean;
}

/** `--optimizer`: ids or torch names separated by commas, or a JSON list of torch-style configs. */
function optimizerList(raw: string): unknown[] {
  const t = raw.trim();
  if (t.startsWith('[') || t.startsWith('{')) {
    const v = parseJsonFlag('optimizer', raw);
    const list = Array.isArray(v) ? v : [v];
    if (list.length === 0) throw new CliError('--optimizer: an empty list');
    return list;
  }
  const names = t.split(',').map((s) => s.trim());
  for (const n of names)
    if (!findOptimizer(n))
      throw new CliError(
        `--optimizer: unknown optimizer ${shown(n)} (known: ${OPTIMIZERS.map((o) => o.id).join(', ')})`,
      );
  return names.map((n) => ({ type: findOptimizer(n)!.type }));
}

/** `LO:HI` with 0 < LO < HI within LR_LIMITS. */
function lrRangeFlag(raw: string | undefined): [number, number] {
  if (raw === undefined) return [...DEFAULTS.lrRange];
  const parts = raw.split(':').map((s) => (s.trim() === '' ? NaN : Number(s)));
  const [lo, hi] = parts;
  if (
    parts.length !== 2 ||
    !(lo >= LR_LIMITS[0] && hi <= LR_LIMITS[1] && lo < hi && Number.isFinite(hi))
  )
    throw new CliError(
      `--lr-range must be LO:HI with ${LR_LIMITS[0]} ≤ LO < HI ≤ ${LR_LIMITS[1]} (e.g. 1e-4:1), got ${shown(raw)}`,
    );
  return [lo, hi];
}

function choice<T extends string>(
  flag: string,
  raw: string | undefined,
  dflt: T,
  all: readonly T[],
): T {
  if (raw === undefined) return dflt;
  if (!all.includes(raw as T))
    throw new CliError(`--${flag} must be one of ${all.join(', ')}, got ${shown(raw)}`);
  return raw as T;
}

/** The flags of `tune`, checked (ranges, configs, the cap); nothing run. */
export function parseTuneFlags(
  args: string[],
  note: (line: string) => void = () => {},
): TuneOptions | 'help' {
  const { values: v, positionals } = parseFlags(args, FLAGS, 'tune');
  if (v.help) return 'help';
  if (positionals.length)
    throw new CliError(
      `unexpected argument '${positionals[0]}'\nRun 'landscape-lab tune --help' for usage.`,
    );
  if (v.surface === undefined)
    throw new CliError(`--surface: missing (one of ${SURFACES.map((s) => s.id).join(', ')})`);
  if (!SURFACES.some((s) => s.id === v.surface))
    throw new CliError(
      `--surface: unknown surface ${shown(v.surface)} (known: ${SURFACES.map((s) => s.id).join(', ')})`,
    );
  const trials = intFlag('trials', v.trials, DEFAULTS.trials, 1, MAX_TRIALS);
  const steps = intFlag('steps', v.steps, DEFAULTS.steps, 1, LIMITS.maxSteps);
  const method = choice<TuneMethod>('method', v.method, 'random', TUNE_METHODS);
  const criterion = choice<TuneCriterion>('criterion', v.criterion, 'final', TUNE_CRITERIA);
  const target = v.target === undefined ? null : numberFlag('target', v.target, 0, -1e12, 1e12);
  if (criterion === 'target' && target === null)
    throw new CliError('--target: missing (--criterion target counts the steps to reach it)');
  const fasterAt =
    v['times-faster'] === undefined
      ? target
      : numberFlag('times-faster', v['times-faster'], 0, -1e12, 1e12);
  const samples = intFlag('samples', v.samples, DEFAULTS.samples, 1, LIMITS.maxSamples);
  const batch = intFlag('batch', v.batch, Math.min(DEFAULTS.batch, samples), 1, samples);
  const noise = numberFlag('noise', v.noise, DEFAULTS.noise, 0, 1e3);
  const seed = intFlag('seed', v.seed, 0, 0, SEED_MAX);
  const list = optimizerList(v.optimizer ?? DEFAULTS.optimizer);
  if (list.length > MAX_OPTIMIZERS)
    throw new CliError(`--optimizer: at most ${MAX_OPTIMIZERS} optimizers, got ${list.length}`);
  const surfaceParams =
    v['surface-params'] === undefined ? {} : parseJsonFlag('surface-params', v['surface-params']);
  const configs = list.map((optimizer, i) => {
    const parsed = parseRunConfig({
      surface: v.surface,
      surface_params: surfaceParams,
      steps,
      optimizer,
      batch: { size: batch, samples, noise, seed },
    });
    if (!parsed.ok)
      throw new CliError(
        `--optimizer (entry ${i + 1}) or --surface-params:\n  ${parsed.errors.join('\n  ')}`,
      );
    if (typeof parsed.value.optimizer.hp.lr !== 'number')
      throw new CliError(
        `--optimizer (entry ${i + 1}): ${parsed.value.optimizer.type} has no lr to tune`,
      );
    return parsed.value;
  });
  const settings: TuneSettings = {
    trials,
    steps,
    lrRange: lrRangeFlag(v['lr-range']),
    method,
    criterion,
    target,
    momentum: !!v.momentum,
    seed,
  };
  checkSampleGradients(
    'optimizers × --trials × --steps × --batch',
    configs.length * trials * steps * batch,
    !!v['no-cap'],
    note,
  );
  const labels = list.map((raw, i) => {
    const extra = Object.entries(raw as Record<string, unknown>).filter(([k]) => k !== 'type');
    return [configs[i].optimizer.type, ...extra.map(([k, x]) => `${k}=${JSON.stringify(x)}`)].join(
      ' ',
    );
  });
  return {
    configs,
    labels,
    settings,
    fasterAt,
    out: v.out ?? null,
    csv: v.csv ?? null,
    quiet: !!v.quiet,
  };
}

const fmt = (x: number | null) =>
  x === null ? '—' : Number.isFinite(x) ? Number(x.toPrecision(4)).toString() : String(x);
const num = (x: number | null) => (x !== null && Number.isFinite(x) ? x : null);

/** Every tuned optimizer against the first: steps to the target and B's factor over A. */
function comparisons(results: TuneResult[], labels: string[], at: number | null) {
  if (at === null) return [];
  return results
    .slice(1)
    .map((r, i) => ({ a: labels[0], b: labels[i + 1], ...timesFaster(results[0], r, at) }));
}

export function tuneCsv(results: TuneResult[], labels: string[]): string {
  const rows = results.flatMap((r, i) =>
    r.trials.map((t) =>
      [
        JSON.stringify(labels[i]),
        t.config,
        t.rung,
        t.steps,
        t.lr,
        t.momentum ?? '',
        t.final,
        t.best,
        t.reached ?? '',
        t.score,
        t.divergedAt ?? '',
      ].join(','),
    ),
  );
  return `optimizer,config,rung,steps,lr,momentum,final,best,reached,score,diverged_at\n${rows.join('\n')}\n`;
}

export function tuneJson(
  o: TuneOptions,
  results: TuneResult[],
  faster: ReturnType<typeof comparisons>,
) {
  const c = o.configs[0];
  const trial = (t: TuneResult['best']) => ({
    ...t,
    final: num(t.final),
    best: num(t.best),
    score: num(t.score),
  });
  return {
    format: TUNE_FORMAT,
    surface: { id: c.surface, params: c.surfaceParams, start: c.start },
    batch: c.batch,
    settings: { ...o.settings, eta: o.settings.method === 'halving' ? HALVING_ETA : undefined },
    plan: tunePlan(o.settings),
    optimizers: results.map((r, i) => ({
      label: o.labels[i],
      optimizer: { type: r.optimizer, hp: { ...o.configs[i].optimizer.hp, lr: undefined } },
      best: trial(r.best),
      used: r.used,
      budget: r.budget,
      curve: Array.from(r.curve, num),
      trials: r.trials.map(trial),
    })),
    timesFaster: faster as (TimesFaster & { a: string; b: string })[],
  };
}

export function tuneSummary(
  o: TuneOptions,
  results: TuneResult[],
  faster: ReturnType<typeof comparisons>,
): string {
  const s = o.settings;
  const c = o.configs[0];
  const crit =
    s.criterion === 'target' ? `steps to reach loss ≤ ${fmt(s.target)}` : `${s.criterion} loss`;
  const lines = [
    `tune ${c.surface}: ${s.method === 'halving' ? `successive halving (η = ${HALVING_ETA})` : 'random search'}, lr log-uniform in [${fmt(s.lrRange[0])}, ${fmt(s.lrRange[1])}]${s.momentum ? `, momentum/β₁ in [${MOMENTUM_RANGE.join(', ')}]` : ''}, seed ${s.seed}`,
    `  budget per optimizer: ${s.trials} trials × ${s.steps} steps; batch ${c.batch!.size} of ${c.batch!.samples}; criterion: ${crit} (lower is better)`,
  ];
  const w = Math.max(9, ...o.labels.map((l) => l.length));
  const col = (x: string) => x.padEnd(12);
  lines.push(
    `  ${'optimizer'.padEnd(w)}  ${col('lr')}${s.momentum ? col('momentum') : ''}${col('score')}${col('final')}used`,
  );
  results.forEach((r, i) => {
    const b = r.best;
    lines.push(
      `  ${o.labels[i].padEnd(w)}  ${col(fmt(b.lr))}${s.momentum ? col(fmt(b.momentum)) : ''}${col(fmt(b.score))}${col(fmt(b.final))}${r.used.trials} trials, ${fmtCount(r.used.stepUnits)} of ${fmtCount(r.budget.stepUnits)} steps`,
    );
  });
  for (const f of faster) {
    const what =
      f.factor === null
        ? f.stepsA === null || f.stepsB === null
          ? `${f.stepsA === null ? f.a : f.b} does not reach it within ${s.steps} steps`
          : `${f.b} starts below it`
        : `${f.b} is ${fmt(f.factor)}× as fast as ${f.a}`;
    lines.push(
      `  to loss ≤ ${fmt(f.target)}: ${f.a} needs ${f.stepsA ?? '—'} steps, ${f.b} ${f.stepsB ?? '—'}: ${what}`,
    );
  }
  return lines.join('\n') + '\n';
}

async function runTune(o: TuneOptions, io: CliIo): Promise<number> {
  const results: TuneResult[] = [];
  o.configs.forEach((c, i) => {
    if (!o.quiet) io.stderr(`  tuning ${o.labels[i]} …\n`);
    results.push(tune(c, o.settings));
  });
  const faster = comparisons(results, o.labels, o.fasterAt);
  if (o.out) await writeFile(o.out, JSON.stringify(tuneJson(o, results, faster), null, 1) + '\n');
  if (o.csv) await writeFile(o.csv, tuneCsv(results, o.labels));
  io.stdout(tuneSummary(o, results, faster));
  return 0;
}

export const tuneCommand: Command = {
  name: 'tune',
  summary:
    'tune optimizers fairly on a surface: the same budget, seeded search and criterion for each; k-times faster at a target',
  help: `Usage: landscape-lab tune --surface NAME [options]

Fair tuning (deck 004): each optimizer's lr (and with --momentum its momentum or β₁) searched with
the same budget of trials × steps, the same seeded draws and the same criterion, on minibatch
gradients of the surface's finite sum from its default start. The printed table gives each
optimizer's best trial; with a target loss, "k-times faster": the steps each tuned optimizer
needs to reach it, every optimizer against the first.

  --surface NAME        ${SURFACES.map((s) => s.id).join(', ')}
  --surface-params JSON e.g. '{"kappa": 100}' for quadratic
  --optimizer LIST      ids or torch names, comma-separated (default ${DEFAULTS.optimizer}), or a JSON
                        list of torch-style configs ('[{"type":"SGD","momentum":0.9},{"type":"Adam"}]');
                        their other hyperparameters stay fixed
  --trials N            configurations per optimizer, 1…${MAX_TRIALS} (default ${DEFAULTS.trials})
  --steps N             steps of a full run, 1…${fmtCount(LIMITS.maxSteps)} (default ${DEFAULTS.steps})
  --lr-range LO:HI      lr log-uniform in [LO, HI] (default ${DEFAULTS.lrRange.join(':')})
  --momentum            also search momentum / β₁, 1 − it log-uniform in [0.001, 0.5]
                        (a momentum or β₁ the list fixes is then searched over too)
  --method M            random (default): every trial runs --steps; halving: successive halving
                        with η = ${HALVING_ETA}, the best third of each rung goes on with ${HALVING_ETA}× the steps,
                        the last rung runs --steps (never more than trials × steps in all)
  --criterion C         final (default): loss after the last step; best: lowest loss of the run;
                        target: steps until the loss is ≤ --target (not reached: by final loss)
  --target LOSS         the target loss (needed by --criterion target)
  --times-faster LOSS   the target of the k-times-faster figure (default: --target, if given)
  --batch B             1…--samples (default ${DEFAULTS.batch}; = --samples: exact gradient descent)
  --samples N           samples in the finite sum, 1…${fmtCount(LIMITS.maxSamples)} (default ${DEFAULTS.samples})
  --noise X             σ of each sample's ξ, 0…1000 (default ${DEFAULTS.noise})
  --seed K              seed of the search and of the batches, 0…${SEED_MAX} (default 0): every
                        optimizer is offered the same lrs, and the same seed gives the same result
  --out FILE.json       settings, the halving plan, every trial, each best and its loss curve
  --csv FILE.csv        one row per trial
  -q, --quiet           no progress lines on stderr
  --no-cap              run a job over the cap (the estimate is still printed)

Cap: optimizers × trials × steps × batch ≤ ${fmtCount(CAPS.coreSampleGradients)} sample gradients.

Example:
  landscape-lab tune --surface rosenbrock --optimizer sgd,adam --trials 20 --steps 300 --seed 1 --out tune.json

Exit codes: 0 ok, 2 bad flags.`,
  async run(args, io) {
    const opts = parseTuneFlags(args, (line) => io.stderr(`landscape-lab tune: ${line}`));
    if (opts === 'help') {
      io.stdout(this.help + '\n');
      return 0;
    }
    await checkOutputs([
      { flag: 'out', path: opts.out, kind: 'file' },
      { flag: 'csv', path: opts.csv, kind: 'file' },
    ]);
    return runTune(opts, io);
  },
};
