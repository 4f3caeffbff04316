import { beforeEach, describe, expect, it } from 'vitest';
import { racerStyle, OKABE_ITO } from '../../src/core/view/palette';
import { racerLabel } from '../../src/core/view/racerLabel';
import { racerConfigs } from '../../src/state/racerConfigs';
import { applySuggestedOneCycle } from '../../src/state/rangeTestRun';
import {
  lowestFreeSlot,
  MAX_RACERS,
  nextRacerKey,
  optimizerOfKey,
  type Racer,
} from '../../src/state/racers';
import { defaultRaceState, raceDefaultsFor, racersOf } from '../../src/state/raceState';
import { useRaceStore } from '../../src/state/raceStore';

const store = () => useRaceStore.getState();
const keys = () => store().racers.map((r) => r.key);
const slots = () => Object.fromEntries(store().racers.map((r) => [r.key, r.color]));

beforeEach(() =>
  store().replace({ ...defaultRaceState(), racers: racersOf(['sgd'], 'rosenbrock') }),
);

describe('racer keys and colour slots', () => {
  it('keys a racer by its optimizer, then -2, -3, … with the smallest free number', () => {
    expect(nextRacerKey('sgd', [])).toBe('sgd');
    expect(nextRacerKey('sgd', [{ key: 'sgd' }, { key: 'sgd-3' }])).toBe('sgd-2');
    expect(nextRacerKey('sgd', [{ key: 'sgd-2' }])).toBe('sgd');
    expect(optimizerOfKey('sgd-12')).toBe('sgd');
    expect(optimizerOfKey('adam')).toBe('adam');
    for (const bad of ['sgd-1', 'sgd-0', 'sgd-02', 'nope', 'sgd-', 'SGD', 'sgd-2-2'])
      expect(optimizerOfKey(bad), bad).toBeNull();
  });

  it('gives a new racer the lowest free slot', () => {
    expect(lowestFreeSlot([{ color: 0 }, { color: 2 }])).toBe(1);
    expect(lowestFreeSlot(Array.from({ length: 16 }, (_, color) => ({ color })))).toBe(0);
  });

  it('draws slots 0–7 in the eight Okabe–Ito colours, solid, and 8–15 in the same, dashed', () => {
    const styles = Array.from({ length: 16 }, (_, s) => racerStyle(s));
    expect(new Set(styles.slice(0, 8).map((s) => s.color)).size).toBe(8);
    expect(styles.slice(0, 8).every((s) => !s.dashed)).toBe(true);
    expect(styles.slice(8).every((s, i) => s.dashed && s.color === OKABE_ITO[i])).toBe(true);
    expect(new Set(styles.map((s) => `${s.color}${s.dashed}`)).size).toBe(16);
  });
});

