/**
 * The landscape family of `embed.html`'s widgets (`landscape`, `landscape-compare`, `line`,
 * `toy`): one figure of the landscape page in the state its link gives, driven through a
 * `WidgetController` in the page's own link vocabulary. The embed page imports this module on
 * demand, so the race widgets never load tfjs. The page's history writer is not started: an
 * embed's address is its author's, and `state` events carry the settings instead.
 */
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import type { BackendName } from '../../gpu/backend';
import { startLandscapeRunner } from '../../state/landscapeRunner';
import { lineBusy, useLandscapeStore } from '../../state/landscapeStore';
import { loadLandscapeUrl } from '../../state/landscapeUrlSync';
import { startLineRunner } from '../../state/lineRunner';
import { startToyFindRunner } from '../../state/toyFindRunner';
import { startToyRunner } from '../../state/toyRunner';
import { toyBusy, useToyStore } from '../../state/toyStore';
import { LandscapeClient, workerPort } from '../../worker/landscapeClient';
import { ToyClient, toyWorkerPort } from '../../worker/toyClient';
import '../landscape/landscape.css';
import type { EmbedOptions, WidgetController, WidgetEvent } from './controller';
import { addEmbedNotices } from './embedNotices';
import { LandscapeWidget } from './landscape/LandscapeWidget';
import {
  currentLandscapeQuery,
  landscapeLinkParams,
  setLandscapeLinkParams,
} from './landscape/landscapeLink';
import { lazyPort } from './landscape/lazyPort';
import { siteFetchJson } from '../../state/siteFetch';
import './landscape/landscapeWidget.css';

const BACKENDS: BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

export function mountLandscapeWidget(
  root: HTMLElement,
  kind: string,
  query: string,
  options: EmbedOptions,
): WidgetController {
  // The link's problems are named under the figure, as the embed page's own are.
  addEmbedNotices(loadLandscapeUrl(query));
  const store = useLandscapeStore.getState();
  // The embed's own theme and large type win (they read the same keys of the link).
  store.setLook({ theme: options.theme, large: options.large });
  // A widget is its panel: the line and toy panels are open whatever the link says.
  if (kind === 'line' && store.settings.line === 'off') store.setLine('interpolation');
  if (kind === 'toy' && useToyStore.getState().settings.toy === 'off')
    useToyStore.getState().set({ toy: 'spiral' });

  const baseUrl = new URL('./', document.baseURI).href;
  const fetchJson = siteFetchJson(baseUrl);
  const io = { fetchJson, baseUrl, backends: BACKENDS };
  // Only what the kind draws is started; each worker is made when first asked for.
  if (kind === 'landscape') startLandscapeRunner(new LandscapeClient(lazyPort(workerPort)), io);
  if (kind === 'line') startLineRunner(() => new LandscapeClient(workerPort()), io);
  if (kind === 'toy') {
    startToyRunner(() => new ToyClient(toyWorkerPort()));
    startToyFindRunner(() => new ToyClient(toyWorkerPort()));
  }

  const listeners = new Set<(e: WidgetEvent) => void>();
  const emit = (e: WidgetEvent) => listeners.forEach((l) => l(e));
  watchLandscapeState(kind, emit);
  /** The link whose slices a side-by-side widget (compare, grid) has drawn (null: none yet). */
  let compareLoaded: string | null = null;
  /** True when what the kind loads or computes has finished and nothing changed since. */
  const settled = (): boolean => {
    const { shipped, gpu, line } = useLandscapeStore.getState();
    if (kind === 'landscape-compare' || kind === 'landscape-grid')
      return compareLoaded === currentLandscapeQuery();
    if (kind === 'line') return line.runs[line.runPath].status === 'done' && !lineBusy(line);
    if (kind === 'toy') return useToyStore.getState().run.status === 'done';
    return shipped.status !== 'loading' && gpu.status !== 'running' && gpu.status !== 'cancelling';
  };

  createRoot(root).render(
    <StrictMode>
      <LandscapeWidget
        kind={kind}
        options={options}
        fetchJson={fetchJson}
        onCompareLoaded={() => {
          compareLoaded = currentLandscapeQuery();
          emit({ type: 'done' });
        }}
      />
    </StrictMode>,
  );

  const toy = useToyStore.getState();
  if (kind === 'toy' && options.autoplay) toy.train();
  return {
    widget: kind,
    ...(kind === 'toy'
      ? {
          play: () => {
            if (!toyBusy(useToyStore.getState().run)) useToyStore.getState().train();
          },
          pause: () => useToyStore.getState().cancel(),
        }
      : {}),
    set: setLandscapeLinkParams,
    get: landscapeLinkParams,
    subscribe(listener) {
      listeners.add(listener);
      // The bridge subscribes after the widget started: a figure already complete says so.
      if (settled()) queueMicrotask(() => listeners.has(listener) && listener({ type: 'done' }));
      return () => listeners.delete(listener);
    },
  };
}

/**
 * `state` after any change of the link's settings (one per change of the link, coalesced), and
 * `done` when what the kind computes or loads has finished: the shipped slice loaded or a
 * recompute ended (`landscape`), a line run ended (`line`), a training ended (`toy`).
 */
function watchLandscapeState(kind: string, emit: (e: WidgetEvent) => void): void {
  let last = currentLandscapeQuery();
  let pending = false;
  const changed = () => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      const q = currentLandscapeQuery();
      if (q === last) return;
      last = q;
      emit({ type: 'state', params: landscapeLinkParams() });
    });
  };
  useLandscapeStore.subscribe((s, prev) => {
    if (s.settings !== prev.settings || s.look !== prev.look) changed();
    const loaded =
      kind === 'landscape' &&
      ((s.shipped.status !== 'loading' && prev.shipped.status === 'loading') ||
        (s.gpu.status === 'done' && prev.gpu.status !== 'done'));
    const lineDone =
      kind === 'line' &&
      !lineBusy(s.line) &&
      lineBusy(prev.line) &&
      s.line.runs[s.line.runPath].status === 'done';
    if (loaded || lineDone) emit({ type: 'done' });
  });
  useToyStore.subscribe((s, prev) => {
    if (s.settings !== prev.settings) changed();
    if (kind === 'toy' && s.run.status === 'done' && prev.run.status !== 'done')
      emit({ type: 'done' });
  });
}
