import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLandscapeRunner } from './state/landscapeRunner';
import { startLineRunner } from './state/lineRunner';
import { startToyFindRunner } from './state/toyFindRunner';
import { startToyRunner } from './state/toyRunner';
import { loadLandscapeUrl, startLandscapeUrlSync } from './state/landscapeUrlSync';
import { siteFetchJson } from './state/siteFetch';
import { LandscapeApp } from './ui/landscape/LandscapeApp';
import { LandscapeClient, workerPort } from './worker/landscapeClient';
import { ToyClient, toyWorkerPort } from './worker/toyClient';
import type { BackendName } from './gpu/backend';
import './ui/styles.css';
import './ui/landscape/landscape.css';

// Data flows one way: link → store → runner (fetch / worker) → store → panels; store → link.
const urlErrors = loadLandscapeUrl(window.location.search);
for (const m of urlErrors) console.warn(m);

const baseUrl = new URL('./', document.baseURI).href;
const fetchJson = siteFetchJson(baseUrl);

// WebGPU first: the worker tries it only with an adapter (gpu/backend.ts) and says why not.
const backends: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];
startLandscapeRunner(new LandscapeClient(workerPort()), { fetchJson, baseUrl, backends });
// The 1D panel's worker is made on its first run (lineRunner), so it costs the page nothing until used.
startLineRunner(() => new LandscapeClient(workerPort()), { fetchJson, baseUrl, backends });
// The toy panel's worker, likewise, is made on its first Train (WebAssembly first: a tiny MLP).
startToyRunner(() => new ToyClient(toyWorkerPort()));
// Its range test gets a second toy worker on its first run, so that it never aborts a training.
startToyFindRunner(() => new ToyClient(toyWorkerPort()));
startLandscapeUrlSync((q) =>
  history.replaceState(null, '', q ? `?${q}` : window.location.pathname),
);

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <LandscapeApp urlErrors={urlErrors} />
  </StrictMode>,
);
