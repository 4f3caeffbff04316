/**
 * The trainability map's page (and widget): what the user chose — the preset it started from,
 * the stack of specs zoomed through (the last is the one shown), the colour mode, the selected
 * and hovered cells — and the map's run as the page sees it (one run abstraction,
 * run/runRecord.ts). The runner (mapRunner.ts) does the I/O; panels only select. Every change of
 * the shown spec starts a run (the worker's latest-wins discipline drops the one before).
 */
import { create } from 'zustand';
import type { MapColourMode } from '../core/map/mapColours';
import { findMapPreset } from '../core/map/mapPresets';
import type { MapResult } from '../core/map/mapResult';
import { parseMapSpec, type MapSpec } from '../core/map/mapSpec';
import { zoomAxis } from '../core/map/mapAxes';
import { defaultSiteLook, type SiteLook } from '../io/siteLook';
import { idleRun, type Run } from './run/runRecord';
import { cancellingRun, startedRun } from './run/runTransitions';

/** A cell by column i (along x) and row j (along y, j = 0 the smallest y). */
export interface MapCell {
  i: number;
  j: number;
}

/** A drag box in fractional cell positions (cell i spans [i, i + 1]), either order. */
export interface MapBox {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

/** A map run: the shared record, and the map once done (null while it computes). */
export type MapRun = Run<{ result: MapResult | null }>;

export const idleMapRun = (): MapRun => ({ ...idleRun(), result: null });

export const DEFAULT_PRESET = 'momentum-bowl';

/** A preset's spec, parsed (the presets are checked by test/state/mapStore.test.ts). */
export function presetSpec(id: string): MapSpec {
  const p = findMapPreset(id);
  if (!p) throw new Error(`no map preset '${id}'`);
  const r = parseMapSpec(p.spec);
  if (!r.ok) throw new Error(`map preset '${id}': ${r.errors.join('; ')}`);
  return r.value;
}

export interface MapState {
  /** The preset the settings started from (the link writes what differs from it). */
  preset: string;
  /** The specs zoomed through, oldest first; never empty; the last is the one shown. */
  crumbs: MapSpec[];
  mode: MapColourMode;
  selected: MapCell | null;
  hovered: MapCell | null;
  run: MapRun;
  /** How the page looks (theme, large type), as every page's link spells it. */
  look: SiteLook;
}

export interface MapActions {
  /** Everything at once (a link): no breadcrumb, and a run of the spec. */
  load(v: { preset: string; spec: MapSpec; mode: MapColourMode; selected: MapCell | null }): void;
  /** A preset's spec as a new start (the breadcrumb and selection cleared). */
  setPreset(id: string): void;
  /** A new spec from the controls: a new start, as a preset. */
  setSpec(spec: MapSpec): void;
  setMode(mode: MapColourMode): void;
  setLook(patch: Partial<SiteLook>): void;
  /** The box's region at the same resolution, pushed on the breadcrumb. */
  zoom(box: MapBox): void;
  /** Back to crumb k (0: where the zooms started), dropping the later ones. */
  back(k: number): void;
  select(cell: MapCell | null): void;
  hover(cell: MapCell | null): void;
  compute(): void;
  cancel(): void;
}

/** The spec shown (and computed). */
export const shownSpec = (s: Pick<MapState, 'crumbs'>): MapSpec => s.crumbs[s.crumbs.length - 1];

/** Whether two specs are the same map (a result comes back from the worker as a copy). */
export const sameSpec = (a: MapSpec, b: MapSpec): boolean =>
  JSON.stringify(a) === JSON.stringify(b);

/** The map of the shown spec, or null while it computes (or failed). */
export const shownResult = (s: Pick<MapState, 'crumbs' | 'run'>): MapResult | null =>
  s.run.result && sameSpec(s.run.result.spec, shownSpec(s)) ? s.run.result : null;

const initialSpec = () => presetSpec(DEFAULT_PRESET);

export const useMapStore = create<MapState & MapActions>()((set, get) => {
  /** A new shown spec: the run restarts for it (the backend stays named meanwhile). */
  const show = (crumbs: MapSpec[], extra: Partial<MapState> = {}) => {
    const { run } = get();
    set({
      crumbs,
      selected: null,
      hovered: null,
      ...extra,
      run: startedRun(idleMapRun(), run, { backend: run.backend, wanted: run.wanted }),
    });
  };
  return {
    preset: DEFAULT_PRESET,
    crumbs: [initialSpec()],
    mode: findMapPreset(DEFAULT_PRESET)!.mode,
    selected: null,
    hovered: null,
    run: idleMapRun(),
    look: defaultSiteLook(),
    load: ({ preset, spec, mode, selected }) => show([spec], { preset, mode, selected }),
    setPreset: (id) => show([presetSpec(id)], { preset: id, mode: findMapPreset(id)!.mode }),
    setSpec: (spec) => show([spec]),
    setMode: (mode) => set({ mode }),
    setLook: (patch) => set({ look: { ...get().look, ...patch } }),
    zoom(box) {
      const s = shownSpec(get());
      const spec = { ...s, x: zoomAxis(s.x, box.x0, box.x1), y: zoomAxis(s.y, box.y0, box.y1) };
      show([...get().crumbs, spec]);
    },
    back(k) {
      const { crumbs } = get();
      if (k < 0 || k >= crumbs.length - 1) return;
      show(crumbs.slice(0, k + 1));
    },
    select: (cell) => set({ selected: cell }),
    hover: (cell) => set({ hovered: cell }),
    compute: () => show(get().crumbs, { selected: get().selected }),
    cancel: () => set({ run: cancellingRun(get().run) }),
  };
});
