import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startMapRunner } from './state/mapRunner';
import { loadMapUrl, startMapUrlSync } from './state/mapUrlSync';
import { MapApp } from './ui/map/MapApp';
import { MapClient, mapWorkerPort } from './worker/mapClient';
import './ui/styles.css';
import './ui/landscape/landscape.css';

// Data flows one way: link → store → runner (worker) → store → panels; store → link.
// The runner first: loading the link starts the map's first run.
startMapRunner(() => new MapClient(mapWorkerPort()));
const urlErrors = loadMapUrl(window.location.search);
for (const m of urlErrors) console.warn(m);
startMapUrlSync((q) => history.replaceState(null, '', q ? `?${q}` : window.location.pathname));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MapApp urlErrors={urlErrors} />
  </StrictMode>,
);
