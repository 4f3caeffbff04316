import { useEffect } from 'react';
import { useMapStore } from '../../state/mapStore';
import { LargeTypeButton, ThemeButton } from '../controls/LookButtons';
import { CopyLink } from '../CopyLink';
import { ShareButton } from '../site/ShareDialog';
import { widgetTarget } from '../site/shareTarget';
import { SiteNav } from '../site/SiteNav';
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
  useEffect(() => {
    document.documentElement.dataset.theme = look.theme;
    document.documentElement.classList.toggle('large', look.large);
  }, [look.theme, look.large]);
  return (
    <div className="app map-page">
      <header className="app-header">
        <div className="title">
          <h1>Trainability maps</h1>
          <p className="subtitle">
            Thousands of training runs at once, one per cell: which hyperparameters converge, and
            how ragged the edge is
          </p>
        </div>
        <SiteNav current="map" look={look} />
        <div className="header-tools">
          <div className="page-look" role="group" aria-label="Display">
            <ThemeButton theme={look.theme} onChange={(theme) => setLook({ theme })} />
            <LargeTypeButton large={look.large} onChange={(large) => setLook({ large })} />
          </div>
          <CopyLink />
          <ShareButton
            theme={look.theme}
            large={look.large}
            target={() => widgetTarget('map', window.location.search, window.location.href)}
          />
        </div>
      </header>
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
