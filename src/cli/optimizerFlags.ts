/**
 * The optimizer and scheduler a training command takes (`--optimizer JSON`, `--scheduler JSON`,
 * torch names), parsed once for `train` and `toy`: any optimizer of the one registry but those
 * that need a surface's exact Hessian, optionally inside Lookahead, and a scheduler checked against the optimizer's
 * hyperparameters (e.g. OneCycleLR's momentum cycling needs a momentum).
 */
import { parseOptimizerConfig } from '../core/optimizers/parseOptimizer';
import { parseScheduleConfig, scheduleBaseErrors } from '../core/schedules';
import type { ScheduleConfig } from '../core/schedules/scheduleSpec';
import { networkRefusal } from '../core/optimizers/optimizerSpec';
import { findOptimizer } from '../core/optimizers/registry';
import type { LookaheadHp } from '../core/optimizers/lookahead';
import { scheduleBaseOf } from '../gpu/train/scheduledHp';
import { CliError } from './cliError';
import { parseJsonText } from './jsonText';

export interface OptimizerChoice {
  type: string;
  hp: Record<string, unknown>;
  /** Lookahead's k and α when the optimizer runs inside it (`{"type": "Lookahead", …}`). */
  lookahead?: LookaheadHp;
}

/** A flag's JSON value, or a CLI error naming the flag (or the field, for 1e999 and deep nesting). */
export function parseJsonFlag(flag: string, raw: string): unknown {
  return parseJsonText(raw, `--${flag}`, { prefix: `--${flag}`, echo: true });
}

/** {type, ...torch kwargs} → {type, hp}, validated as every optimizer is (bounds, names). */
export function parseOptimizerFlag(raw: unknown, flag: string): OptimizerChoice {
  const parsed = parseOptimizerConfig(raw, flag);
  if (!parsed.ok) throw new CliError(`invalid optimizer:\n  ${parsed.errors.join('\n  ')}`);
  const { type, hp, lookahead } = parsed.value;
  const refusal = networkRefusal(findOptimizer(type)!, hp);
  if (refusal) {
    const at = lookahead ? `${flag}.optimizer` : flag;
    throw new CliError(`${at}.${refusal} (race it with 'landscape-lab trajectory')`);
  }
  return { type, hp: hp as Record<string, unknown>, ...(lookahead ? { lookahead } : {}) };
}

/** A scheduler config (null = constant lr), valid for `optimizer`'s hyperparameters. */
export function parseSchedulerFlag(
  raw: unknown,
  flag: string,
  optimizer: OptimizerChoice,
): ScheduleConfig | null {
  if (raw === null) return null;
  const p = parseScheduleConfig(raw, flag);
  if (!p.ok) throw new CliError(`invalid scheduler:\n  ${p.errors.join('\n  ')}`);
  const spec = findOptimizer(optimizer.type)!;
  const baseErrors = scheduleBaseErrors(
    p.value,
    scheduleBaseOf(spec, { ...spec.defaults, ...optimizer.hp } as never),
  );
  if (baseErrors.length) throw new CliError(`invalid scheduler:\n  ${baseErrors.join('\n  ')}`);
  return p.value;
}
