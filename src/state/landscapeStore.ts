import { create } from 'zustand';
import {
  defaultLandscapeLook,
  defaultLandscapeSettings,
  type LandscapeLook,
  type LandscapeSettings,
} from './landscapeUrl';
import type { LandscapeSource, LandscapeView } from './landscapeView';
import type { LineView } from './lineView';
import type { LandscapeErrorCode, LinePath } from '../worker/landscapeProtocol';
import type { ModelSharpness } from '../io/sharpnessJson';
import { idleRun, runBusy, type Run } from './run/runRecord';
import { cancellingRun, startedRun } from './run/runTransitions';

/** The shipped (precomputed) slice of the chosen model and view. */
export interface ShippedState {
  /** `landscapes/<file>` that was asked for. */
  file: string;
  status: 'loading' | 'ready' | 'missing' | 'error';
  view: LandscapeView | null;
  message: string | null;
  /** The shipped model's top Hessian eigenvalues (`models/<name>/sharpness.json`), when shipped. */
  sharpness: ModelSharpness | null;
  /**
   * The twin's shipped roughness (the same depth and view with skip connections toggled), for
   * the sentence that compares the two (core/view/sliceReading); null when not shipped.
   */
  twin: { label: string; numbers: Record<string, number> } | null;
}

/** A "Recompute on my GPU" run as the page sees it: a run (run/runRecord.ts) with its grids. */
export type GpuState = Run<{
  phase: 'coarse' | 'fine' | null;
  coarse: LandscapeView | null;
  fine: LandscapeView | null;
  /** Loss and accuracy (percent, test images) of the unperturbed weights. */
  centre: { loss: number; acc: number } | null;
  data: { dataset: string; split: 'test'; samples: number } | null;
  errorCode: LandscapeErrorCode | null;
  /** A Retry after a lost GPU context: this run skips WebGL (and WebGPU) for WebAssembly. */
  offGpu: boolean;
}>;

export interface H5State {
  /** The file shown (its view or line); a failed attempt after it leaves it shown. */
  fileName: string | null;
  /** The file being read ('reading'), or the one that could not be read ('error'). */
  attempt: string | null;
  status: 'idle' | 'reading' | 'ready' | 'error';
  /** A 2-D file's view; null for a 1-D file (see `line`). */
  view: LandscapeView | null;
  /** True when the file is a 1-D slice, drawn in the "Along a line" panel (LineState.file). */
  line: boolean;
  error: string | null;
}

/** One path's run in the "Along a line" panel: a run (run/runRecord.ts) with its points. */
export type LineRun = Run<{ view: LineView | null }>;

/** The "Along a line" panel (open and path: settings.line). */
export interface LineState {
  /** The newest line run's id (its record's `runId`), bumped by computeLine(). */
  runId: number;
  runPath: LinePath;
  runs: Record<LinePath, LineRun>;
  /** A 1-D .h5 file, and whether the panel shows it rather than the chosen path. */
  file: LineView | null;
  showingFile: boolean;
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
  line: LineState;
}

export interface LandscapeActions {
  /** Change knobs; a new model or view goes back to its shipped slice. */
  set(patch: Partial<LandscapeSettings>): void;
  setLook(patch: Partial<LandscapeLook>): void;
  show(source: LandscapeSource): void;
  recompute(): void;
  /** Runs the recompute again without the GPU (after its context was lost). */
  retry(): void;
  cancel(): void;
  /** Opens the 1D panel on `path` (showing that path, not a file), or closes it ('off'). */
  setLine(path: LandscapeSettings['line']): void;
  /** Shows the 1-D file in the 1D panel (true) or the chosen path (false). */
  showLineFile(on: boolean): void;
  /** Starts a run of the open path (one line run at a time). */
  computeLine(): void;
  cancelLine(): void;
}

export const idleLineRun = (): LineRun => ({ ...idleRun(), view: null });

export const idleLine = (): LineState => ({
  runId: 0,
  runPath: 'interpolation',
  runs: { interpolation: idleLineRun(), random: idleLineRun() },
  file: null,
  showingFile: false,
});

/** True while a line run is under way (whichever path). */
export const lineBusy = (l: LineState): boolean => Object.values(l.runs).some(runBusy);

export const idleGpu = (): GpuState => ({
  ...idleRun(),
  phase: null,
  coarse: null,
  fine: null,
  centre: null,
  data: null,
  errorCode: null,
  offGpu: false,
});

/** A new recompute run (the runner starts it when `runId` changes); the panels show it. */
function startedGpu(g: GpuState, offGpu: boolean): Pick<LandscapeState, 'showing' | 'gpu'> {
  return { showing: 'gpu', gpu: startedRun(idleGpu(), g, { offGpu }) };
}

export function initialLandscapeState(
  settings = defaultLandscapeSettings(),
  look = defaultLandscapeLook(),
): LandscapeState {
  return {
    settings,
    look,
    showing: 'shipped',
    shipped: {
      file: '',
      status: 'loading',
      view: null,
      message: null,
      sharpness: null,
      twin: null,
    },
    gpu: idleGpu(),
    h5: { fileName: null, attempt: null, status: 'idle', view: null, line: false, error: null },
    line: idleLine(),
  };
}

/** The loss-landscape page's one store; the runner (landscapeRunner.ts) does the I/O. */
export const useLandscapeStore = create<LandscapeState & LandscapeActions>()((set, get) => ({
  ...initialLandscapeState(),
  set(patch) {
    const s = get().settings;
    const next = { ...s, ...patch };
    const modelChanged = next.depth !== s.depth || next.skip !== s.skip || next.view !== s.view;
    // Line runs belong to a network: another depth or shortcut choice starts them afresh.
    const netChanged = next.depth !== s.depth || next.skip !== s.skip;
    set({
      settings: next,
      ...(modelChanged ? { showing: 'shipped' as const } : {}),
      ...(netChanged ? { line: { ...get().line, runs: idleLine().runs } } : {}),
    });
  },
  setLook: (patch) => set({ look: { ...get().look, ...patch } }),
  show: (showing) => set({ showing }),
  // Not `recompute(offGpu?)`: the button passes its click event as the first argument.
  recompute: () => set(startedGpu(get().gpu, false)),
  retry: () => set(startedGpu(get().gpu, true)),
  cancel: () => set({ gpu: cancellingRun(get().gpu) }),
  setLine(path) {
    set({
      settings: { ...get().settings, line: path },
      line: { ...get().line, showingFile: false },
    });
  },
  showLineFile: (on) =>
    set({ line: { ...get().line, showingFile: on && get().line.file !== null } }),
  computeLine() {
    const { settings, line } = get();
    if (settings.line === 'off' || lineBusy(line)) return;
    const path = settings.line;
    set({
      line: {
        ...line,
        showingFile: false,
        runId: line.runId + 1,
        runPath: path,
        runs: {
          ...line.runs,
          // Ids count across both paths, so the runner sees each start as new.
          [path]: startedRun(idleLineRun(), { ...line.runs[path], runId: line.runId }),
        },
      },
    });
  },
  cancelLine() {
    const line = get().line;
    const r = line.runs[line.runPath];
    set({ line: { ...line, runs: { ...line.runs, [line.runPath]: cancellingRun(r) } } });
  },
}));
