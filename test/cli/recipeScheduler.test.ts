// The shipped models' lr schedules: warm-up then cosine (the default), or warm-up then the
// paper's step decays (÷10 at 50 % and 75 % of training), as torch's SequentialLR runs them.
import { describe, expect, test } from 'vitest';
import { createScheduler } from '../../src/core/schedules/createScheduler';
import type { ScheduleConfig } from '../../src/core/schedules/scheduleSpec';
import { defaultScheduler, recipeScheduler } from '../../src/cli/commands/train';

function lrs(config: ScheduleConfig, steps: number): number[] {
  const s = createScheduler(config, { lr: 0.1 });
  return Array.from({ length: steps }, () => {
    const lr = s.lr;
    s.advance(1);
    return lr;
  });
}

describe('recipeScheduler', () => {
  test('step decays: warm-up from 0.01 over 10 steps, 0.1 to step 49, 0.01 from 50, 0.001 from 75', () => {
    const lr = lrs(recipeScheduler({ steps: 100, warmup: 10, decay: 'step' }), 100);
    expect(lr[0]).toBeCloseTo(0.01, 12);
    expect(lr[5]).toBeCloseTo(0.055, 12);
    for (const k of [10, 30, 49]) expect(lr[k]).toBeCloseTo(0.1, 12);
    for (const k of [50, 74]) expect(lr[k]).toBeCloseTo(0.01, 12);
    for (const k of [75, 99]) expect(lr[k]).toBeCloseTo(0.001, 12);
  });

  test('other milestones and gamma, and no warm-up', () => {
    const lr = lrs(
      recipeScheduler({ steps: 40, warmup: 0, decay: 'step', milestones: [0.25], gamma: 0.5 }),
      40,
    );
    expect([lr[0], lr[9], lr[10], lr[39]]).toEqual([0.1, 0.1, 0.05, 0.05]);
  });

  test('the default is warm-up over min(32, steps/4) steps, then a cosine to 0', () => {
    expect(defaultScheduler(128)).toEqual(
      recipeScheduler({ steps: 128, warmup: 32, decay: 'cosine' }),
    );
    const lr = lrs(defaultScheduler(128), 128);
    expect(lr[0]).toBeCloseTo(0.01, 12);
    expect(lr[32]).toBeCloseTo(0.1, 12);
    expect(lr[127]).toBeLessThan(1e-3);
    expect(defaultScheduler(3)).toMatchObject({ type: 'CosineAnnealingLR', T_max: 3 });
  });

  test('a warm-up as long as the run, or a milestone outside (0, 1), is refused by name', () => {
    expect(() => recipeScheduler({ steps: 10, warmup: 10, decay: 'cosine' })).toThrow(
      /warm-up 10 must be an integer in 0…9/,
    );
    expect(() =>
      recipeScheduler({ steps: 10, warmup: 1, decay: 'step', milestones: [1.5] }),
    ).toThrow(/milestone 1.5 must be a fraction in \(0, 1\)/);
  });
});
