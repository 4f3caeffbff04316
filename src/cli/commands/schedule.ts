import { scheduleBase } from '../../core/config';
import { scheduleValues } from '../../core/schedules';
import type { Command } from '../command';
import { parseFlags } from '../flags';
import { readJsonConfig } from '../io';
import { checkRunCost, RUN_CAP_HELP, runConfigOrFail } from './trajectory';

export const SCHEDULE_FLAGS = {
  config: { type: 'string', short: 'c' },
  'no-cap': { type: 'boolean' },
} as const;

export const scheduleCommand: Command = {
  name: 'schedule',
  summary: 'print the learning rate (and cycled momentum) of each step of a schedule',
  help: `Usage: landscape-lab schedule --config FILE|- [--no-cap]

Reads the same config as 'trajectory' and prints {"lr": [lr used by step k], "momentum": [...] | null}
for config.steps steps, starting from the optimizer's lr (and momentum or betas[0] when cycled).
ReduceLROnPlateau is fed the losses of the actual run on the config's surface (the only case
that runs it, and so the only one the cap below applies to).

${RUN_CAP_HELP}

Example:
  echo '{"surface":"quadratic","steps":100,"optimizer":{"type":"SGD","lr":0.1,"momentum":0.9},
        "scheduler":{"type":"OneCycleLR","max_lr":0.1,"total_steps":100}}' | landscape-lab schedule --config -`,
  async run(args, io) {
    const { values } = parseFlags(args, SCHEDULE_FLAGS, 'schedule');
    if (values.help) {
      io.stdout(this.help + '\n');
      return 0;
    }
    const cfg = runConfigOrFail(await readJsonConfig(values.config, io), values.config);
    const needsLosses = cfg.scheduler?.type === 'ReduceLROnPlateau';
    if (needsLosses)
      checkRunCost(cfg, !!values['no-cap'], (line) => io.stderr(`landscape-lab schedule: ${line}`));
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
