import { describe, expect, it } from 'vitest';
import {
  SCHEDULE_DEFS,
  SCHEDULES,
  createScheduler,
  parseScheduleConfig,
  scheduleBaseErrors,
  scheduleById,
} from '../../src/core/schedules';
import type { ScheduleConfig, ScheduleHpSpec } from '../../src/core/schedules';

const errorsOf = (raw: unknown, field?: string): string[] => {
  const r = parseScheduleConfig(raw, field);
  return r.ok ? [] : r.errors;
};

/** A smallest valid value for a required keyword, read off its spec. */
function sampleValue(hp: ScheduleHpSpec): unknown {
  if (hp.kind === 'schedulers') return [{ type: 'constant' }];
  if (hp.kind === 'integers')
    return hp.key === 'milestones' && hp.min === 1 ? [] : [Math.max(1, hp.min ?? 0)];
  if (hp.kind === 'integer') return Math.max(1, hp.min ?? 0);
  return 0.5;
}
const minimalConfig = (type: string): ScheduleConfig => {
  const def = SCHEDULE_DEFS.find((d) => d.type === type)!;
  return Object.fromEntries([
    ['type', type],
    ...def.hyperparams.filter((hp) => hp.required).map((hp) => [hp.key, sampleValue(hp)]),
  ]) as ScheduleConfig;
};

describe('registry', () => {
  it('lists every schedule once, with unique types and URL ids', () => {
    expect(SCHEDULES.map((s) => s.type)).toEqual([
      'constant',
      'StepLR',
      'MultiStepLR',
      'ExponentialLR',
      'CosineAnnealingLR',
      'LinearLR',
      'SequentialLR',
      'OneCycleLR',
      'CyclicLR',
      'CosineAnnealingWarmRestarts',
      'ReduceLROnPlateau',
    ]);
    expect(new Set(SCHEDULES.map((s) => s.id)).size).toBe(SCHEDULES.length);
    expect(scheduleById('cosine')?.type).toBe('CosineAnnealingLR');
  });
  it.each(SCHEDULE_DEFS.map((d) => [d.type]))(
    '%s: every optional keyword has a default that parses',
    (type) => {
      const def = SCHEDULE_DEFS.find((d) => d.type === type)!;
      for (const hp of def.hyperparams.filter((h) => !h.required))
        expect(def.defaults).toHaveProperty(hp.key);
      const config = { ...minimalConfig(type), ...def.defaults };
      if (type === 'OneCycleLR') config.total_steps = 10;
      expect(errorsOf(config)).toEqual([]);
    },
  );
  it('fills torch defaults when parsing', () => {
    const r = parseScheduleConfig({ type: 'CyclicLR', base_lr: 0.01, max_lr: 0.1 });
    expect(r).toEqual({
      ok: true,
      value: {
        type: 'CyclicLR',
        base_lr: 0.01,
        max_lr: 0.1,
        step_size_up: 2000,
        step_size_down: null,
        mode: 'triangular',
        gamma: 1,
        scale_mode: 'cycle',
        cycle_momentum: true,
        base_momentum: 0.8,
        max_momentum: 0.9,
      },
    });
  });
});

