import { beforeEach, describe, expect, it } from 'vitest';
import { OPTIMIZERS } from '../../src/core/optimizers/registry';
import { run } from '../../src/core/trajectory';
import { usePlaybackStore } from '../../src/state/playbackStore';
import { racerConfigs } from '../../src/state/racerConfigs';
import { defaultRaceState, defaultStart, racersOf } from '../../src/state/raceState';
import { useRaceStore } from '../../src/state/raceStore';
import { RACE_SCHEDULES, racerSchedule } from '../../src/state/scheduleDefaults';

beforeEach(() => useRaceStore.getState().replace(defaultRaceState()));

describe('the race store', () => {
  it('keeps at least one racer', () => {
    const { removeRacer, addRacer } = useRaceStore.getState();
    for (const id of ['sgd', 'rmsprop', 'adam', 'adagrad']) removeRacer(id);
    expect(useRaceStore.getState().racers.map((r) => r.key)).toEqual(['adagrad']);
    addRacer('lion');
    expect(useRaceStore.getState().racers.map((r) => r.key)).toEqual(['adagrad', 'lion']);
  });

  it('moves the start to the new surface’s default when the surface changes', () => {
    useRaceStore.getState().setStart([0.5, 0.5]);
    useRaceStore.getState().setSurface('himmelblau');
    expect(useRaceStore.getState().start).toEqual(defaultStart('himmelblau', {}));
  });

  it('clamps the batch size to the number of samples', () => {
    useRaceStore.getState().setBatch({ size: 32 });
    useRaceStore.getState().setBatch({ samples: 16 });
    expect(useRaceStore.getState().batch).toMatchObject({ size: 16, samples: 16 });
  });
});

describe('race defaults', () => {
  it('give every optimizer a valid config whose default race does not diverge', () => {
    const race = {
      ...defaultRaceState(),
      racers: racersOf(
        OPTIMIZERS.map((o) => o.id),
        'rosenbrock',
      ),
    };
    for (const rc of racerConfigs(race)) {
      expect(rc.ok, rc.id).toBe(true);
      if (rc.ok) expect(run(rc.config).divergedAt, rc.id).toBeNull();
    }
  });

  it('derive a valid schedule for every offered schedule, following the steps and each racer’s lr', () => {
    for (const def of RACE_SCHEDULES) {
      const race = { ...defaultRaceState(), schedule: { id: def.id, params: {} } };
      for (const rc of racerConfigs(race))
        expect(rc.ok ? [] : rc.errors, `${def.id}/${rc.id}`).toEqual([]);
    }
    expect(racerSchedule({ id: 'onecycle', params: {} }, 300, 0.1)).toMatchObject({
      type: 'OneCycleLR',
      max_lr: 0.1,
      total_steps: 300,
    });
    expect(racerSchedule({ id: 'cosine', params: { T_max: 50 } }, 300, 0.1)).toEqual({
      type: 'CosineAnnealingLR',
      T_max: 50,
    });
  });
});

describe('playback', () => {
  it('plays from the start when at the end, advances by speed and stops at the end', () => {
    usePlaybackStore.setState({ step: 10, maxStep: 10, playing: false, speed: 4 });
    const p = usePlaybackStore.getState();
    p.play();
    expect(usePlaybackStore.getState()).toMatchObject({ step: 0, playing: true });
    for (let i = 0; i < 5; i++) usePlaybackStore.getState().tick();
    expect(usePlaybackStore.getState()).toMatchObject({ step: 10, playing: false });
  });

  it('keeps showing the whole race when a longer one arrives', () => {
    usePlaybackStore.setState({ step: 300, maxStep: 300, playing: false });
    usePlaybackStore.getState().setMaxStep(500);
    expect(usePlaybackStore.getState().step).toBe(500);
    usePlaybackStore.getState().seek(120);
    usePlaybackStore.getState().setMaxStep(100);
    expect(usePlaybackStore.getState().step).toBe(100);
  });
});
