/**
 * The "Train a small network" panel: its settings (mirrored into the page's link) and its run as
 * the page sees it. The runner (toyRunner.ts) does the I/O; panels only select.
 */
import { create } from 'zustand';
import type { ToyOutcome } from '../gpu/toy/toyExperiment';
import type { ToyLive } from '../worker/toyProtocol';
import { defaultToySettings, type ToySettings } from './toySpec';

export interface ToyRun {
  /** Bumped by train(); the runner starts a run for each new id. */
  runId: number;
  status: 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'error';
  backend: string | null;
  wanted: string | null;
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
  error: string | null;
  /** tf.memory().numTensors in the worker after the run (flat across runs = no leak). */
  numTensors: number | null;
}

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
  runId: 0,
  status: 'idle',
  backend: null,
  wanted: null,
  step: 0,
  steps: 0,
  loss: null,
  live: null,
  sliceDone: 0,
  sliceTotal: 0,
  outcome: null,
  trained: null,
  error: null,
  numTensors: null,
});

export const toyBusy = (r: ToyRun): boolean => r.status === 'running' || r.status === 'cancelling';

export const useToyStore = create<ToyState & ToyActions>()((set, get) => ({
  settings: defaultToySettings(),
  run: idleToyRun(),
  set: (patch) => set({ settings: { ...get().settings, ...patch } }),
  train() {
    const { run, settings } = get();
    set({
      run: {
        ...idleToyRun(),
        runId: run.runId + 1,
        status: 'running',
        steps: settings.toySteps,
        trained: settings,
        backend: run.backend,
        numTensors: run.numTensors,
      },
    });
  },
  cancel() {
    const r = get().run;
    if (r.status === 'running') set({ run: { ...r, status: 'cancelling' } });
  },
}));
