/**
 * The optimizer and scheduler a training command takes (`--optimizer JSON`, `--scheduler JSON`,
 * torch names), parsed once for `train` and `toy`: the core's optimizers plus the tensor-only
 * LARS/LAMB, and a scheduler checked against the optimizer's hyperparameters (e.g. OneCycleLR's
 * momentum cycling needs a momentum).
 */
import { parseOptimizerConfig } from '../core/optimizers/parseOptimizer';
import { parseScheduleConfig, scheduleBaseErrors } from '../core/schedules';
import type { ScheduleConfig } from '../core/schedules/scheduleSpec';
import { findTensorOptimizer } from '../gpu/optim/registry';
import { scheduleBaseOf } from '../gpu/train/scheduledHp';
import { CliError } from './cliError';
import { parseJsonText } from './jsonText';

export interface OptimizerChoice {
  type: string;
  hp: Record<string, unknown>;
}

/** A flag's JSON value, or a CLI error naming the flag (or the field, for 1e999 and deep nesting). */
export function parseJsonFlag(flag: string, raw: string): unknown {
  return parseJsonText(raw, `--${flag}`, { prefix: `--${flag}`, echo: true });
}

/** {type, ...torch kwargs} → {type, hp}; LARS/LAMB (tensor-only) take their numbers as given. */
export function parseOptimizerFlag(raw: unknown, flag: string): OptimizerChoice {
  const parsed = parseOptimizerConfig(raw, flag);
  if (parsed.ok) return { type: parsed.value.type, hp: parsed.value.hp as Record<string, unknown> };
  const r = raw as Record<string, unknown> | null;
  const spec = r && typeof r.type === 'string' ? findTensorOptimizer(r.type) : undefined;
  if (spec && parsed.errors.every((e) => e.includes('unknown optimizer'))) {
    const hp: Record<string, unknown> = { ...spec.defaults };
    for (const [k, v] of Object.entries(r!)) {
      if (k === 'type') continue;
      if (!(k in spec.defaults))
        throw new CliError(`${flag}.${k}: ${spec.type} has no hyperparameter '${k}'`);
      hp[k] = v;
    }
    return { type: spec.type, hp };
  }
  throw new CliError(`invalid optimizer:\n  ${parsed.errors.join('\n  ')}`);
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
  const spec = findTensorOptimizer(optimizer.type)!;
  const baseErrors = scheduleBaseErrors(
    p.value,
    scheduleBaseOf(spec, { ...spec.defaults, ...optimizer.hp } as never),
  );
  if (baseErrors.length) throw new CliError(`invalid scheduler:\n  ${baseErrors.join('\n  ')}`);
  return p.value;
}
