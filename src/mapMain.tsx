import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startMapRunner } from './state/mapRunner';
import { followMapHistory, loadMapUrl, startMapUrlSync } from './state/mapUrlSync';
import { MapApp } from './ui/map/MapApp';
import { MapClient, mapWorkerPort } from './worker/mapClient';
import './ui/styles.css';

// Data flows one way: link → store → runner (worker) → store → panels; store → link.
// The runner first: loading the link starts the map's first run.
startMapRunner(() => new MapClient(mapWorkerPort()));
const urlErrors = loadMapUrl(window.location.search);
for (const m of urlErrors) console.warn(m);
// A zoom is a history entry: Back leaves it as a crumb of the breadcrumb does.
startMapUrlSync((q, push) => {
  const url = q ? `?${q}` : window.location.pathname;
  if (push) history.pushState(null, '', url);
  else history.replaceState(null, '', url);
});
window.addEventListener('popstate', () => {
  for (const m of followMapHistory(window.location.search)) console.warn(m);
});

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <MapApp urlErrors={urlErrors} />
  </StrictMode>,
);