describe('bad configs name the field', () => {
  it('rejects an unknown type, listing the known ones', () => {
    expect(errorsOf({ type: 'Foo' })).toEqual([
      "scheduler.type: unknown scheduler 'Foo' (known: constant, StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, " +
        'LinearLR, SequentialLR, OneCycleLR, CyclicLR, CosineAnnealingWarmRestarts, ReduceLROnPlateau)',
    ]);
  });
  it('rejects non-objects and a missing type', () => {
    expect(errorsOf(null)[0]).toMatch(/^scheduler: must be an object/);
    expect(errorsOf([1])[0]).toMatch(/^scheduler: must be an object/);
    expect(errorsOf({ step_size: 3 })[0]).toMatch(/^scheduler\.type: must be a scheduler name/);
  });
  it('names unknown keywords', () => {
    expect(errorsOf({ type: 'StepLR', step_size: 3, stepsize: 2 })).toEqual([
      'scheduler.stepsize: unknown keyword for StepLR (known: step_size, gamma)',
    ]);
  });
  it('names missing, mistyped and out-of-range keywords', () => {
    expect(errorsOf({ type: 'StepLR' })).toEqual(['scheduler.step_size: required for StepLR']);
    expect(errorsOf({ type: 'StepLR', step_size: 2.5, gamma: '0.1' })).toEqual([
      'scheduler.step_size: must be a positive integer, got 2.5',
      "scheduler.gamma: must be a number >= 0, got '0.1'",
    ]);
    expect(errorsOf({ type: 'LinearLR', start_factor: 0 })).toEqual([
      'scheduler.start_factor: must be a number in (0, 1], got 0',
    ]);
    expect(
      errorsOf({ type: 'OneCycleLR', max_lr: 1, total_steps: 5, anneal_strategy: 'cosine' }),
    ).toEqual(["scheduler.anneal_strategy: must be one of 'cos', 'linear', got 'cosine'"]);
    expect(errorsOf({ type: 'ReduceLROnPlateau', factor: 1 })).toEqual([
      'scheduler.factor: must be a number in [0, 1), got 1',
    ]);
    expect(errorsOf({ type: 'MultiStepLR', milestones: [3, -1] })).toEqual([
      'scheduler.milestones[1]: must be an integer >= 0, got -1',
    ]);
    expect(errorsOf({ type: 'ExponentialLR', gamma: null })).toEqual([
      'scheduler.gamma: must not be null',
    ]);
  });
  it('uses the caller’s field path and names nested schedulers by index', () => {
    const raw = {
      type: 'SequentialLR',
      schedulers: [{ type: 'LinearLR' }, { type: 'CosineAnnealingLR', T_max: 0 }],
      milestones: [5],
    };
    expect(errorsOf(raw)).toEqual([
      'scheduler.schedulers[1].T_max: must be a positive integer, got 0',
    ]);
    expect(errorsOf(raw, 'config.scheduler')).toEqual([
      'config.scheduler.schedulers[1].T_max: must be a positive integer, got 0',
    ]);
  });
  it('accepts torch kwargs that change nothing (verbose, last_epoch=-1), rejects resuming', () => {
    expect(errorsOf({ type: 'ExponentialLR', gamma: 0.9, verbose: false, last_epoch: -1 })).toEqual(
      [],
    );
    expect(errorsOf({ type: 'ExponentialLR', gamma: 0.9, last_epoch: 5 })).toEqual([
      'scheduler.last_epoch: only -1 (start from step 0) is supported, got 5',
    ]);
  });
  it('OneCycleLR: needs total_steps or epochs and steps_per_epoch; no zero-length warm-up', () => {
    expect(errorsOf({ type: 'OneCycleLR', max_lr: 1, epochs: 3 })).toEqual([
      'scheduler.total_steps: give total_steps, or both epochs and steps_per_epoch',
    ]);
    // 0.1 · 10 − 1 = 0: torch divides 0 by 0 at construction
    expect(errorsOf({ type: 'OneCycleLR', max_lr: 1, total_steps: 10, pct_start: 0.1 })[0]).toMatch(
      /^scheduler\.pct_start: /,
    );
  });
  it('SequentialLR: milestones must match the schedulers and increase; no plateau/cycling children', () => {
    const two = [{ type: 'LinearLR' }, { type: 'ExponentialLR', gamma: 0.9 }];
    expect(errorsOf({ type: 'SequentialLR', schedulers: two, milestones: [] })).toEqual([
      'scheduler.milestones: must have one entry fewer than schedulers (1), got 0',
    ]);
    expect(
      errorsOf({ type: 'SequentialLR', schedulers: [...two, two[0]], milestones: [5, 5] }),
    ).toEqual(['scheduler.milestones[1]: must be greater than milestones[0] (5)']);
    expect(
      errorsOf({
        type: 'SequentialLR',
        schedulers: [two[0], { type: 'ReduceLROnPlateau' }],
        milestones: [3],
      })[0],
    ).toMatch(
      /^scheduler\.schedulers\[1\]\.type: ReduceLROnPlateau cannot run inside SequentialLR/,
    );
    expect(errorsOf({ type: 'SequentialLR', schedulers: [], milestones: [] })).toEqual([
      'scheduler.schedulers: must list at least one scheduler',
    ]);
  });
});

