import { useDocumentLook } from '../hooks/useDocumentLook';
import { PageHeader } from '../site/PageHeader';
import { useMapStore } from '../../state/mapStore';
import { widgetTarget } from '../site/shareTarget';
import { UrlErrors } from '../UrlErrors';
import { MapPresetAndMode, MapRunButtons, MapSettings } from './MapControls';
import { MapFigure, MapRunStatus } from './MapFigure';
import { MapHowTo } from './MapHowTo';
import { SelectedCell } from './SelectedCell';
import './mapPage.css';

/** "Trainability maps": presets and settings, the map, its key and reading, the selected run. */
export function MapApp({ urlErrors }: { urlErrors: readonly string[] }) {
  const look = useMapStore((s) => s.look);
  const setLook = useMapStore((s) => s.setLook);
  useDocumentLook(look);
  return (
    <div className="app map-page">
      <PageHeader
        title="Trainability maps"
        subtitle="Thousands of training runs at once, one per cell: which hyperparameters converge, and how ragged the edge is"
        current="map"
        look={look}
        onLook={setLook}
        share={() => widgetTarget('map', window.location.search, window.location.href)}
      />
      <UrlErrors messages={urlErrors} />
      <main className="layout map-layout">
        <div className="figures">
          <section className="panel map-panel" aria-label="Trainability map">
            <MapFigure large={look.large} />
            <MapRunStatus />
          </section>
          <SelectedCell />
          <MapHowTo />
        </div>
        <div className="controls">
          <section className="card" aria-labelledby="map-what">
            <h2 id="map-what">What to map</h2>
            <MapPresetAndMode />
            <MapRunButtons />
          </section>
          <section className="card" aria-labelledby="map-settings">
            <h2 id="map-settings">Settings</h2>
            <MapSettings />
          </section>
        </div>
      </main>
    </div>
  );
}
