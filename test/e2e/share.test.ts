/**
 * The Share / Embed dialog (issue #12) on the race and landscape pages: it opens as a modal
 * dialog holding the link and an `<iframe>` snippet of the page's widget in its current state;
 * its choices change the snippet, a bad size is named, Copy falls back to a selected field where
 * the clipboard refuses, Esc closes it and focus returns to its button; axe-clean while open.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { axeViolations } from './axe';
import { servedBrowser, skipBrowser, waitForRace, watchErrors } from './harness';

const env = servedBrowser('e2e-share', ['main', 'landscape']);

// Each test loads a race (or the landscape page) afresh: slow on a loaded machine.

const RACE = 'race.html?opt=adam,sgd&lr.adam=0.01&3d=0';

async function openRace(
  opts: { width?: number; query?: string; clipboard?: 'refuses' | 'granted' } = {},
) {
  const context = await env.browser.newContext({
    viewport: { width: opts.width ?? 1280, height: 900 },
    permissions: opts.clipboard === 'granted' ? ['clipboard-read', 'clipboard-write'] : [],
  });
  if (opts.clipboard === 'refuses')
    await context.addInitScript(() => {
      navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied'));
    });
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(`${env.app.url}${RACE}${opts.query ?? ''}`);
  await waitForRace(page);
  return { page, errors, close: () => context.close() };
}

const dialog = (page: Page) => page.getByRole('dialog');
const snippet = (page: Page) => dialog(page).getByLabel('Embed code').inputValue();

async function openDialog(page: Page) {
  await page.getByRole('button', { name: 'Share / Embed' }).click({ timeout: 60_000 });
  await dialog(page).waitFor();
}

/**
 * The iframe's attributes, read by the browser's own parser from the snippet, on a blank page
 * (the site's CSP would report the snippet's style attribute, which is for the host's page).
 */
async function parsed(page: Page, html: string) {
  const blank = await page.context().newPage();
  try {
    return await blank.evaluate((h) => {
      const doc = new DOMParser().parseFromString(h, 'text/html');
      const frames = doc.querySelectorAll('iframe');
      if (frames.length !== 1 || doc.body.children.length !== 1) return null;
      return Object.fromEntries([...frames[0].attributes].map((a) => [a.name, a.value]));
    }, html);
  } finally {
    await blank.close();
  }
}

