/**
 * The "Train a small network" panel: its settings (mirrored into the page's link) and its run as
 * the page sees it. The runner (toyRunner.ts) does the I/O; panels only select.
 */
import { create } from 'zustand';
import type { ToyOutcome } from '../gpu/toy/toyExperiment';
import type { ToyLive } from '../worker/toyProtocol';
import { defaultToySettings, type ToySettings } from './toySpec';
import { idleRun, runBusy, type Run } from './run/runRecord';
import { cancellingRun, startedRun } from './run/runTransitions';

/**
 * A training run as the page sees it: a run (run/runRecord.ts; its status line is
 * toyView's toyProgressText, its own `done`/`total` unused) with training's and the slice's progress.
 */
export type ToyRun = Run<{
  /** Training progress: steps done of steps, and the latest batch loss. */
  step: number;
  steps: number;
  loss: number | null;
  /** The run so far (data, curve, decision map), drawn while it trains; null before the first step. */
  live: ToyLive | null;
  /** Slice progress: points done of total. */
  sliceDone: number;
  sliceTotal: number;
  outcome: ToyOutcome | null;
  /** The settings the outcome was trained with (the knobs may have moved since). */
  trained: ToySettings | null;
}>;

export interface ToyState {
  settings: ToySettings;
  run: ToyRun;
}

export interface ToyActions {
  set(patch: Partial<ToySettings>): void;
  train(): void;
  cancel(): void;
}

export const idleToyRun = (): ToyRun => ({
  ...idleRun(),
  step: 0,
  steps: 0,
  loss: null,
  live: null,
  sliceDone: 0,
  sliceTotal: 0,
  outcome: null,
  trained: null,
});

export const toyBusy = (r: ToyRun): boolean => runBusy(r);

export const useToyStore = create<ToyState & ToyActions>()((set, get) => ({
  settings: defaultToySettings(),
  run: idleToyRun(),
  set: (patch) => set({ settings: { ...get().settings, ...patch } }),
  train() {
    const { run, settings } = get();
    // The backend stays named while the next run starts (the worker keeps it).
    const patch = { steps: settings.toySteps, trained: settings, backend: run.backend };
    set({ run: startedRun(idleToyRun(), run, patch) });
  },
  cancel: () => set({ run: cancellingRun(get().run) }),
}));
