import { createScheduler } from './createScheduler';
import type { ScheduleBase, ScheduleConfig } from './scheduleSpec';

/**
 * The lr (and cycled momentum, else null) used by each of `steps` steps: entry k is read
 * before the k-th `advance`, as the reference loop reads `param_groups[0]` before step k.
 * `losses[k]` is fed to the advance after step k (ReduceLROnPlateau needs losses[0..steps−2]).
 */
export function scheduleValues(
  config: ScheduleConfig | null,
  base: ScheduleBase,
  steps: number,
  losses?: readonly number[],
): { lr: number[]; momentum: number[] | null } {
  const sched = createScheduler(config, base);
  const lr: number[] = [];
  const momentum: number[] = [];
  for (let k = 0; k < steps; k += 1) {
    if (k > 0) sched.advance(losses?.[k - 1]);
    lr.push(sched.lr);
    const m = sched.momentum;
    if (m !== undefined) momentum.push(m);
  }
  return { lr, momentum: momentum.length === steps && steps > 0 ? momentum : null };
}
