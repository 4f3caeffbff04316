import { beforeEach, describe, expect, it } from 'vitest';
import { RACE_RANGES } from '../../src/core/view/controlRanges';
import { parseUrlState, serializeUrlState } from '../../src/state/raceUrl';
import { cappedBatchSize, defaultRaceState, MAX_STEPS_X_BATCH } from '../../src/state/raceState';
import { useRaceStore } from '../../src/state/raceStore';

/** Issue 16: the race's cost is capped on the product steps × batch, not on each number alone. */
describe('the cap on steps × batch', () => {
  beforeEach(() => useRaceStore.getState().replace(defaultRaceState()));

  it('reduces the batch of a runaway link to the largest within the cap, and says so', () => {
    const { state, errors } = parseUrlState('?steps=10000&samples=100000&batch=99999');
    expect(state.race.steps).toBe(10_000);
    expect(state.race.batch).toMatchObject({ samples: 100_000, size: 2048 });
    expect(10_000 * 2048).toBeLessThanOrEqual(MAX_STEPS_X_BATCH);
    expect(errors).toEqual([
      "Invalid URL parameter 'batch': steps × batch = 10000 × 99999 sampled gradients per " +
        'optimizer is over the cap of 20480000 (5000 × 4096); using batch=2048',
    ]);
  });

  it('leaves alone a full batch (the exact gradient) and everything the sliders reach', () => {
    expect(parseUrlState('?steps=10000&samples=100000').errors).toEqual([]);
    const [steps, samples] = [RACE_RANGES.steps.max, RACE_RANGES.samples.max];
    expect(cappedBatchSize(steps, { size: samples - 1, samples, noise: 1, seed: 1 })).toBeNull();
    const { errors } = parseUrlState(`?steps=${steps}&samples=${samples}&batch=${samples - 1}`);
    expect(errors).toEqual([]);
  });

  it('round-trips a capped link unchanged and without a message', () => {
    const first = parseUrlState('?steps=10000&samples=100000&batch=99999').state;
    const again = parseUrlState(serializeUrlState(first));
    expect(again.errors).toEqual([]);
    expect(again.state.race.batch.size).toBe(2048);
  });

  it('holds in the store too, whichever of steps and batch moves last', () => {
    const store = useRaceStore.getState();
    store.setBatch({ samples: 100_000, size: 99_999 });
    store.setSteps(10_000);
    expect(useRaceStore.getState().batch.size).toBe(2048);
    useRaceStore.getState().setBatch({ size: 50_000 });
    expect(useRaceStore.getState().batch.size).toBe(2048);
    useRaceStore.getState().setSteps(100);
    useRaceStore.getState().setBatch({ size: 50_000 });
    expect(useRaceStore.getState().batch.size).toBe(50_000);
  });
});
