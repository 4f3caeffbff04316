import { create } from 'zustand';
import type { HpValue } from '../core/optimizers/optimizerSpec';
import type { LookaheadHp } from '../core/optimizers/lookahead';
import {
  cappedBatchSize,
  defaultRaceState,
  defaultStart,
  defaultSurfaceParams,
  newRacer,
  raceDefaultsFor,
  raceStepsFor,
  type RaceState,
} from './raceState';
import { rescaleLrs } from './batchRule';
import { cleanLabel, lowestFreeSlot, MAX_RACERS, type Racer } from './racers';

export interface RaceActions {
  /** A new surface: its knobs, start and steps, and every racer's hp from its starting settings. */
  setSurface(id: string): void;
  setSurfaceParam(key: string, value: number): void;
  /** Adds a racer of this optimizer with the surface's starting settings (up to MAX_RACERS). */
  addRacer(optimizer: string): void;
  /** Adds a copy of the racer (its settings, the next key, a free colour) right after it. */
  duplicateRacer(key: string): void;
  /** Removes the racer (the last one stays); no other racer's key or colour changes. */
  removeRacer(key: string): void;
  /** Moves the racer to position `to` in the legend. */
  moveRacer(key: string, to: number): void;
  setHp(key: string, hpKey: string, value: HpValue): void;
  /** Races the racer inside Lookahead with these k and α, or (null) without. */
  setLookahead(key: string, la: LookaheadHp | null): void;
  /** A label the user typed; '' (or only spaces) goes back to the derived default. */
  setLabel(key: string, text: string): void;
  setColor(key: string, slot: number): void;
  /** The racer's own schedule (its id; params derived), or null for the race's. */
  setRacerSchedule(key: string, id: string | null): void;
  /** A keyword of the racer's own schedule (undefined: derived again); no-op without one. */
  setRacerScheduleParam(key: string, param: string, value: unknown): void;
  /** The racer's own batch size (clamped to the samples), or null for the race's. */
  setRacerBatch(key: string, size: number | null): void;
  setStart(xy: [number, number]): void;
  setSteps(steps: number): void;
  setBatch(patch: Partial<RaceState['batch']>): void;
  setSchedule(id: string): void;
  setScheduleParam(key: string, value: unknown): void;
  /** Replaces the whole state (a parsed link). */
  replace(state: RaceState): void;
}

/** A racer's batch size within the samples and the steps × batch cap. */
function fitBatch(size: number, steps: number, batch: RaceState['batch']): number {
  const b = { ...batch, size: Math.max(1, Math.min(Math.round(size), batch.samples)) };
  return cappedBatchSize(steps, b) ?? b.size;
}

/** What the race computes. Every change here triggers a recomputation (see raceRunner). */
export const useRaceStore = create<RaceState & RaceActions>()((set, get) => {
  const update = (key: string, patch: (r: Racer) => Partial<Racer>) =>
    set({ racers: get().racers.map((r) => (r.key === key ? { ...r, ...patch(r) } : r)) });
  /** Racers' own batch sizes refitted to a new shared batch or step count. */
  const refit = (steps: number, batch: RaceState['batch']) =>
    get().racers.map((r) =>
      r.batch === null ? r : { ...r, batch: fitBatch(r.batch, steps, batch) },
    );
  return {
    ...defaultRaceState(),
    setSurface(id) {
      const surfaceParams = defaultSurfaceParams(id);
      const racers = get().racers.map((r) => ({ ...r, hp: raceDefaultsFor(r.optimizer, id) }));
      const steps = raceStepsFor(id);
      set({ surface: id, surfaceParams, start: defaultStart(id, surfaceParams), racers });
      if (steps !== get().steps) get().setSteps(steps);
    },
    setSurfaceParam(key, value) {
      const surfaceParams = { ...get().surfaceParams, [key]: value };
      set({ surfaceParams });
    },
    addRacer(optimizer) {
      const { racers, surface } = get();
      if (racers.length >= MAX_RACERS) return;
      set({ racers: [...racers, newRacer(optimizer, surface, racers, lowestFreeSlot(racers))] });
    },
    duplicateRacer(key) {
      const { racers, surface } = get();
      const i = racers.findIndex((r) => r.key === key);
      if (i < 0 || racers.length >= MAX_RACERS) return;
      const src = racers[i];
      const fresh = newRacer(src.optimizer, surface, racers, lowestFreeSlot(racers));
      const copy: Racer = { ...src, key: fresh.key, color: fresh.color, label: null };
      set({ racers: [...racers.slice(0, i + 1), copy, ...racers.slice(i + 1)] });
    },
    removeRacer(key) {
      const racers = get().racers;
      if (racers.length > 1) set({ racers: racers.filter((r) => r.key !== key) });
    },
    moveRacer(key, to) {
      const racers = get().racers.slice();
      const i = racers.findIndex((r) => r.key === key);
      if (i < 0) return;
      const [r] = racers.splice(i, 1);
      racers.splice(Math.max(0, Math.min(to, racers.length)), 0, r);
      set({ racers });
    },
    setHp: (key, hpKey, value) => update(key, (r) => ({ hp: { ...r.hp, [hpKey]: value } })),
    setLookahead: (key, la) => update(key, () => ({ lookahead: la })),
    setLabel: (key, text) => update(key, () => ({ label: cleanLabel(text) })),
    setColor: (key, slot) => update(key, () => ({ color: slot })),
    setRacerSchedule: (key, id) =>
      update(key, () => ({ schedule: id ? { id, params: {} } : null })),
    setRacerScheduleParam: (key, param, value) =>
      update(key, (r) => {
        if (!r.schedule) return {};
        const params = { ...r.schedule.params, [param]: value };
        if (value === undefined) delete params[param];
        return { schedule: { id: r.schedule.id, params } };
      }),
    setRacerBatch: (key, size) =>
      update(key, () => ({
        batch: size === null ? null : fitBatch(size, get().steps, get().batch),
      })),
    setStart: (start) => set({ start }),
    setSteps: (steps) => {
      const size = cappedBatchSize(steps, get().batch);
      const batch = size === null ? get().batch : { ...get().batch, size };
      const racers = rescaleLrs(refit(steps, batch), get().batch.size, batch.size, batch.scaling);
      set({ steps, batch, racers });
    },
    setBatch: (patch) => {
      const batch = { ...get().batch, ...patch };
      batch.size = Math.min(batch.size, batch.samples);
      batch.size = cappedBatchSize(get().steps, batch) ?? batch.size;
      const refitted = refit(get().steps, batch);
      // With a scaling rule on, the lr follows the batch slider (batchRule.ts).
      const racers = rescaleLrs(refitted, get().batch.size, batch.size, batch.scaling);
      set({ batch, racers });
    },
    setSchedule: (id) => set({ schedule: { id, params: {} } }),
    setScheduleParam(key, value) {
      const s = get().schedule;
      const params = { ...s.params };
      if (value === undefined) delete params[key];
      else params[key] = value;
      set({ schedule: { id: s.id, params } });
    },
    replace: (state) => set(state),
  };
});

/** The plain state (no actions), e.g. for the URL codec. */
export function raceSnapshot(): RaceState {
  const { surface, surfaceParams, racers, start, steps, batch, schedule } = useRaceStore.getState();
  return { surface, surfaceParams, racers, start, steps, batch, schedule };
}

/** The racer with this key in the store, or undefined. */
export const racerByKey = (key: string): Racer | undefined =>
  useRaceStore.getState().racers.find((r) => r.key === key);
