/**
 * The landscape page's I/O, driven by the store (one-way: store → runner → store):
 * - the chosen model/view → fetch its shipped slice (`landscapes/<model>[-pca].json`);
 * - recompute() → a worker run, its rows streamed into gpu.coarse / gpu.fine; cancel() → cancel;
 *   retry() (after a lost GPU context) → the same run on WebAssembly;
 * - openH5(file bytes) → readSurfaceH5 → the h5 view (a 1-D file → the "Along a line" panel).
 * The 1D panel's runs have their own runner and worker (lineRunner.ts).
 */
import { parseLandscapeJson } from '../io/landscapeJson';
import { type ModelSharpness, parseSharpnessJson } from '../io/sharpnessJson';
import { readSurfaceExtras, readSurfaceH5, surfaceFileSizeError } from '../io/surfaceFile';
import type { LandscapeClient } from '../worker/landscapeClient';
import type { LandscapeResponse } from '../worker/landscapeProtocol';
import type { SlicePoint } from '../gpu/landscape/slice';
import type { BackendName } from '../gpu/backend';
import {
  useLandscapeStore,
  type GpuState,
  type LandscapeState,
  type ShippedState,
} from './landscapeStore';
import { startRunRunner } from './run/runRunner';
import { modelLabel, modelName, type LandscapeSettings } from './landscapeUrl';
import {
  backendLabel,
  emptyComputedView,
  fromLandscapeJson,
  fromSurfaceGrid,
  viewSummary,
  withRow,
} from './landscapeView';
import { lineFromSurfaceGrid } from './lineView';

/** Points per side of the preview computed before the chosen resolution. */
export const COARSE_RES = 7;

/**
 * Streamed rows reach the store (and the panels) at most this often. On WebAssembly rows of a
 * small-sample grid come many times a second, and a contour and 3D redraw for each one (three.js
 * on SwiftShader is slow) queued up faster than the page drew them, so a Cancel click waited
 * seconds behind them; one redraw per interval bounds the page's work whatever the backend's speed.
 */
export const ROW_FLUSH_MS = 300;

export function shippedFile(s: Pick<LandscapeSettings, 'depth' | 'skip' | 'view'>): string {
  return `${modelName(s)}${s.view === 'pca' ? '-pca' : ''}.json`;
}

export interface RunnerIo {
  /** Parsed JSON of a file under the site's folder, or null when it does not exist. */
  fetchJson(path: string): Promise<unknown | null>;
  /** Absolute URL of the site's folder (for the worker's fetches). */
  baseUrl: string;
  backends: BackendName[];
}

/** The backends left after a lost GPU context: WebAssembly and the CPU. */
export function withoutGpu(backends: readonly BackendName[]): BackendName[] {
  const rest = backends.filter((b) => b !== 'webgl' && b !== 'webgpu');
  return rest.length ? rest : ['wasm', 'cpu'];
}