describe('the race store’s racers', () => {
  it('races one optimizer three times, each racer with its own settings and config', () => {
    store().addRacer('sgd');
    store().addRacer('sgd');
    expect(keys()).toEqual(['sgd', 'sgd-2', 'sgd-3']);
    [0.001, 0.01, 0.1].forEach((lr, i) => store().setHp(keys()[i], 'lr', lr));
    const configs = racerConfigs(store());
    expect(configs.map((c) => c.id)).toEqual(['sgd', 'sgd-2', 'sgd-3']);
    expect(configs.map((c) => c.ok && c.config.optimizer.hp.lr)).toEqual([0.001, 0.01, 0.1]);
  });

  it('keeps every racer’s key and colour when one is added, one removed or one moved', () => {
    for (const id of ['sgd', 'sgd', 'adam']) store().addRacer(id);
    expect(slots()).toEqual({ sgd: 0, 'sgd-2': 1, 'sgd-3': 2, adam: 3 });
    store().removeRacer('sgd-2');
    expect(slots()).toEqual({ sgd: 0, 'sgd-3': 2, adam: 3 });
    store().addRacer('sgd');
    // The freed key and the freed colour go to the newcomer; no one else changes.
    expect(slots()).toEqual({ sgd: 0, 'sgd-3': 2, adam: 3, 'sgd-2': 1 });
    store().moveRacer('adam', 0);
    expect(keys()).toEqual(['adam', 'sgd', 'sgd-3', 'sgd-2']);
    expect(slots()).toEqual({ sgd: 0, 'sgd-3': 2, adam: 3, 'sgd-2': 1 });
  });

  it('duplicates a racer with its settings, next to it, with the next key and a free colour', () => {
    store().addRacer('adam');
    store().setHp('sgd', 'lr', 0.02);
    store().setLookahead('sgd', { k: 5, alpha: 0.5 });
    store().setLabel('sgd', 'mine');
    store().duplicateRacer('sgd');
    expect(keys()).toEqual(['sgd', 'sgd-2', 'adam']);
    const copy = store().racers[1];
    expect(copy).toMatchObject({ optimizer: 'sgd', color: 2, label: null });
    expect(copy.hp.lr).toBe(0.02);
    expect(copy.lookahead).toEqual({ k: 5, alpha: 0.5 });
  });

  it('keeps at most MAX_RACERS and at least one', () => {
    for (let i = 0; i < 20; i++) store().addRacer('adam');
    expect(store().racers).toHaveLength(MAX_RACERS);
    store().duplicateRacer('adam');
    expect(store().racers).toHaveLength(MAX_RACERS);
    for (const k of keys()) store().removeRacer(k);
    expect(keys()).toEqual(['adam-11']);
  });

  it('takes a typed label trimmed, and an empty one as the default', () => {
    store().setLabel('sgd', '  too high  ');
    expect(store().racers[0].label).toBe('too high');
    store().setLabel('sgd', 'x'.repeat(60));
    expect(store().racers[0].label).toHaveLength(40);
    store().setLabel('sgd', '   ');
    expect(store().racers[0].label).toBeNull();
  });

  it('gives a racer its own schedule and batch size, clamped to the samples', () => {
    store().setBatch({ samples: 64 });
    store().setRacerSchedule('sgd', 'cosine');
    store().setRacerBatch('sgd', 500);
    expect(store().racers[0]).toMatchObject({ schedule: { id: 'cosine' }, batch: 64 });
    store().setRacerBatch('sgd', 8);
    const [c] = racerConfigs(store());
    expect(c.ok && c.config.scheduler?.type).toBe('CosineAnnealingLR');
    expect(c.ok && c.config.batch?.size).toBe(8);
    store().setBatch({ samples: 4 });
    expect(store().racers[0].batch).toBe(4);
    store().setRacerSchedule('sgd', null);
    store().setRacerBatch('sgd', null);
    expect(racerConfigs(store())[0]).toMatchObject({ ok: true, config: { scheduler: null } });
  });

  it('puts the range test’s OneCycle on the tested racer’s own schedule, or else on the race’s', () => {
    store().addRacer('sgd');
    store().setRacerSchedule('sgd-2', 'cosine');
    const suggestion = {
      ...{ steepest: null, minimum: null, blowUp: null, range: null },
      maxLr: { lr: 0.0123456, rule: 'test' },
    };
    expect(applySuggestedOneCycle(suggestion, 'sgd-2')).toBe(0.0123);
    expect(store().racers[1].schedule).toEqual({ id: 'onecycle', params: { max_lr: 0.0123 } });
    expect(store().schedule.id).toBe('constant');
    applySuggestedOneCycle(suggestion, 'sgd');
    expect(store().schedule).toEqual({ id: 'onecycle', params: { max_lr: 0.0123 } });
  });

  it('on a new surface resets every racer’s settings to its starting ones, keeping labels and colours', () => {
    store().addRacer('adam');
    store().setHp('adam', 'lr', 0.3);
    store().setLabel('adam', 'fast');
    store().setColor('adam', 9);
    store().setSurface('monkey_saddle');
    const adam = store().racers.find((r) => r.key === 'adam')!;
    expect(adam).toMatchObject({ label: 'fast', color: 9 });
    expect(adam.hp).toEqual(raceDefaultsFor('adam', 'monkey_saddle'));
  });
});

describe('a racer’s default label', () => {
  const sgd = (key: string, hp: Racer['hp'], extra: Partial<Racer> = {}): Racer => ({
    ...racersOf(['sgd'], 'rosenbrock')[0],
    key,
    ...extra,
    hp: { ...raceDefaultsFor('sgd'), ...hp },
  });
  const labels = (racers: Racer[]) => racers.map((r) => racerLabel(r, racers));

  it('is the optimizer’s name when it races alone', () => {
    expect(labels([sgd('sgd', {})])).toEqual(['SGD']);
    expect(labels([sgd('sgd', {}, { lookahead: { k: 5, alpha: 0.5 } })])).toEqual([
      'Lookahead SGD',
    ]);
  });

  it('names what differs from the other racers of the same optimizer', () => {
    expect(
      labels([sgd('sgd', { lr: 0.001 }), sgd('sgd-2', { lr: 0.01 }), sgd('sgd-3', { lr: 0.1 })]),
    ).toEqual(['SGD, lr 0.001', 'SGD, lr 0.01', 'SGD, lr 0.1']);
    expect(labels([sgd('sgd', { momentum: 0 }), sgd('sgd-2', { momentum: 0.9 })])).toEqual([
      'SGD',
      'SGD + momentum 0.9',
    ]);
    expect(labels([sgd('sgd', { nesterov: true }), sgd('sgd-2', {})])).toEqual([
      'SGD, Nesterov',
      'SGD',
    ]);
    expect(labels([sgd('sgd', {}), sgd('sgd-2', {}, { batch: 8 })])).toEqual([
      'SGD',
      'SGD, batch 8',
    ]);
  });

  it('says Lookahead in the name, and its k and α only where two Lookaheads differ', () => {
    const la = (k: number) => ({ lookahead: { k, alpha: 0.5 } });
    expect(labels([sgd('sgd', {}, la(5)), sgd('sgd-2', {})])).toEqual(['Lookahead SGD', 'SGD']);
    expect(labels([sgd('sgd', {}, la(5)), sgd('sgd-2', {}, la(10))])).toEqual([
      'Lookahead SGD, k 5, α 0.5',
      'Lookahead SGD, k 10, α 0.5',
    ]);
  });

  it('numbers identical twins by their keys', () => {
    expect(labels([sgd('sgd', {}), sgd('sgd-2', {})])).toEqual(['SGD #1', 'SGD #2']);
  });
});
