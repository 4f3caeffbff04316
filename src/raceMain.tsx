import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startPlaybackLoop } from './state/playbackLoop';
import { startRaceRunner } from './state/raceRunner';
import { showLinkedScene } from './state/sceneStore';
import { loadUrlState, startUrlSync } from './state/urlSync';
import { App } from './ui/App';
import { createRaceClient } from './worker/raceClient';
import './ui/styles.css';

// Data flows one way: link → stores → worker → results → panels; stores → link.
const urlErrors = loadUrlState(window.location.search);
for (const m of urlErrors) console.warn(m);
showLinkedScene(window.location.search);
startRaceRunner(createRaceClient());
startPlaybackLoop();
startUrlSync((q) => history.replaceState(null, '', q ? `?${q}` : window.location.pathname));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App urlErrors={urlErrors} />
  </StrictMode>,
);