export function startLandscapeRunner(client: LandscapeClient, io: RunnerIo): () => void {
  const store = useLandscapeStore;
  let shippedToken = 0;

  const loadShipped = async () => {
    const { settings } = store.getState();
    const file = shippedFile(settings);
    const token = ++shippedToken;
    store.setState({
      shipped: { file, status: 'loading', view: null, message: null, sharpness: null, twin: null },
    });
    const title = `${modelLabel(settings)} · ${settings.view === 'pca' ? 'PCA plane of the training trajectory' : 'random filter-normalised directions'}`;
    let next: Omit<ReturnType<typeof store.getState>['shipped'], 'sharpness' | 'twin'>;
    const sharpness = loadSharpness(modelName(settings));
    const twin = loadTwin(settings);
    try {
      const raw = await io.fetchJson(`landscapes/${file}`);
      if (raw === null) {
        next = {
          file,
          status: 'missing',
          view: null,
          message: `No precomputed slice is shipped for ${modelLabel(settings)}${settings.view === 'pca' ? ' (PCA plane)' : ''} yet (landscapes/${file}). Use "Recompute on my GPU" or open a .h5 file.`,
        };
      } else {
        const parsed = parseLandscapeJson(raw);
        next = parsed.ok
          ? { file, status: 'ready', view: fromLandscapeJson(parsed.value, title), message: null }
          : {
              file,
              status: 'error',
              view: null,
              message: `landscapes/${file} is not a valid landscape: ${parsed.errors.join('; ')}`,
            };
      }
    } catch (e) {
      next = {
        file,
        status: 'error',
        view: null,
        message: `Could not load landscapes/${file}: ${(e as Error).message}`,
      };
    }
    const [s, t] = await Promise.all([sharpness, twin]);
    if (token === shippedToken) store.setState({ shipped: { ...next, sharpness: s, twin: t } });
  };

  /** The twin's shipped roughness, or null: like sharpness, optional. */
  const loadTwin = async (settings: LandscapeSettings): Promise<ShippedState['twin']> => {
    const other = { ...settings, skip: !settings.skip };
    try {
      const parsed = parseLandscapeJson(await io.fetchJson(`landscapes/${shippedFile(other)}`));
      // The numbers its own page would show (curvature filled in from the grid where missing).
      const numbers = parsed.ok
        ? (viewSummary(fromLandscapeJson(parsed.value, '')).rough ?? undefined)
        : undefined;
      return numbers ? { label: modelLabel(other), numbers } : null;
    } catch {
      return null;
    }
  };

  /** The model's λ's, or null: the file is optional, so a missing or bad one only hides the number. */
  const loadSharpness = async (model: string): Promise<ModelSharpness | null> => {
    try {
      const parsed = parseSharpnessJson(await io.fetchJson(`models/${model}/sharpness.json`));
      return parsed.ok && parsed.value.model === model ? parsed.value : null;
    } catch {
      return null;
    }
  };

  const patchGpu = (patch: Partial<GpuState>) =>
    store.setState((s) => ({ gpu: { ...s.gpu, ...patch } }));

  // Rows received but not yet in the store (see ROW_FLUSH_MS).
  let rows: { phase: 'coarse' | 'fine'; points: SlicePoint[]; done: number; total: number } | null =
    null;
  let flushTimer: ReturnType<typeof setTimeout> | null = null;
  const flushRows = () => {
    if (flushTimer !== null) clearTimeout(flushTimer);
    flushTimer = null;
    const r = rows;
    rows = null;
    const view = r && store.getState().gpu[r.phase];
    if (r && view) patchGpu({ [r.phase]: withRow(view, r.points), done: r.done, total: r.total });
  };

  /** The recompute's own messages; the shared ones (status, backend, done, …) are the run's. */
  const message = (m: LandscapeResponse): Partial<GpuState> | void => {
    // Anything but a row of the same phase first draws the rows held back.
    if (m.kind !== 'row' || (rows && rows.phase !== m.phase)) flushRows();
    const { gpu, settings } = store.getState();
    const title = `${modelLabel(settings)} · recomputed on ${gpu.backend ? backendLabel(gpu.backend) : 'your device'}${settings.init ? ' (fresh weights, init=1)' : ''}`;
    switch (m.kind) {
      case 'centre':
        return {
          centre: { loss: m.loss, acc: m.acc },
          data: { dataset: m.dataset, split: 'test', samples: m.samples },
          text: `Centre: loss ${m.loss.toFixed(3)}, accuracy ${m.acc.toFixed(1)} % on ${m.samples} test images (${m.params.toLocaleString('en')} parameters)`,
        };
      case 'phase': {
        const view = emptyComputedView(
          m.xs,
          m.ys,
          title,
          `${m.phase === 'coarse' ? `${m.xs.length}×${m.ys.length} preview` : `${m.xs.length}×${m.ys.length} grid`} computed in this browser`,
          {
            centre: gpu.centre,
            data: gpu.data,
            directions: {
              kind: 'random',
              norm: 'filter',
              ignore: 'biasbn',
              orthogonal: settings.orthogonal,
              seed: settings.seed,
            },
          },
        );
        return { phase: m.phase, done: 0, total: m.xs.length * m.ys.length, [m.phase]: view };
      }
      case 'row':
        rows ??= { phase: m.phase, points: [], done: 0, total: 0 };
        rows.points.push(...m.points);
        rows.done = m.done;
        rows.total = m.total;
        flushTimer ??= setTimeout(flushRows, ROW_FLUSH_MS);
        return;
      case 'cancelled':
        return {
          text:
            m.numTensors === null
              ? 'Cancelled: the worker did not answer, so it was replaced; the rows computed so far are kept.'
              : 'Cancelled: the rows computed so far are kept.',
        };
      case 'error':
        return { errorCode: m.code };
    }
  };

  const startRun = (c: LandscapeClient, { settings, shipped, gpu }: LandscapeState) => {
    // The previous run's rows held back are for a grid no longer shown.
    rows = null;
    flushRows();
    // Same extent as the shipped random slice when there is one; Li et al.'s [−1, 1] otherwise.
    const xs = settings.view === 'random' ? shipped.view?.xs : undefined;
    const range: [number, number] =
      xs && xs.length > 1
        ? [Math.min(xs[0], xs[xs.length - 1]), Math.max(xs[0], xs[xs.length - 1])]
        : [-1, 1];
    c.compute({
      model: modelName(settings),
      res: settings.res,
      coarse: COARSE_RES,
      samples: settings.samples,
      seed: settings.seed,
      orthogonal: settings.orthogonal,
      range,
      init: settings.init,
      baseUrl: io.baseUrl,
      backends: gpu.offGpu ? withoutGpu(io.backends) : io.backends,
    });
  };

  void loadShipped();
  const stopRun = startRunRunner(store, {
    select: (s) => s.gpu,
    patch: (s, p) => ({ gpu: { ...s.gpu, ...p } }),
    // The page makes the client (and its Worker) at once, so tfjs starts before the first run.
    makeClient: () => client,
    start: startRun,
    message,
  });
  const unsub = store.subscribe((s, prev) => {
    const a = s.settings,
      b = prev.settings;
    if (a.depth !== b.depth || a.skip !== b.skip || a.view !== b.view) {
      if (s.gpu.status === 'running') client.cancel();
      void loadShipped();
    }
  });
  return () => {
    unsub();
    if (flushTimer !== null) clearTimeout(flushTimer);
    stopRun();
    client.terminate();
  };
}