describe.skipIf(skipBrowser)('the Share / Embed dialog', () => {
  it("builds the race widget's link and snippet from the race's state and the choices", async () => {
    const { page, errors, close } = await openRace();
    await openDialog(page);
    await expect(dialog(page).getAttribute('aria-labelledby')).resolves.toBeTruthy();
    await expect(
      page.getByRole('heading', { name: 'Share / Embed: Optimizer race' }).count(),
    ).resolves.toBe(1);
    // Focus moved into the modal dialog.
    await expect(page.evaluate(() => !!document.activeElement?.closest('dialog'))).resolves.toBe(
      true,
    );
    await expect(dialog(page).getByLabel('Link', { exact: true }).inputValue()).resolves.toBe(
      page.url(),
    );
    const a = await parsed(page, await snippet(page));
    expect(a).toMatchObject({
      title: 'Optimizer race',
      width: '960',
      height: '640',
      loading: 'lazy',
    });
    expect(a?.allow).toBeUndefined();
    const src = new URL(a!.src);
    expect(src.pathname).toBe('/embed.html');
    expect(src.searchParams.get('widget')).toBe('race');
    expect(src.searchParams.get('opt')).toBe('adam,sgd');
    expect(src.searchParams.get('lr.adam')).toBe('0.01');
    expect(src.searchParams.get('controls')).toBe('compact');
    expect(src.searchParams.has('theme')).toBe(false);

    await dialog(page).getByLabel('None (the figure alone)').check();
    await dialog(page).getByLabel('Dark theme').check();
    await dialog(page).getByLabel('Large type (projectors)').check();
    await dialog(page).getByLabel('Width (px)').fill('800');
    const b = await parsed(page, await snippet(page));
    const src2 = new URL(b!.src);
    expect(b?.width).toBe('800');
    expect(src2.searchParams.has('controls')).toBe(false);
    expect(src2.searchParams.get('theme')).toBe('dark');
    expect(src2.searchParams.get('large')).toBe('1');

    // A size out of range is named, and there is no snippet to copy until it is fixed.
    await dialog(page).getByLabel('Height (px)').fill('20');
    await expect(dialog(page).getByRole('alert').textContent()).resolves.toMatch(
      /^height must be a whole number of pixels from 200 to 3840/,
    );
    await expect(dialog(page).getByLabel('Embed code').count()).resolves.toBe(0);
    await dialog(page).getByLabel('Height (px)').fill('500');
    await expect(snippet(page)).resolves.toContain('height="500"');
    expect(errors).toEqual([]);
    await close();
  }, 150_000);

  it('copies to the clipboard where it is allowed', async () => {
    const { page, close } = await openRace({ clipboard: 'granted' });
    await openDialog(page);
    await dialog(page).getByRole('button', { name: 'Copy embed code' }).click();
    await dialog(page).getByText('Embed code copied').waitFor();
    await expect(page.evaluate(() => navigator.clipboard.readText())).resolves.toBe(
      await snippet(page),
    );
    await close();
  }, 150_000);

  it('selects the text to copy by hand where the clipboard refuses', async () => {
    const { page, close } = await openRace({ clipboard: 'refuses' });
    await openDialog(page);
    await dialog(page).getByRole('button', { name: 'Copy embed code' }).click();
    await dialog(page).getByText('The clipboard is unavailable').waitFor();
    const selection = await page.evaluate(() => {
      const el = document.activeElement as HTMLTextAreaElement;
      return {
        label: el.labels?.[0]?.textContent,
        all: el.selectionStart === 0 && el.selectionEnd === el.value.length,
      };
    });
    expect(selection).toEqual({ label: 'Embed code', all: true });
    await close();
  }, 150_000);

  it('keeps focus inside, closes on Esc and gives focus back to its button', async () => {
    const { page, close } = await openRace();
    await openDialog(page);
    for (let i = 0; i < 20; i++) {
      await page.keyboard.press('Tab');
      const outside = await page.evaluate(
        () =>
          document.activeElement !== document.body && !document.activeElement?.closest('dialog'),
      );
      expect(outside).toBe(false);
    }
    await page.keyboard.press('Escape');
    await expect(dialog(page).count()).resolves.toBe(0);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe(
      'Share / Embed',
    );
    // And the Close button does the same.
    await openDialog(page);
    await dialog(page).getByRole('button', { name: 'Close' }).click();
    await expect(dialog(page).count()).resolves.toBe(0);
    await close();
  }, 150_000);

  for (const [width, query] of [
    [1280, ''],
    [360, '&theme=dark&large=1'],
  ] as const)
    it(`axe: no serious or critical violation with the dialog open at ${width} px`, async () => {
      const { page, errors, close } = await openRace({ width, query });
      await openDialog(page);
      expect(await axeViolations(page, 'dialog')).toEqual([]);
      // The dialog fits the window.
      const box = await dialog(page).boundingBox();
      expect(box!.x).toBeGreaterThanOrEqual(0);
      expect(box!.x + box!.width).toBeLessThanOrEqual(width);
      expect(errors).toEqual([]);
      await close();
    }, 150_000);

  it('on the landscape page, shares the landscape widget', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${env.app.url}landscape.html?model=resnet-56&theme=dark`);
    await openDialog(page);
    const a = await parsed(page, await snippet(page));
    expect(a?.title).toBe('Loss landscape');
    const src = new URL(a!.src);
    expect(src.searchParams.get('widget')).toBe('landscape');
    expect(src.searchParams.get('model')).toBe('resnet-56');
    // The page's dark theme is the dialog's starting choice.
    expect(src.searchParams.get('theme')).toBe('dark');
    await context.close();
  }, 150_000);
});
