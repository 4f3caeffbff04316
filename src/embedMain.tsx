import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { parseEmbedParams } from './io/embedParams';
import type { EmbedOptions, WidgetController } from './ui/embed/controller';
import { EmbedShell } from './ui/embed/EmbedShell';
import { addEmbedNotices } from './ui/embed/embedNotices';
import './ui/styles.css';
import './ui/embed/embed.css';

type Mount = (
  root: HTMLElement,
  kind: string,
  query: string,
  options: EmbedOptions,
) => WidgetController;
type Bridge = (controller: WidgetController, options: EmbedOptions) => () => void;

// Each family loads only its own code (the race's widgets never load tfjs). The globs find the
// landscape widgets and the host bridge once they exist, and nothing until then.
const landscapeModules = import.meta.glob<{ mountLandscapeWidget: Mount }>(
  './ui/embed/landscapeWidget.tsx',
);
const bridgeModules = import.meta.glob<{ startHostBridge: Bridge }>('./ui/embed/hostBridge.ts');

const FULL_PAGE = { race: 'race.html', landscape: 'landscape.html' } as const;

async function mountWidget(
  family: 'race' | 'landscape',
  root: HTMLElement,
  kind: string,
  query: string,
  options: EmbedOptions,
): Promise<WidgetController | null> {
  if (family === 'race') {
    const { mountRaceWidget } = await import('./ui/embed/raceWidget');
    return mountRaceWidget(root, kind, query, options);
  }
  const load = landscapeModules['./ui/embed/landscapeWidget.tsx'];
  if (!load) {
    addEmbedNotices([`The ${kind} widget is not available yet.`]);
    return null;
  }
  return (await load()).mountLandscapeWidget(root, kind, query, options);
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
  .then(async (controller) => {
    if (!controller) return;
    renderShell(controller);
    const bridge = bridgeModules['./ui/embed/hostBridge.ts'];
    if (bridge) (await bridge()).startHostBridge(controller, options);
  })
  .catch((e: unknown) => addEmbedNotices([`The widget could not start: ${String(e)}`]));
