import { parseRunConfig } from '../../core/config';
import { run, runToJson } from '../../core/trajectory';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { parseFlags } from '../flags';
import { readJsonConfig } from '../io';

export const trajectoryCommand: Command = {
  name: 'trajectory',
  summary: 'run one optimizer on an analytic surface and print its trajectory as JSON',
  help: `Usage: landscape-lab trajectory --config FILE|-

Runs the optimizer described by a JSON config (use - to read it from stdin) and prints
{"params": [[x, y] after each step], "loss": [loss before each step], "lr": [lr used by each step],
 "divergedAt": null | step}  (plus "momentum" when a schedule cycles it).

Config (names as in torch.optim):
  {"surface": "rosenbrock", "start": [-1.5, 2], "steps": 300,
   "optimizer": {"type": "AdamW", "lr": 0.01, "betas": [0.9, 0.999], "weight_decay": 0.1},
   "scheduler": {"type": "CosineAnnealingLR", "T_max": 300} | null,
   "batch": {"size": 32, "samples": 256, "noise": 1, "seed": 1} | null}

Exit codes: 0 ok (also when the run diverged: see "divergedAt"), 2 bad flags or config.`,
  async run(args, io) {
    const { values } = parseFlags(
      args,
      { config: { type: 'string', short: 'c' }, pretty: { type: 'boolean' } },
      'trajectory',
    );
    if (values.help) {
      io.stdout(this.help + '\n');
      return 0;
    }
    const parsed = parseRunConfig(await readJsonConfig(values.config as string | undefined, io));
    if (!parsed.ok) throw new CliError(`invalid config:\n  ${parsed.errors.join('\n  ')}`);
    io.stdout(
      JSON.stringify(runToJson(run(parsed.value)), null, values.pretty ? 1 : undefined) + '\n',
    );
    return 0;
  },
};
