import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLandscapeRunner } from './state/landscapeRunner';
import { loadLandscapeUrl, startLandscapeUrlSync } from './state/landscapeUrlSync';
import { LandscapeApp } from './ui/landscape/LandscapeApp';
import { LandscapeClient, workerPort } from './worker/landscapeClient';
import './ui/styles.css';
import './ui/landscape/landscape.css';

// Data flows one way: link → store → runner (fetch / worker) → store → panels; store → link.
const urlErrors = loadLandscapeUrl(window.location.search);
for (const m of urlErrors) console.warn(m);

const baseUrl = new URL('./', document.baseURI).href;
async function fetchJson(path: string): Promise<unknown | null> {
  const res = await fetch(new URL(path, baseUrl));
  // A static server may answer a missing file with index.html (200, text/html): missing too.
  if (!res.ok || (res.headers.get('content-type') ?? '').startsWith('text/html')) return null;
  return res.json();
}

startLandscapeRunner(new LandscapeClient(workerPort()), { fetchJson, baseUrl, backends: ['webgl', 'wasm', 'cpu'] });
startLandscapeUrlSync((q) => history.replaceState(null, '', q ? `?${q}` : window.location.pathname));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LandscapeApp urlErrors={urlErrors} />
  </StrictMode>,
);
