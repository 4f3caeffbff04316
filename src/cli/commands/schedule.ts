import { parseRunConfig, scheduleBase } from '../../core/config';
import { scheduleValues } from '../../core/schedules';
import { CliError } from '../cliError';
import type { Command } from '../command';
import { parseFlags } from '../flags';
import { readJsonConfig } from '../io';

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'print the learning rate (and cycled momentum) of each step of a schedule',
  help: `Usage: landscape-lab schedule --config FILE|-

Reads the same config as 'trajectory' and prints {"lr": [lr used by step k], "momentum": [...] | null}
for config.steps steps, starting from the optimizer's lr (and momentum or betas[0] when cycled).
ReduceLROnPlateau is fed the losses of the actual run on the config's surface.

Example:
  echo '{"surface":"quadratic","steps":100,"optimizer":{"type":"SGD","lr":0.1,"momentum":0.9},
        "scheduler":{"type":"OneCycleLR","max_lr":0.1,"total_steps":100}}' | landscape-lab schedule --config -`,
  async run(args, io) {
    const { values } = parseFlags(args, { config: { type: 'string', short: 'c' } }, 'schedule');
    if (values.help) {
      io.stdout(this.help + '\n');
      return 0;
    }
    const parsed = parseRunConfig(await readJsonConfig(values.config as string | undefined, io));
    if (!parsed.ok) throw new CliError(`invalid config:\n  ${parsed.errors.join('\n  ')}`);
    const cfg = parsed.value;
    const needsLosses = cfg.scheduler?.type === 'ReduceLROnPlateau';
    const losses = needsLosses
      ? Array.from((await import('../../core/trajectory')).run(cfg).loss)
      : undefined;
    const { lr, momentum } = scheduleValues(
      cfg.scheduler,
      scheduleBase(cfg.optimizer),
      cfg.steps,
      losses,
    );
    io.stdout(JSON.stringify({ lr, momentum }) + '\n');
    return 0;
  },
};