/**
 * Reads a user's .h5 file and shows it. A bad file's error is shown beside the file input and
 * the panels keep what they showed, a good file opened before it included (errors are shown,
 * never thrown).
 */
export async function openH5(fileName: string, bytes: Uint8Array): Promise<void> {
  const store = useLandscapeStore;
  store.setState((s) => ({ h5: { ...s.h5, attempt: fileName, status: 'reading', error: null } }));
  try {
    const grid = await readSurfaceH5(bytes);
    if (grid.ycoordinates === null) {
      // A 1-D slice: drawn in the "Along a line" panel (opened if closed); the 2-D panels say where it went.
      const extras = await readSurfaceExtras(bytes).catch(() => ({})); // only labels: a bad extra is not fatal
      const file = lineFromSurfaceGrid(grid, fileName, extras);
      const s = store.getState();
      store.setState({
        h5: { fileName, attempt: null, status: 'ready', view: null, line: true, error: null },
        showing: 'h5',
        settings: s.settings.line === 'off' ? { ...s.settings, line: 'interpolation' } : s.settings,
        line: { ...s.line, file, showingFile: true },
      });
      return;
    }
    const view = fromSurfaceGrid(grid, fileName);
    store.setState({
      h5: { fileName, attempt: null, status: 'ready', view, line: false, error: null },
      showing: 'h5',
    });
  } catch (e) {
    failedAttempt(fileName, e);
  }
}

/** The file shown before (if any) stays shown: only the attempt failed. */
function failedAttempt(fileName: string, e: unknown): void {
  useLandscapeStore.setState((s) => ({
    h5: { ...s.h5, attempt: fileName, status: 'error', error: (e as Error).message ?? String(e) },
  }));
}

/**
 * A file the user picked: refused by its size before it is read into memory, and a read that
 * fails (a file removed or unreadable meanwhile) named like a bad file; then `openH5`.
 */
export async function openH5File(file: Pick<File, 'name' | 'size' | 'arrayBuffer'>) {
  let bytes: Uint8Array;
  try {
    const tooBig = surfaceFileSizeError(file.size);
    if (tooBig) throw new Error(tooBig);
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch (e) {
    failedAttempt(file.name, e);
    return;
  }
  await openH5(file.name, bytes);
}
