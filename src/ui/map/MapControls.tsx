import { useState, type KeyboardEvent } from 'react';
import { MAP_COLOUR_MODES, type MapColourMode } from '../../core/map/mapColours';
import { MAP_PRESETS, findMapPreset } from '../../core/map/mapPresets';
import {
  legalAxes,
  MAP_LIMITS,
  MAP_SURFACES,
  mapOptimizerIds,
  parseMapSpec,
} from '../../core/map/mapSpec';
import type { MapAxisKey } from '../../core/map/mapAxes';
import { findOptimizer } from '../../core/optimizers/registry';
import { SURFACES } from '../../core/surfaces/registry';
import {
  axisName,
  rawOf,
  withAxisKey,
  withKind,
  withOptimizer,
  withSurface,
  type MapRaw,
} from '../../state/mapEdits';
import { shownSpec, useMapStore } from '../../state/mapStore';
import { runBusy } from '../../state/run/runRecord';
import { RunButtons } from '../run/RunButtons';

/** The colour modes as the menu names them. */
export const MODE_LABELS: Record<MapColourMode, string> = {
  status: 'Converged / diverged (paper’s colours)',
  loss: 'Final loss (log)',
  steps: 'Steps to reach the tolerance',
};

/** A number committed on Enter or when focus leaves (a keystroke never starts a run). */
function NumberField(props: {
  label: string;
  value: number;
  onCommit(v: number): void;
  step?: string;
  min?: number;
  max?: number;
}) {
  const commit = (raw: string) => {
    const v = Number(raw);
    if (raw.trim() !== '' && v !== props.value) props.onCommit(v);
  };
  return (
    <label className="map-field">
      <span>{props.label}</span>
      <input
        key={props.value}
        type="number"
        defaultValue={props.value}
        step={props.step ?? 'any'}
        min={props.min}
        max={props.max}
        onBlur={(e) => commit(e.currentTarget.value)}
        onKeyDown={(e: KeyboardEvent<HTMLInputElement>) => {
          if (e.key === 'Enter') commit(e.currentTarget.value);
        }}
      />
    </label>
  );
}

/** The preset menu and its blurb, and the colour mode (the widget's compact controls too). */
export function MapPresetAndMode({ hidePreset = false, hideMode = false }) {
  const preset = useMapStore((s) => s.preset);
  const mode = useMapStore((s) => s.mode);
  const { setPreset, setMode } = useMapStore.getState();
  return (
    <>
      {!hidePreset && (
        <div className="map-preset">
          <label className="map-field">
            <span>Preset</span>
            <select value={preset} onChange={(e) => setPreset(e.target.value)}>
              {MAP_PRESETS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </label>
          <p className="explain" data-map-blurb={preset}>
            {findMapPreset(preset)?.blurb}
          </p>
        </div>
      )}
      {!hideMode && (
        <label className="map-field">
          <span>Colour</span>
          <select value={mode} onChange={(e) => setMode(e.target.value as MapColourMode)}>
            {MAP_COLOUR_MODES.map((m) => (
              <option key={m} value={m}>
                {MODE_LABELS[m]}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

/** Compute and Cancel of the map's run. */
export function MapRunButtons() {
  const run = useMapStore((s) => s.run);
  const { compute, cancel } = useMapStore.getState();
  return (
    <RunButtons
      label="Compute"
      onStart={compute}
      busy={runBusy(run)}
      onCancel={cancel}
      status={run.status}
    />
  );
}

/**
 * What the map trains: kind, surface, optimizer, each axis (quantity, range, scale, cells), steps
 * and tolerance. Each edit is parsed as a whole spec (core/map/mapSpec); a refused one is named
 * here and the map keeps the last good settings.
 */
export function MapSettings() {
  const spec = useMapStore(shownSpec);
  const preset = useMapStore((s) => s.preset);
  const [errors, setErrors] = useState<string[]>([]);
  const raw = rawOf(spec);
  const apply = (next: MapRaw) => {
    const r = parseMapSpec(next);
    if (!r.ok) return setErrors(r.errors);
    setErrors([]);
    useMapStore.getState().setSpec(r.value);
  };
  const legal = legalAxes(spec.kind, spec.kind === 'surface' ? spec.optimizer : undefined);
  const axis = (which: 'x' | 'y') => {
    const a = spec[which];
    const set = (patch: Partial<MapRaw>) => apply({ ...raw, [which]: { ...raw[which], ...patch } });
    return (
      <fieldset className="map-axis" key={which}>
        <legend>{which === 'x' ? 'Across (x)' : 'Up (y)'}</legend>
        <label className="map-field">
          <span>Quantity</span>
          <select
            value={a.key}
            onChange={(e) => apply(withAxisKey(raw, which, e.target.value as MapAxisKey))}
          >
            {legal.map((k) => (
              <option key={k} value={k}>
                {axisName(k)}
              </option>
            ))}
          </select>
        </label>
        <NumberField label="From" value={a.min} onCommit={(min) => set({ min })} />
        <NumberField label="To" value={a.max} onCommit={(max) => set({ max })} />
        <NumberField
          label="Cells"
          value={a.n}
          step="1"
          min={2}
          max={MAP_LIMITS.maxCells}
          onCommit={(n) => set({ n })}
        />
        <label className="map-check">
          <input type="checkbox" checked={a.log} onChange={(e) => set({ log: e.target.checked })} />
          Log scale
        </label>
      </fieldset>
    );
  };
  return (
    <div className="map-settings">
      <label className="map-field">
        <span>Runs</span>
        <select value={spec.kind} onChange={(e) => apply(withKind(raw, preset, e.target.value))}>
          <option value="surface">An optimizer on a surface</option>
          <option value="mlp">A small network (per-layer learning rates)</option>
        </select>
      </label>
      {spec.kind === 'surface' && (
        <>
          <label className="map-field">
            <span>Surface</span>
            <select value={spec.surface} onChange={(e) => apply(withSurface(raw, e.target.value))}>
              {MAP_SURFACES.map((id) => (
                <option key={id} value={id}>
                  {SURFACES.find((s) => s.id === id)?.name ?? id}
                </option>
              ))}
            </select>
          </label>
          <label className="map-field">
            <span>Optimizer</span>
            <select
              value={spec.optimizer}
              onChange={(e) => apply(withOptimizer(raw, e.target.value))}
            >
              {mapOptimizerIds().map((id) => (
                <option key={id} value={id}>
                  {findOptimizer(id)?.type ?? id}
                </option>
              ))}
            </select>
          </label>
        </>
      )}
      {axis('x')}
      {axis('y')}
      <NumberField
        label="Steps per run"
        value={spec.steps}
        step="1"
        min={1}
        max={MAP_LIMITS.maxSteps}
        onCommit={(steps) => apply({ ...raw, steps })}
      />
      <NumberField
        label="Tolerance (converged below)"
        value={spec.tol}
        onCommit={(tol) => apply({ ...raw, tol })}
      />
      {errors.length > 0 && (
        <ul className="ls-error map-errors" role="alert">
          {errors.map((e) => (
            <li key={e}>{e}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
