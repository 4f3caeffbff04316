/**
 * "Tune the racers fairly" (issue #14): every racer tuned with one budget, the result in the
 * link, and a reload reproducing it (the tuner is deterministic).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { tune } from '../../src/core/tune';
import { formatFaster, tuneRows } from '../../src/core/view/tuneSummary';
import { parseUrlState, serializeUrlState } from '../../src/state/raceUrl';
import { racerConfigs } from '../../src/state/racerConfigs';
import { defaultRaceState } from '../../src/state/raceState';
import { useRaceStore } from '../../src/state/raceStore';
import { applyTunedLrs, linkedTune, loadTune, startTune } from '../../src/state/tuneRunner';
import {
  DEFAULT_TUNE,
  tuneChoiceError,
  tuneSettingsOf,
  type TuneChoice,
} from '../../src/state/tuneState';
import { useTuneStore } from '../../src/state/tuneStore';
import { currentUrlState, loadUrlState } from '../../src/state/urlSync';

const CHOICE: TuneChoice = { ...DEFAULT_TUNE, trials: 9, steps: 60, target: 0.01 };

beforeEach(() => {
  useRaceStore.getState().replace(defaultRaceState('quadratic'));
  loadTune(null);
});

describe('tuning the racers', () => {
  it('tunes every racer with the same budget, as the core does for each alone', () => {
    expect(startTune(CHOICE)).toBeNull();
    const t = useTuneStore.getState();
    expect(t.state).toBe('done');
    const configs = racerConfigs(useRaceStore.getState());
    expect(t.results.map((r) => r.id)).toEqual(configs.map((c) => c.id));
    for (const [i, c] of configs.entries()) {
      if (!c.ok) throw new Error(c.errors.join());
      const alone = tune(c.config, tuneSettingsOf(CHOICE));
      expect(t.results[i].result.best).toEqual(alone.best);
      expect(t.results[i].result.budget).toEqual({ trials: 9, stepUnits: 540 });
      expect(t.results[i].result.used.stepUnits).toBeLessThanOrEqual(540);
    }
    const rows = tuneRows(t.results, 0.01);
    expect(rows[0].faster).toBeNull();
    expect(rows[0].used).toMatch(/^9\/9 trials · [\d,]+\/540 steps$/);
    for (const r of rows.slice(1))
      if (r.steps !== null && rows[0].steps !== null && r.steps > 0)
        expect(r.faster).toBeCloseTo(rows[0].steps / r.steps, 12);
    expect(formatFaster(3.14159)).toBe('×3.1');
  });

  it('names the field a bad choice gets wrong, and runs nothing', () => {
    expect(tuneChoiceError({ ...CHOICE, trials: 0 })).toMatch(/^Trials:/);
    expect(tuneChoiceError({ ...CHOICE, steps: 1.5 })).toMatch(/^Steps:/);
    expect(tuneChoiceError({ ...CHOICE, criterion: 'target', target: null })).toMatch(
      /^Target loss:/,
    );
    expect(startTune({ ...CHOICE, seed: -1 })).toMatch(/^Seed:/);
    expect(useTuneStore.getState().state).toBe('idle');
  });

  it('is in the link, and loading the link reproduces the result', () => {
    startTune({ ...CHOICE, method: 'random', criterion: 'target', seed: 7 });
    const before = useTuneStore.getState().results.map((r) => r.result.best);
    const q = serializeUrlState(currentUrlState());
    expect(q).toContain('tune=9,60,random,target,7&tune.target=0.01');
    loadTune(null);
    expect(useTuneStore.getState().results).toEqual([]);
    expect(loadUrlState(q)).toEqual([]);
    expect(useTuneStore.getState().ran).toEqual({
      ...CHOICE,
      method: 'random',
      criterion: 'target',
      seed: 7,
    });
    expect(useTuneStore.getState().results.map((r) => r.result.best)).toEqual(before);
  });

  it('leaves the link once the race it tuned changes, but not when its lrs are applied', () => {
    startTune(CHOICE);
    const tuned = useTuneStore.getState().results;
    applyTunedLrs();
    for (const { id, result } of tuned)
      expect(useRaceStore.getState().racers.find((r) => r.key === id)!.hp.lr).toBe(
        Number(result.best.lr.toPrecision(6)),
      );
    expect(linkedTune()).toEqual(CHOICE);
    useRaceStore.getState().setSteps(120);
    expect(linkedTune()).toBeNull();
    expect(serializeUrlState(currentUrlState())).not.toContain('tune');
  });

  it('applies the tuned lr scaled to the racer’s batch under a batch-size rule', () => {
    const { setBatch } = useRaceStore.getState();
    setBatch({ size: 16, scaling: { rule: 'linear', baseSize: 16, warmup: 0 } });
    setBatch({ size: 64 });
    startTune(CHOICE);
    const sgd = useTuneStore.getState().results.find((r) => r.id === 'sgd')!.result.best.lr;
    applyTunedLrs();
    const lr = useRaceStore.getState().racers.find((r) => r.key === 'sgd')!.hp.lr as number;
    expect(lr).toBeCloseTo(sgd * 4, 3);
  });

  it('names a malformed tune in the link', () => {
    const { errors } = parseUrlState('tune=9,60,grid,final,1&tune.lr=0,1');
    expect(errors.join('\n')).toMatch(/'tune'.*method must be one of random, halving/);
    const bad = parseUrlState('tune=0,60,random,final,1');
    expect(bad.errors.join('\n')).toMatch(/'tune'.*Trials: must be an integer from 1 to 100/);
    expect(bad.state.tune ?? null).toBeNull();
  });
});
