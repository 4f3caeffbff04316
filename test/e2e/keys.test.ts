import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  LINK_WAIT,
  screenshotPath,
  servedBrowser,
  skipBrowser,
  waitForRace,
  watchErrors,
} from './harness';

/**
 * Issue 11, keyboard, formulas and links: log-slider keys, Space to play, reduced motion, the 3D
 * camera in both pages' links, Copy link (and by hand), formulas within a 360 px card.
 */
const env = servedBrowser('keys-e2e', ['main', 'landscape']);

async function race(query: string, width = 1440): Promise<{ page: Page; errors: string[] }> {
  const page = await env.browser.newPage({ viewport: { width, height: 1000 } });
  const errors = watchErrors(page);
  await page.goto(`${env.app.url}race.html${query}`);
  await waitForRace(page);
  return { page, errors };
}

const valueOf = async (page: Page, name: string) =>
  Number(await page.getByRole('slider', { name }).getAttribute('aria-valuetext'));
const cam = (url: string) => new URL(url).searchParams.get('cam');
/** a − b in degrees, in [−180, 180). */
const turn = (a: number, b: number) => ((((a - b) % 360) + 540) % 360) - 180;
const playButton = (page: Page) =>
  page.getByRole('group', { name: 'Playback' }).getByRole('button', { name: /^(Play|Pause)$/ });

