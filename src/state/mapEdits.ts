/**
 * The map's settings as the raw JSON `parseMapSpec` reads (core/map/mapSpec's `mapSpecToJson`),
 * and the edits the controls and the link make to it. One place decides what a change of kind,
 * surface or optimizer carries along (the page's menus and a link's keys then agree): a new kind
 * starts from that kind's first preset; a new surface drops the old one's parameters and start
 * (its own defaults apply); a new optimizer drops the old one's shared hyperparameters.
 */
import { legalAxes, mapSpecToJson, type MapSpec } from '../core/map/mapSpec';
import { AXES, type MapAxis, type MapAxisKey } from '../core/map/mapAxes';
import { MAP_PRESETS } from '../core/map/mapPresets';
import { presetSpec } from './mapStore';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- untrusted JSON until parseMapSpec
export type MapRaw = Record<string, any>;

/** A deep copy of a spec as raw JSON (edits never touch the spec it came from). */
export const rawOf = (spec: MapSpec): MapRaw => JSON.parse(JSON.stringify(mapSpecToJson(spec)));

/** The raw settings a link's keys are read over: the preset's, or its kind's first preset's. */
export function baseRaw(preset: string, kind?: string): MapRaw {
  const own = rawOf(presetSpec(preset));
  if (!kind || own.kind === kind) return own;
  const first = MAP_PRESETS.find((p) => presetSpec(p.id).kind === kind);
  return first ? rawOf(presetSpec(first.id)) : own;
}

export function withKind(raw: MapRaw, preset: string, kind: string): MapRaw {
  return raw.kind === kind ? raw : baseRaw(preset, kind);
}

export function withSurface(raw: MapRaw, surface: string): MapRaw {
  if (raw.surface === surface) return raw;
  const { surface_params: _p, start: _s, ...rest } = raw;
  return { ...rest, surface };
}

/** A new optimizer; an axis it cannot vary becomes the first one it can that the other axis leaves. */
export function withOptimizer(raw: MapRaw, optimizer: string): MapRaw {
  if (raw.optimizer === optimizer) return raw;
  const legal = legalAxes('surface', optimizer);
  const fix = (a: MapAxis, other: MapAxis): MapAxis =>
    legal.includes(a.key) ? a : axisFor(legal.find((k) => k !== other.key) ?? legal[0], a.n);
  const x = fix(raw.x, raw.y);
  return { ...raw, optimizer, hp: {}, x, y: fix(raw.y, x) };
}

/** A sensible range for an axis of this key (what a menu's new axis starts at). */
export function axisFor(key: MapAxisKey, n: number): MapAxis {
  const ranges: Partial<Record<MapAxisKey, [number, number, boolean]>> = {
    lr: [1e-3, 10, true],
    lr1: [1e-2, 1e2, true],
    lr2: [1e-2, 1e2, true],
    batch: [1, 256, true],
    x0: [-5, 5, false],
    y0: [-5, 5, false],
  };
  const [min, max, log] = ranges[key] ?? [0, 0.999, false];
  return { key, min, max, log, n };
}

/** Axis `which` with its key changed (a new range for the new quantity), or `raw` when legal as is. */
export function withAxisKey(raw: MapRaw, which: 'x' | 'y', key: MapAxisKey): MapRaw {
  if (raw[which]?.key === key) return raw;
  return { ...raw, [which]: axisFor(key, raw[which]?.n ?? 128) };
}

/** "Learning rate (lr)": an axis as a menu names it. */
export const axisName = (key: MapAxisKey): string =>
  AXES[key].label === AXES[key].symbol
    ? AXES[key].label
    : `${AXES[key].label} (${AXES[key].symbol})`;
