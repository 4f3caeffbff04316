import { LIMITS, parseRunConfig, type RunConfig } from '../../core/config';
import { optimizerOf } from '../../core/optimizers/registry';
import { run, runToJson } from '../../core/trajectory';
import { batchPlan } from '../../core/batchScaling';
import { runNoiseScale } from '../../core/sampling/noiseScale';
import { CAPS, checkCaps, fmtCount, fmtDuration, SPEEDS } from '../caps';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { parseFlags } from '../flags';
import { readJsonConfig } from '../io';

export const TRAJECTORY_FLAGS = {
  config: { type: 'string', short: 'c' },
  pretty: { type: 'boolean' },
  'noise-scale': { type: 'boolean' },
  'no-cap': { type: 'boolean' },
} as const;

/** A parsed JSON config → a checked RunConfig, every bad field named (exit 2), and the file when given. */
export function runConfigOrFail(raw: unknown, source?: string): RunConfig {
  const parsed = parseRunConfig(raw);
  if (!parsed.ok)
    throw new CliError(
      `invalid config${source === undefined ? '' : ` '${source}'`}:\n  ${parsed.errors.join('\n  ')}`,
    );
  return parsed.value;
}

/**
 * The cap on running a config: steps × batch.size sample gradients (CAPS.coreSampleGradients),
 * over which only `noCap` runs (said through `note`). Shared by `trajectory` and `schedule`.
 */
export function checkRunCost(cfg: RunConfig, noCap: boolean, note: (line: string) => void): void {
  if (!cfg.batch) return;
  // A batch-size schedule grows B: the cost is the sum of each step's B.
  const plan = batchPlan(cfg.batch);
  let amount = plan ? 0 : cfg.steps * cfg.batch.size;
  if (plan) for (let k = 0; k < cfg.steps; k++) amount += plan.size(k);
  checkSampleGradients('steps × batch.size', amount, noCap, note);
}

/** CAPS.coreSampleGradients for a job of `amount` sample gradients, named by `flags`. */
export function checkSampleGradients(
  flags: string,
  amount: number,
  noCap: boolean,
  note: (line: string) => void,
): void {
  checkCaps(
    [
      {
        flags,
        amount,
        unit: 'sample gradients',
        cap: CAPS.coreSampleGradients,
        seconds: amount * SPEEDS.coreSampleGradientSeconds,
        basis: `~${SPEEDS.coreSampleGradientSeconds * 1e9} ns each, measured on a 2-core CPU`,
      },
    ],
    noCap,
    note,
  );
}

/** The cap, for --help. */
export const RUN_CAP_HELP = `Cap (refused with an estimate of the time unless --no-cap): steps × batch.size ≤ ${fmtCount(CAPS.coreSampleGradients)}
sample gradients (${fmtDuration(CAPS.coreSampleGradients * SPEEDS.coreSampleGradientSeconds)} on a 2-core CPU). Always: steps ≤ ${fmtCount(LIMITS.maxSteps)}, batch.samples ≤ ${fmtCount(LIMITS.maxSamples)}.`;

export const trajectoryCommand: Command = {
  name: 'trajectory',
  summary: 'run one optimizer on an analytic surface and print its trajectory as JSON',
  help: `Usage: landscape-lab trajectory --config FILE|- [--pretty] [--noise-scale] [--no-cap]

Runs the optimizer described by a JSON config (use - to read it from stdin) and prints
{"params": [[x, y] after each step], "loss": [loss before each step], "lr": [lr used by each step],
 "divergedAt": null | step}  (plus "momentum" when a schedule cycles it, and "shadow":
{"of": what it is, "params": [[x, y], …]} for an optimizer's second point: schedule-free's x,
Lookahead's and Ranger's slow weights; "batch": [B of each step] with batch.scaling or
batch.schedule).

Config (names as in torch.optim):
  {"surface": "rosenbrock", "start": [-1.5, 2], "steps": 300,
   "optimizer": {"type": "AdamW", "lr": 0.01, "betas": [0.9, 0.999], "weight_decay": 0.1},
   "scheduler": {"type": "CosineAnnealingLR", "T_max": 300} | null,
   "batch": {"size": 32, "samples": 256, "noise": 1, "seed": 1,
             "scaling": {"rule": "none"|"linear"|"sqrt", "base_size": B0, "warmup": STEPS},
             "schedule": {"milestones": [STEP, …], "factor": 2, "change": "batch"|"lr"}} | null}
  batch.scaling: the lr (the optimizer's, or the scheduler's) is lr·(B/B0)^{0, 1, 1/2}, rising
  linearly from lr at step 1 to it over "warmup" steps (Goyal et al. 2017).
  batch.schedule: after each milestone step B is multiplied by "factor" (at most samples; the
  lr follows by the scaling rule, so without one it stays: Smith et al. 2018), or with
  "change": "lr" B stays and the lr is divided by "factor" there instead.
Numbers must be finite (1e999 is named, not read as Infinity); a UTF-8 byte-order mark is fine.

  --noise-scale        add "noiseScale": the gradient noise scale B_noise = tr(Σ)/|∇f(θ)|²
                       (McCandlish et al. 2018) at the point before each step, exact on the
                       finite sum (Σ = (1/N) Σᵢ ξᵢξᵢᵀ); null where ∇f = 0. Needs "batch".

${RUN_CAP_HELP}

Exit codes: 0 ok (also when the run diverged: see "divergedAt"), 2 bad flags or config.`,
  async run(args, io) {
    const { values } = parseFlags(args, TRAJECTORY_FLAGS, 'trajectory');
    if (values.help) {
      io.stdout(this.help + '\n');
      return 0;
    }
    const cfg = runConfigOrFail(await readJsonConfig(values.config, io), values.config);
    if (values['noise-scale'] && !cfg.batch)
      throw new CliError(
        '--noise-scale: needs a "batch" in the config (the finite sum it measures)',
      );
    checkRunCost(cfg, !!values['no-cap'], (line) => io.stderr(`landscape-lab trajectory: ${line}`));
    const r = run(cfg);
    const json: Record<string, unknown> = runToJson(r, optimizerOf(cfg.optimizer)?.shadow?.label);
    if (values['noise-scale'])
      json.noiseScale = Array.from(runNoiseScale(cfg, r)!, (v) => (Number.isFinite(v) ? v : null));
    io.stdout(JSON.stringify(json, null, values.pretty ? 1 : undefined) + '\n');
    return 0;
  },
};
