import { create } from 'zustand';
import { defaultLandscapeLook, defaultLandscapeSettings, type LandscapeLook, type LandscapeSettings } from './landscapeUrl';
import type { LandscapeSource, LandscapeView } from './landscapeView';

/** The shipped (precomputed) slice of the chosen model and view. */
export interface ShippedState {
  /** `landscapes/<file>` that was asked for. */
  file: string;
  status: 'loading' | 'ready' | 'missing' | 'error';
  view: LandscapeView | null;
  message: string | null;
}

/** A "Recompute on my GPU" run as the page sees it. */
export interface GpuState {
  /** Bumped by recompute(); the runner starts a run for each new id. */
  runId: number;
  status: 'idle' | 'running' | 'cancelling' | 'done' | 'cancelled' | 'error';
  /** What it is doing now ("Loading weights…"). */
  text: string;
  backend: string | null;
  /** First backend asked for; differs from `backend` after a fallback. */
  wanted: string | null;
  phase: 'coarse' | 'fine' | null;
  done: number;
  total: number;
  coarse: LandscapeView | null;
  fine: LandscapeView | null;
  /** Loss and accuracy (percent, test images) of the unperturbed weights. */
  centre: { loss: number; acc: number } | null;
  data: { dataset: string; split: 'test'; samples: number } | null;
  error: string | null;
  errorCode: 'no-weights' | 'error' | null;
  seconds: number | null;
  /** tf.memory().numTensors in the worker after the run (flat across runs = no leak). */
  numTensors: number | null;
}

export interface H5State {
  fileName: string | null;
  status: 'idle' | 'reading' | 'ready' | 'error';
  view: LandscapeView | null;
  error: string | null;
}

export interface LandscapeState {
  settings: LandscapeSettings;
  /** Theme and large type: how the page looks, never what it computes. */
  look: LandscapeLook;
  /** Which source the panels draw. */
  showing: LandscapeSource;
  shipped: ShippedState;
  gpu: GpuState;
  h5: H5State;
}

export interface LandscapeActions {
  /** Change knobs; a new model or view goes back to its shipped slice. */
  set(patch: Partial<LandscapeSettings>): void;
  setLook(patch: Partial<LandscapeLook>): void;
  show(source: LandscapeSource): void;
  recompute(): void;
  cancel(): void;
}

export const idleGpu = (): GpuState => ({
  runId: 0, status: 'idle', text: '', backend: null, wanted: null, phase: null, done: 0, total: 0,
  coarse: null, fine: null, centre: null, data: null, error: null, errorCode: null, seconds: null, numTensors: null,
});

export function initialLandscapeState(settings = defaultLandscapeSettings(), look = defaultLandscapeLook()): LandscapeState {
  return {
    settings,
    look,
    showing: 'shipped',
    shipped: { file: '', status: 'loading', view: null, message: null },
    gpu: idleGpu(),
    h5: { fileName: null, status: 'idle', view: null, error: null },
  };
}

/** The loss-landscape page's one store; the runner (landscapeRunner.ts) does the I/O. */
export const useLandscapeStore = create<LandscapeState & LandscapeActions>()((set, get) => ({
  ...initialLandscapeState(),
  set(patch) {
    const s = get().settings;
    const next = { ...s, ...patch };
    const modelChanged = next.depth !== s.depth || next.skip !== s.skip || next.view !== s.view;
    set({ settings: next, ...(modelChanged ? { showing: 'shipped' as const } : {}) });
  },
  setLook: (patch) => set({ look: { ...get().look, ...patch } }),
  show: (showing) => set({ showing }),
  recompute() {
    const g = get().gpu;
    set({ showing: 'gpu', gpu: { ...idleGpu(), runId: g.runId + 1, status: 'running', text: 'Starting…', numTensors: g.numTensors } });
  },
  cancel() {
    const g = get().gpu;
    if (g.status === 'running') set({ gpu: { ...g, status: 'cancelling', text: 'Cancelling…' } });
  },
}));
