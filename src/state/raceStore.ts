import { create } from 'zustand';
import type { HpValue } from '../core/optimizers/optimizerSpec';
import type { LookaheadHp } from '../core/optimizers/lookahead';
import {
  cappedBatchSize,
  defaultRaceState,
  defaultStart,
  defaultSurfaceParams,
  type RaceState,
} from './raceState';

export interface RaceActions {
  setSurface(id: string): void;
  setSurfaceParam(key: string, value: number): void;
  /** Adds the optimizer to the race, or removes it (the last racer stays). */
  toggleOptimizer(id: string): void;
  setHp(optId: string, key: string, value: HpValue): void;
  /** Races the optimizer inside Lookahead with these k and α, or (null) without. */
  setLookahead(optId: string, la: LookaheadHp | null): void;
  setStart(xy: [number, number]): void;
  setSteps(steps: number): void;
  setBatch(patch: Partial<RaceState['batch']>): void;
  setSchedule(id: string): void;
  setScheduleParam(key: string, value: unknown): void;
  /** Replaces the whole state (a parsed link). */
  replace(state: RaceState): void;
}

/** What the race computes. Every change here triggers a recomputation (see raceRunner). */
export const useRaceStore = create<RaceState & RaceActions>()((set, get) => ({
  ...defaultRaceState(),
  setSurface(id) {
    const surfaceParams = defaultSurfaceParams(id);
    set({ surface: id, surfaceParams, start: defaultStart(id, surfaceParams) });
  },
  setSurfaceParam(key, value) {
    const surfaceParams = { ...get().surfaceParams, [key]: value };
    set({ surfaceParams });
  },
  toggleOptimizer(id) {
    const cur = get().optimizers;
    if (cur.includes(id)) {
      if (cur.length > 1) set({ optimizers: cur.filter((o) => o !== id) });
    } else set({ optimizers: [...cur, id] });
  },
  setHp(optId, key, value) {
    const hp = get().hp;
    set({ hp: { ...hp, [optId]: { ...hp[optId], [key]: value } } });
  },
  setLookahead(optId, la) {
    const { [optId]: _old, ...rest } = get().lookahead;
    set({ lookahead: la ? { ...rest, [optId]: la } : rest });
  },
  setStart: (start) => set({ start }),
  setSteps: (steps) => {
    const size = cappedBatchSize(steps, get().batch);
    set(size === null ? { steps } : { steps, batch: { ...get().batch, size } });
  },
  setBatch: (patch) => {
    const batch = { ...get().batch, ...patch };
    batch.size = Math.min(batch.size, batch.samples);
    batch.size = cappedBatchSize(get().steps, batch) ?? batch.size;
    set({ batch });
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
}));

/** The plain state (no actions), e.g. for the URL codec. */
export function raceSnapshot(): RaceState {
  const { surface, surfaceParams, optimizers, hp, lookahead, start, steps, batch, schedule } =
    useRaceStore.getState();
  return { surface, surfaceParams, optimizers, hp, lookahead, start, steps, batch, schedule };
}