describe('untrusted schedule configs: depth and quoting', () => {
  it('stops parsing nested schedulers 16 levels down: no stack overflow, the depth named', () => {
    // torch refuses SequentialLR inside SequentialLR anyway, but that check runs after the
    // children parse: a config nested 3,000 deep used to overflow the stack first.
    const nest = (n: number): unknown =>
      n === 0
        ? { type: 'StepLR', step_size: 1 }
        : {
            type: 'SequentialLR',
            milestones: [1],
            schedulers: [{ type: 'StepLR', step_size: 1 }, nest(n - 1)],
          };
    const parse = () => parseScheduleConfig(nest(3000));
    expect(parse).not.toThrow();
    const deep = parse();
    const errors = deep.ok ? [] : deep.errors;
    // The two schedulers 17 levels down are each named by their path.
    expect(errors.length).toBeGreaterThan(0);
    for (const e of errors)
      expect(e).toMatch(
        /^scheduler(\.schedulers\[1\]){16}\.schedulers\[[01]\]: schedulers nested more than 16 deep$/,
      );
  });

  it('quotes Infinity and NaN by name (JSON would print null) and cuts a huge value', () => {
    const inf = parseScheduleConfig({ type: 'StepLR', step_size: 10, gamma: Infinity });
    expect(inf.ok ? [] : inf.errors).toEqual([
      'scheduler.gamma: must be a number >= 0, got Infinity',
    ]);
    const nan = parseScheduleConfig({ type: 'StepLR', step_size: [1, NaN] });
    expect(nan.ok ? [] : nan.errors).toEqual([
      'scheduler.step_size: must be a positive integer, got [1,"NaN"]',
    ]);
    const huge = parseScheduleConfig({ type: 'x'.repeat(10_000) });
    expect(huge.ok ? '' : huge.errors.join()).not.toContain('x'.repeat(100));
  });
});

describe('schedules that cycle momentum need an optimizer that has one', () => {
  const cyclic = { type: 'CyclicLR', base_lr: 0.01, max_lr: 0.1 }; // cycle_momentum defaults to true
  it('is a config error naming cycle_momentum when the optimizer has no momentum or betas (e.g. Adagrad)', () => {
    expect(scheduleBaseErrors(cyclic, { lr: 0.1 })).toEqual([
      'scheduler.cycle_momentum: CyclicLR cycles momentum, but the optimizer has no momentum or betas ' +
        '(torch raises ValueError); set cycle_momentum to false',
    ]);
    expect(() => createScheduler(cyclic, { lr: 0.1 })).toThrow(/scheduler\.cycle_momentum/);
  });
  it('is fine with cycle_momentum false, or with momentum / betas', () => {
    expect(scheduleBaseErrors({ ...cyclic, cycle_momentum: false }, { lr: 0.1 })).toEqual([]);
    expect(scheduleBaseErrors(cyclic, { lr: 0.1, momentum: 0, momentumKey: 'momentum' })).toEqual(
      [],
    );
    expect(
      scheduleBaseErrors(
        { type: 'OneCycleLR', max_lr: 1, total_steps: 9 },
        { lr: 0.1, momentumKey: 'betas' },
      ),
    ).toEqual([]);
  });
  it('createScheduler throws on an invalid config, listing every problem', () => {
    expect(() => createScheduler({ type: 'StepLR', step_size: 0, gamma: -1 }, { lr: 1 })).toThrow(
      'invalid scheduler: scheduler.step_size: must be a positive integer, got 0; scheduler.gamma: must be a number >= 0, got -1',
    );
  });
});
