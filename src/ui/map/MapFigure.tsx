import { shownResult, shownSpec, useMapStore } from '../../state/mapStore';
import { runBusy } from '../../state/run/runRecord';
import { RunStatus } from '../run/RunStatus';
import { MapBreadcrumb } from './MapBreadcrumb';
import { MapCanvas } from './MapCanvas';
import { MapCounts, MapLegend, MapReadout } from './MapKey';

/** The map's run: the backend and why, progress in runs, what it is doing, an error. */
export function MapRunStatus() {
  const run = useMapStore((s) => s.run);
  const cells = useMapStore((s) => shownSpec(s).x.n * shownSpec(s).y.n);
  const steps = useMapStore((s) => shownSpec(s).steps);
  const busy = runBusy(run);
  // Progress comes in run-steps; a person counts runs.
  const runsDone = run.total > 0 ? Math.floor((run.done / run.total) * cells) : 0;
  return (
    <RunStatus
      run={run}
      verbs={['Computing', 'Computed']}
      backendKey="data-map-backend"
      withBackendId
      progress={
        busy
          ? {
              label: 'Map progress',
              done: run.done,
              total: run.total,
              caption: `${Math.round((100 * run.done) / (run.total || 1))} % of ${cells.toLocaleString('en-US')} runs × ${steps} steps`,
            }
          : null
      }
      textHooks={{ 'data-map-status': run.status, 'data-map-runs': runsDone }}
    />
  );
}

/**
 * The map as the page and the widget show it: the breadcrumb of zooms, the map (hover reads a
 * cell, a click selects it, a dragged box zooms), its colour key, the counts and the hovered
 * cell's values and outcome.
 */
export function MapFigure({ large = false, maxPlot }: { large?: boolean; maxPlot?: number }) {
  const spec = useMapStore(shownSpec);
  const result = useMapStore(shownResult);
  const mode = useMapStore((s) => s.mode);
  const selected = useMapStore((s) => s.selected);
  const run = useMapStore((s) => s.run);
  const { hover, select, zoom } = useMapStore.getState();
  return (
    <div className="map-figure" data-map-ready={result ? 'true' : 'false'}>
      <MapBreadcrumb />
      <MapCanvas
        spec={spec}
        result={result}
        mode={mode}
        selected={selected}
        onHover={hover}
        onSelect={(i, j) => select({ i, j })}
        onZoom={zoom}
        progress={runBusy(run) ? { done: run.done, total: run.total } : null}
        large={large}
        maxPlot={maxPlot}
      />
      <MapReadout />
      <MapCounts />
      <MapLegend />
    </div>
  );
}
