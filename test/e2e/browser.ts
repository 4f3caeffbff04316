/**
 * Which Chromium the browser tests, the bench and the screenshot scripts drive, and how to start it.
 * CHROME_PATH, when set, is the only candidate (so a wrong value is reported, not silently passed
 * over); otherwise the usual Linux install paths are tried in order.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const BROWSER_CANDIDATES: readonly string[] = process.env.CHROME_PATH
  ? [process.env.CHROME_PATH]
  : ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];

/** The first candidate that exists, or undefined. */
export const CHROMIUM: string | undefined = BROWSER_CANDIDATES.find((p) => existsSync(p));

export const INSTALL_CHROMIUM =
  'sudo apt-get install chromium   (Debian/Ubuntu; or set CHROME_PATH=/path/to/chrome)';

/** Why there is no browser, in one line a reader can act on. */
export const NO_BROWSER = `no Chromium found (looked for ${BROWSER_CANDIDATES.join(', ')}${process.env.CHROME_PATH ? ', from CHROME_PATH' : ''}); install it with: ${INSTALL_CHROMIUM}`;

/** In CI a missing browser fails the browser tests; elsewhere they are skipped and the summary says so. */
export const skipBrowser = !CHROMIUM && !process.env.CI;

/** Flags every launch needs here: no sandbox (root), and no connections this closed network refuses. */
const BASE_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

/**
 * Headless Chromium with the base flags and `args`. WebGL is on SwiftShader unless `webgl: false`,
 * which starts it with no GPU and no software rasteriser (WebGL unavailable, as on a locked-down
 * laptop), or `webgl: 'gpu'`, which names no GL backend so that `args` can ask for the machine's
 * GPU (the map bench's `--use-angle=vulkan --enable-unsafe-webgpu …`).
 */
export function launchChromium(
  args: readonly string[] = [],
  opts: { webgl?: boolean | 'gpu' } = {},
): Promise<Browser> {
  if (!CHROMIUM) throw new Error(NO_BROWSER);
  const gl =
    opts.webgl === 'gpu'
      ? []
      : opts.webgl === false
        ? ['--disable-gpu', '--disable-software-rasterizer']
        : ['--use-angle=swiftshader', '--enable-unsafe-swiftshader'];
  return chromium.launch({ executablePath: CHROMIUM, args: [...BASE_FLAGS, ...gl, ...args] });
}
