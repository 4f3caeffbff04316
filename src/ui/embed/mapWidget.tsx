/**
 * The map family of `embed.html`'s widgets (`map`): the trainability map in the state its link
 * gives (state/mapUrl.ts), computed in its own worker, driven through a `WidgetController` in
 * the map page's link vocabulary. The page's history writer is not started: an embed's address
 * is its author's, and `state` events carry the settings instead.
 */
import { StrictMode } from 'react';
import { useDocumentLook } from '../hooks/useDocumentLook';
import { createRoot } from 'react-dom/client';
import { startMapRunner } from '../../state/mapRunner';
import { useMapStore } from '../../state/mapStore';
import { currentMapQuery, holdsChanged, loadMapUrl } from '../../state/mapUrlSync';
import { runBusy } from '../../state/run/runRecord';
import { MapClient, mapWorkerPort } from '../../worker/mapClient';
import { MapPresetAndMode, MapRunButtons, MapSettings } from '../map/MapControls';
import { MapFigure, MapRunStatus } from '../map/MapFigure';
import { SelectedCell } from '../map/SelectedCell';
import '../landscape/landscape.css';
import '../map/mapPage.css';
import type { EmbedOptions, WidgetController, WidgetEvent } from './controller';
import { addEmbedNotices } from './embedNotices';
import { mapLinkParams, setMapLinkParams } from './mapLink';

/** The map widget: the figure, its run, the selected run; compact or full controls beside. */
function MapWidget({ options }: { options: EmbedOptions }) {
  const look = useMapStore((s) => s.look);
  useDocumentLook(look);
  const hide = (name: string) => options.hidden.has(name);
  return (
    <div className="mw" data-widget="map">
      {options.controls === 'compact' && (
        <div className="mw-controls">
          <MapPresetAndMode hidePreset={hide('preset')} hideMode={hide('mode')} />
          {!hide('compute') && <MapRunButtons />}
        </div>
      )}
      {options.controls === 'full' && (
        <div className="mw-controls">
          <MapPresetAndMode />
          <MapRunButtons />
          <MapSettings />
        </div>
      )}
      <MapFigure large={look.large} />
      <MapRunStatus />
      <SelectedCell />
    </div>
  );
}

export function mountMapWidget(
  root: HTMLElement,
  kind: string,
  pageQuery: string,
  options: EmbedOptions,
): WidgetController {
  // The runner first: loading the link starts the map's run.
  startMapRunner(() => new MapClient(mapWorkerPort()));
  addEmbedNotices(loadMapUrl(pageQuery));
  // The embed's own theme and large type win (they read the same keys of the link).
  useMapStore.getState().setLook({ theme: options.theme, large: options.large });

  const listeners = new Set<(e: WidgetEvent) => void>();
  const emit = (e: WidgetEvent) => listeners.forEach((l) => l(e));
  let last = currentMapQuery();
  useMapStore.subscribe((s, prev) => {
    const q = holdsChanged(s, prev) ? currentMapQuery() : last;
    if (q !== last) {
      last = q;
      emit({ type: 'state', params: Object.fromEntries(new URLSearchParams(q)) });
    }
    if (s.run.status === 'done' && prev.run.status !== 'done') emit({ type: 'done' });
  });

  createRoot(root).render(
    <StrictMode>
      <MapWidget options={options} />
    </StrictMode>,
  );

  return {
    widget: kind,
    play: () => {
      if (!runBusy(useMapStore.getState().run)) useMapStore.getState().compute();
    },
    pause: () => useMapStore.getState().cancel(),
    get: mapLinkParams,
    set: setMapLinkParams,
    subscribe(listener) {
      listeners.add(listener);
      if (useMapStore.getState().run.status === 'done')
        queueMicrotask(() => listeners.has(listener) && listener({ type: 'done' }));
      return () => listeners.delete(listener);
    },
  };
}
