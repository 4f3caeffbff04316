import type { Scheduler } from './scheduleSpec';

/**
 * A Scheduler from pure functions of the step k (0-based): the lr (and momentum) that step k
 * uses. torch updates most schedules recursively from the previous lr; closed forms agree to
 * round-off and let a sweep evaluate any step without replaying the ones before it.
 */
export function closedForm(
  lrAt: (k: number) => number,
  momentumAt?: (k: number) => number,
): Scheduler {
  let k = 0;
  return {
    get lr() {
      return lrAt(k);
    },
    get momentum() {
      return momentumAt?.(k);
    },
    advance() {
      k += 1;
    },
  };
}
