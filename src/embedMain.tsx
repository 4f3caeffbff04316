import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseEmbedParams } from './ui/embed/embedParams';
import type { EmbedOptions, WidgetController } from './ui/embed/controller';
import { EmbedShell } from './ui/embed/EmbedShell';
import { startHostBridge } from './ui/embed/hostBridge';
import { addEmbedNotices } from './ui/embed/embedNotices';
import './ui/styles.css';
import './ui/embed/embed.css';

// Each family loads only its own code: the race's widgets never load tfjs.
const FULL_PAGE = { race: 'race.html', landscape: 'landscape.html', map: 'map.html' } as const;

async function mountWidget(
  family: keyof typeof FULL_PAGE,
  root: HTMLElement,
  kind: string,
  query: string,
  options: EmbedOptions,
): Promise<WidgetController> {
  if (family === 'race') {
    const { mountRaceWidget } = await import('./ui/embed/raceWidget');
    return mountRaceWidget(root, kind, query, options);
  }
  if (family === 'map') {
    const { mountMapWidget } = await import('./ui/embed/mapWidget');
    return mountMapWidget(root, kind, query, options);
  }
  const { mountLandscapeWidget } = await import('./ui/embed/landscapeWidget');
  return mountLandscapeWidget(root, kind, query, options);
}

// link → options (and the page's own query) → the widget in its frame; no site chrome.
const { options, kind, pageQuery, errors } = parseEmbedParams(window.location.search);
document.documentElement.dataset.theme = options.theme;
document.documentElement.classList.toggle('large', options.large);
addEmbedNotices(errors);

const page = document.getElementById('root')!;
const slot = document.createElement('div');
slot.className = `embed-widget controls-${options.controls}`;
const shellRoot = document.createElement('div');
shellRoot.className = 'embed-shell';
page.append(slot, shellRoot);
const shell = createRoot(shellRoot);
const renderShell = (controller: WidgetController | null) =>
  shell.render(
    <StrictMode>
      <EmbedShell page={FULL_PAGE[kind.family]} controller={controller} />
    </StrictMode>,
  );
renderShell(null);

mountWidget(kind.family, slot, kind.id, pageQuery, options)
  .then((controller) => {
    renderShell(controller);
    startHostBridge(controller, options);
  })
  .catch((e: unknown) => addEmbedNotices([`The widget could not start: ${String(e)}`]));
