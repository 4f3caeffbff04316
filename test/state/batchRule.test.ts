/**
 * The batch-size scaling rule in the race (issue #14): the batch slider moves the racers' lr by
 * the rule, the run starts from the lr at B₀ and warms up to it, and the link carries the rule.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { run } from '../../src/core/trajectory';
import { parseUrlState, serializeUrlState } from '../../src/state/raceUrl';
import {
  defaultBatchSchedule,
  racerRunBatch,
  rescaleLrs,
  ruleHint,
  scheduledCost,
  withMilestones,
} from '../../src/state/batchRule';
import { racerConfigs } from '../../src/state/racerConfigs';
import { defaultRaceState } from '../../src/state/raceState';
import { useRaceStore } from '../../src/state/raceStore';
import { defaultUrlState } from '../../src/state/raceUrl';

beforeEach(() => useRaceStore.getState().replace(defaultRaceState()));

const lrs = () => useRaceStore.getState().racers.map((r) => r.hp.lr as number);

describe('the batch slider with a scaling rule', () => {
  it.each([
    ['linear', 2],
    ['sqrt', Math.SQRT2],
    ['none', 1],
  ] as const)('rule %s multiplies every lr by %f when B doubles', (rule, factor) => {
    const { setBatch } = useRaceStore.getState();
    setBatch({ size: 32 });
    setBatch({ scaling: { rule, baseSize: 32, warmup: 0 } });
    const before = lrs();
    setBatch({ size: 64 });
    lrs().forEach((lr, i) => expect(lr).toBeCloseTo(before[i] * factor, 6));
    // Back to B₀: back to the lr chosen there.
    setBatch({ size: 32 });
    lrs().forEach((lr, i) => expect(lr).toBeCloseTo(before[i], 6));
  });

  it('leaves a racer with its own batch size alone', () => {
    const { setBatch, setRacerBatch } = useRaceStore.getState();
    setBatch({ size: 32, scaling: { rule: 'linear', baseSize: 32, warmup: 0 } });
    setRacerBatch('adam', 16);
    const adam = useRaceStore.getState().racers.find((r) => r.key === 'adam')!.hp.lr;
    const sgd = useRaceStore.getState().racers.find((r) => r.key === 'sgd')!.hp.lr as number;
    setBatch({ size: 128 });
    const after = useRaceStore.getState().racers;
    expect(after.find((r) => r.key === 'adam')!.hp.lr).toBe(adam);
    expect(after.find((r) => r.key === 'sgd')!.hp.lr).toBeCloseTo(sgd * 4, 6);
  });

  it('says what a doubling does', () => {
    expect(ruleHint({ rule: 'linear', baseSize: 32, warmup: 0 })).toMatch(
      /lr × 2 per doubling of B.*B₀ = 32/,
    );
    expect(ruleHint({ rule: 'sqrt', baseSize: 8, warmup: 0 })).toMatch(/√2/);
    expect(ruleHint(null)).toMatch(/stays/);
    expect(rescaleLrs([], 1, 2, null)).toEqual([]);
  });
});

describe('the run of a racer under a rule', () => {
  it('starts from the lr at B₀, warms up over the given steps and runs at the slider’s lr after', () => {
    const race = defaultRaceState();
    race.steps = 40;
    race.batch = {
      ...race.batch,
      size: 64,
      samples: 256,
      scaling: { rule: 'linear', baseSize: 16, warmup: 10 },
    };
    const sgd = race.racers.find((r) => r.key === 'sgd')!;
    const lr = sgd.hp.lr as number;
    const rc = racerConfigs(race).find((c) => c.id === 'sgd')!;
    expect(rc.ok).toBe(true);
    if (!rc.ok) return;
    expect(rc.config.optimizer.hp.lr).toBeCloseTo(lr / 4, 12);
    const r = run(rc.config);
    expect(r.lr[0]).toBeCloseTo(lr / 4, 12);
    expect(r.lr[5]).toBeCloseTo(lr / 4 + ((lr - lr / 4) * 5) / 10, 12);
    expect(r.lr[10]).toBeCloseTo(lr, 12);
    expect(r.lr[39]).toBeCloseTo(lr, 12);
  });

  it('does not warm up a batch at or below B₀, and leaves a plain race as it was', () => {
    const race = defaultRaceState();
    const small = racerRunBatch(
      { batch: { ...race.batch, size: 8, scaling: { rule: 'sqrt', baseSize: 32, warmup: 50 } } },
      8,
      0.1,
    );
    expect(small.lr).toBeCloseTo(0.2, 12);
    expect(small.batch).toMatchObject({ scaling: { rule: 'sqrt', base_size: 32, warmup: 0 } });
    expect(racerRunBatch({ batch: race.batch }, race.batch.samples, 0.1)).toEqual({
      lr: 0.1,
      batch: null,
    });
    expect(racerRunBatch({ batch: { ...race.batch, size: 8 } }, 8, 0.1).batch).toEqual({
      size: 8,
      samples: race.batch.samples,
      noise: race.batch.noise,
      seed: race.batch.seed,
    });
  });
});

describe('the rule in the link', () => {
  it('round-trips batch.rule, batch.base and batch.warmup', () => {
    const s = defaultUrlState();
    s.race.batch = {
      ...s.race.batch,
      size: 64,
      scaling: { rule: 'linear', baseSize: 32, warmup: 20 },
    };
    const q = serializeUrlState(s);
    expect(q).toContain('batch.rule=linear&batch.base=32&batch.warmup=20');
    const back = parseUrlState(q);
    expect(back.errors).toEqual([]);
    expect(back.state.race.batch.scaling).toEqual({ rule: 'linear', baseSize: 32, warmup: 20 });
  });

  it('takes B₀ from the batch size when the link names no base, and leaves out an unused rule', () => {
    const { state, errors } = parseUrlState('batch=64&batch.rule=sqrt');
    expect(errors).toEqual([]);
    expect(state.race.batch.scaling).toEqual({ rule: 'sqrt', baseSize: 64, warmup: 0 });
    expect(serializeUrlState(state)).toContain('batch.rule=sqrt');
    expect(serializeUrlState(state)).not.toContain('batch.base');
    expect(serializeUrlState(defaultUrlState())).not.toContain('batch.');
  });

  it('names a bad rule or warm-up and keeps the default', () => {
    const { state, errors } = parseUrlState('batch.rule=cubic&batch.warmup=-3');
    expect(errors.join('\n')).toMatch(/'batch\.rule'.*none, linear, sqrt/);
    expect(errors.join('\n')).toMatch(/'batch\.warmup'/);
    expect(state.race.batch.scaling?.rule ?? 'none').toBe('none');
  });
});

describe('the batch-size schedule', () => {
  it('checks typed milestones as a config would, naming the field', () => {
    const s = defaultBatchSchedule(300);
    expect(s).toEqual({ milestones: [100, 200], factor: 2, change: 'batch' });
    expect(withMilestones(s, '50, 150')).toEqual({
      ok: true,
      value: { ...s, milestones: [50, 150] },
    });
    for (const bad of ['150, 50', '10,,20', 'x', '0'])
      expect(withMilestones(s, bad)).toMatchObject({
        ok: false,
        error: expect.stringMatching(/^Milestones: must be .*strictly increasing/),
      });
  });

  it('reaches run(): B doubles at each milestone, or the lr halves instead', () => {
    const race = defaultRaceState();
    race.steps = 30;
    race.batch = {
      ...race.batch,
      size: 16,
      schedule: { milestones: [10, 20], factor: 2, change: 'batch' },
    };
    const rc = racerConfigs(race)[0];
    if (!rc.ok) throw new Error(rc.errors.join());
    const r = run(rc.config);
    expect([r.batch![0], r.batch![10], r.batch![29]]).toEqual([16, 32, 64]);
    expect(r.lr[29]).toBe(r.lr[0]);
    race.batch.schedule = { milestones: [10, 20], factor: 2, change: 'lr' };
    const rc2 = racerConfigs(race)[0];
    if (!rc2.ok) throw new Error(rc2.errors.join());
    const r2 = run(rc2.config);
    expect(r2.lr[29]).toBeCloseTo(r2.lr[0] / 4, 12);
    expect(r2.batch![29]).toBe(16);
  });

  it('round-trips batch.at, batch.factor and batch.change through the link', () => {
    const s = defaultUrlState();
    s.race.batch = {
      ...s.race.batch,
      size: 16,
      schedule: { milestones: [100, 200], factor: 3, change: 'lr' },
    };
    const q = serializeUrlState(s);
    expect(q).toContain('batch.at=100,200&batch.factor=3&batch.change=lr');
    const back = parseUrlState(q);
    expect(back.errors).toEqual([]);
    expect(back.state.race.batch.schedule).toEqual({
      milestones: [100, 200],
      factor: 3,
      change: 'lr',
    });
    const plain = parseUrlState('batch=16&batch.at=50');
    expect(plain.state.race.batch.schedule).toEqual({
      milestones: [50],
      factor: 2,
      change: 'batch',
    });
    expect(serializeUrlState(plain.state)).toContain('batch.at=50');
    expect(serializeUrlState(plain.state)).not.toContain('batch.factor');
    const bad = parseUrlState('batch.at=200,100&batch.factor=0.5');
    expect(bad.errors.join('\n')).toMatch(/'batch\.at'.*strictly increasing/);
    expect(bad.state.race.batch.schedule ?? null).toBeNull();
  });

  it('counts what a schedule costs, and a link over the cap loses its schedule, named', () => {
    const sched = { milestones: [100, 200], factor: 2, change: 'batch' as const };
    expect(scheduledCost(300, 16, 256, sched)).toBe(100 * 16 + 100 * 32 + 100 * 64);
    // Capped at N = 40 after the second milestone.
    expect(scheduledCost(300, 16, 40, sched)).toBe(100 * 16 + 100 * 32 + 100 * 40);
    const { state, errors } = parseUrlState(
      'steps=10000&samples=100000&batch=10&batch.at=1&batch.factor=1000',
    );
    expect(errors.join('\n')).toMatch(
      /'batch\.at': the schedule needs 99,990,010 sampled gradients per optimizer, over the cap/,
    );
    expect(state.race.batch.schedule).toBeNull();
    // What the sliders reach (5,000 steps, N = 4,096) is always within it.
    expect(
      parseUrlState('steps=5000&samples=4096&batch=1&batch.at=1&batch.factor=1000').errors,
    ).toEqual([]);
  });
});
