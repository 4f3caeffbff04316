/**
 * Per-step hyperparameters under a schedule, as src/core/trajectory.ts feeds them: the
 * scheduler's lr always, and its cycled momentum (OneCycleLR, CyclicLR) into `momentum` or
 * into β₁ of `betas`, whichever the optimizer has. torch checks `betas` first, so do we.
 */
import type { Hyperparams, OptimizerSpec } from '../../core/optimizers/optimizerSpec';
import type { ScheduleBase, Scheduler } from '../../core/schedules/scheduleSpec';

/** What a schedule starts from: the optimizer's lr and its momentum-like value. */
export function scheduleBaseOf(spec: OptimizerSpec, hp: Hyperparams): ScheduleBase {
  const lr = hp.lr as number;
  if (spec.hyperparams.some((h) => h.key === 'betas')) {
    return { lr, momentum: (hp.betas as readonly number[])[0], momentumKey: 'betas' };
  }
  if (spec.hyperparams.some((h) => h.key === 'momentum'))
    return { lr, momentum: hp.momentum as number, momentumKey: 'momentum' };
  return { lr };
}

/** The override for the current step: `{lr}` plus the cycled momentum/β₁ if any. */
export function scheduledOverride(
  sched: Scheduler,
  base: ScheduleBase,
  hp: Hyperparams,
): Hyperparams {
  const out: Hyperparams = { lr: sched.lr };
  const m = sched.momentum;
  if (m !== undefined && base.momentumKey === 'momentum') out.momentum = m;
  if (m !== undefined && base.momentumKey === 'betas')
    out.betas = [m, (hp.betas as readonly [number, number])[1]];
  return out;
}