describe.skipIf(skipBrowser)('keys: keyboard, formulas and links (#11)', () => {
  it('an arrow moves the lr slider by 5 % of a decade, Page Down / Page Up by a decade', async () => {
    const { page, errors } = await race('?opt=adam&3d=0');
    const name = 'Learning rate (Adam)';
    const v0 = await valueOf(page, name);
    await page.getByRole('slider', { name }).press('ArrowRight');
    const v1 = await valueOf(page, name);
    // The shown value has 3 significant digits: ±0.004 decades.
    expect(Math.log10(v1 / v0)).toBeCloseTo(0.05, 2);
    await page.getByRole('slider', { name }).press('ArrowLeft');
    expect(await valueOf(page, name)).toBe(v0);
    await page.getByRole('slider', { name }).press('PageDown');
    const v2 = await valueOf(page, name);
    expect(Math.log10(v0 / v2)).toBeCloseTo(1, 3);
    await expect.poll(() => page.url(), LINK_WAIT).toContain(`lr.adam=${v2}`);
    await page.getByRole('slider', { name }).press('PageUp');
    expect(await valueOf(page, name)).toBe(v0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('Space plays and pauses from the page, and leaves a focused button alone', async () => {
    const { page, errors } = await race('?opt=adam,sgd&3d=0&steps=2000&speed=0.25');
    await expect(playButton(page).getAttribute('aria-label')).resolves.toBe('Play');
    await page.locator('h1').click();
    await page.keyboard.press(' ');
    await expect.poll(() => playButton(page).getAttribute('aria-label')).toBe('Pause');
    await page.keyboard.press(' ');
    await expect.poll(() => playButton(page).getAttribute('aria-label')).toBe('Play');
    // On a button Space presses that button: "Step back" steps, playback does not start.
    await page.getByRole('button', { name: 'Step back' }).focus();
    await page.keyboard.press(' ');
    await expect(playButton(page).getAttribute('aria-label')).resolves.toBe('Play');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('with prefers-reduced-motion the race is not playing on load, and transitions are off', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await page.goto(`${env.app.url}race.html?opt=adam,sgd&3d=0`);
    await waitForRace(page);
    await expect(playButton(page).getAttribute('aria-label')).resolves.toBe('Play');
    const scrub = page.getByRole('slider', { name: 'Step', exact: true });
    expect(await scrub.inputValue()).toBe(await scrub.getAttribute('max'));
    const transition = await page.evaluate(() => {
      const probe = document.createElement('div');
      probe.style.transition = 'opacity 2s';
      document.body.append(probe);
      return parseFloat(getComputedStyle(probe).transitionDuration);
    });
    expect(transition).toBeLessThan(0.01);
    await page.close();
  });

  /** Orbits a 3D view by keys, reads `cam` from the link, reloads and reads the camera back. */
  async function cameraSurvivesReload(page: Page, view: string) {
    const panel = page.locator(view);
    await panel.and(page.locator('[data-camera]')).waitFor({ timeout: 60_000 });
    const before = (await panel.getAttribute('data-camera'))!.split(',').map(Number);
    expect(cam(page.url())).toBeNull(); // not moved: not in the link
    await panel.focus();
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('-');
    await expect.poll(() => cam(page.url()), LINK_WAIT).not.toBeNull();
    const link = page.url();
    const [az, el, dist] = cam(link)!.split(',').map(Number);
    // Two presses of 10° round the up axis, one of 15 % farther.
    expect(Math.abs(turn(az, before[0]))).toBeCloseTo(20, 0);
    expect(el).toBeCloseTo(before[1], 0);
    expect(dist / before[2]).toBeCloseTo(1.15, 1);
    await page.goto('about:blank');
    await page.goto(link);
    await expect.poll(() => panel.getAttribute('data-camera'), { timeout: 60_000 }).toBe(cam(link));
    // The restored camera is where the keys start from.
    await panel.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => cam(page.url()), LINK_WAIT).not.toBe(cam(link));
    expect(Math.abs(turn(Number(cam(page.url())!.split(',')[0]), az))).toBeCloseTo(10, 0);
  }

  it('the race page keeps the 3D camera in its link across a reload', async () => {
    const { page, errors } = await race('?opt=adam,sgd');
    await cameraSurvivesReload(page, '.surface-3d .surface3d-view');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('the landscape page keeps the 3D camera in its link across a reload', async () => {
    const page = await env.browser.newPage({ viewport: { width: 1440, height: 1100 } });
    const errors = watchErrors(page);
    await page.goto(`${env.app.url}landscape.html`);
    await cameraSurvivesReload(page, '.ls-three .surface3d-view');
    expect(errors).toEqual([]);
    await page.close();
  }, 120_000);

  it('Copy link says "Link copied" where the clipboard allows it', async () => {
    const context = await env.browser.newContext({ viewport: { width: 1440, height: 1000 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
      origin: new URL(env.app.url).origin,
    });
    const page = await context.newPage();
    await page.goto(`${env.app.url}race.html?opt=adam&3d=0&lr.adam=0.05`);
    await waitForRace(page);
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByRole('status').allTextContents()).toContain('Link copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(await page.getByRole('textbox', { name: 'Link to this view' }).count()).toBe(0);
    await context.close();
  });

  it('Copy link shows the link, selected, to copy by hand where the clipboard is blocked', async () => {
    for (const [path, block] of [
      // The race page: the clipboard refuses.
      [
        'race.html?opt=adam&3d=0',
        'navigator.clipboard.writeText = () => Promise.reject(new Error("denied"))',
      ],
      // The landscape page: no clipboard at all (an insecure origin).
      [
        'landscape.html',
        'Object.defineProperty(Navigator.prototype, "clipboard", { get: () => undefined })',
      ],
    ] as const) {
      const page = await env.browser.newPage({ viewport: { width: 360, height: 800 } });
      await page.addInitScript(block);
      await page.goto(`${env.app.url}${path}`);
      await page.getByRole('button', { name: 'Copy link' }).click();
      const field = page.getByRole('textbox', { name: 'Link to this view' });
      await field.waitFor();
      expect(await field.inputValue()).toBe(page.url());
      expect(await field.getAttribute('readonly')).not.toBeNull();
      expect(
        await field.evaluate(
          (el: HTMLInputElement) =>
            document.activeElement === el &&
            el.selectionStart === 0 &&
            el.selectionEnd === el.value.length,
        ),
      ).toBe(true);
      expect(await page.getByRole('status').allTextContents()).toContain(
        'The clipboard is unavailable: copy the link below',
      );
      // The long link stays within a phone's width (the field scrolls it).
      expect(await field.evaluate((el) => el.getBoundingClientRect().right)).toBeLessThanOrEqual(
        360,
      );
      await page.close();
    }
  });

  it('the longest update rules wrap inside their cards at 360 px', async () => {
    const { page, errors } = await race('?opt=nadam,sophia,adafactor,soap,sgd&3d=0', 360);
    const rules = page.getByRole('math', { name: / update rule$/ });
    await expect.poll(() => rules.count()).toBe(5);
    for (const rule of await rules.all()) {
      const box = await rule.evaluate((el) => {
        const card = el.closest('.card')!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return {
          scroll: el.scrollWidth - el.clientWidth,
          inside: r.left >= card.left && r.right <= card.right,
        };
      });
      // Nothing to scroll: the rule wraps; and it lies within its card.
      expect(box.scroll).toBeLessThanOrEqual(1);
      expect(box.inside).toBe(true);
    }
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      360,
    );
    await page
      .locator('.card', { has: page.getByRole('math', { name: 'Sophia update rule' }) })
      .screenshot({ path: screenshotPath('keys-sophia-card-360') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
