import { describe, expect, it } from 'vitest';
import { scheduleValues } from '../../src/core/schedules';
import type { ScheduleBase, ScheduleConfig } from '../../src/core/schedules';
import { scheduleByType } from '../../src/core/schedules/registry';
import {
  allReferenceScheduleCases,
  SCHEDULERS_NOT_OFFERED,
  schedulerConfig,
} from './referenceCases';

const cases = allReferenceScheduleCases();

/** Relative 1e-9 (README: torch's recursive forms drift ~4e-12 from closed forms), tiny absolute floor. */
function expectClose(actual: readonly number[], expected: readonly number[]) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, k) => {
    const ref = expected[k];
    if (!(Math.abs(a - ref) <= 1e-9 * Math.abs(ref) + 1e-15)) {
      throw new Error(
        `step ${k}: got ${a}, torch ${ref} (rel. error ${Math.abs(a - ref) / Math.abs(ref)})`,
      );
    }
  });
}

describe('schedules against torch 1.13 (schedules.json, schedules_more.json)', () => {
  const typeOf = (c: (typeof cases)[number]) => c.class.split('.').pop() as string;

  it('has a reference case for every torch 1.13 scheduler, and offers all but the listed ones', () => {
    const types = new Set(cases.map(typeOf));
    expect(types.size).toBe(15);
    expect([...types].filter((t) => !scheduleByType(t)).sort()).toEqual(
      [...SCHEDULERS_NOT_OFFERED].sort(),
    );
  });

  // ReduceLROnPlateau follows the loss, so only a whole run checks it (scheduledRuns.reference).
  const standalone = cases.filter(
    (c) => scheduleByType(typeOf(c)) && typeOf(c) !== 'ReduceLROnPlateau',
  );
  for (const ref of standalone) {
    const config = schedulerConfig(ref) as ScheduleConfig;
    // The reference optimizer is SGD(lr=0.1, momentum=0.9).
    const base: ScheduleBase = {
      lr: ref.optimizer.constructed_with.lr,
      momentum: ref.optimizer.constructed_with.momentum,
      momentumKey: 'momentum',
    };
    // One extra value: the lr after the final (num_steps-th) scheduler step.
    const values = () => scheduleValues(config, base, ref.num_steps + 1);

    it(`${ref.id}: reproduces lr used by every step and the lr after the last sched.step()`, () => {
      const { lr } = values();
      expectClose(lr, [...ref.lr, ref.lr_after_final_scheduler_step]);
    });

    it(`${ref.id}: reproduces momentum where torch cycles it, and none otherwise`, () => {
      const { momentum } = values();
      if (ref.momentum === undefined) {
        expect(momentum).toBeNull();
      } else {
        expectClose(momentum ?? [], [
          ...ref.momentum,
          ref.momentum_after_final_scheduler_step as number,
        ]);
      }
    });
  }
});
