import type { Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { writeCameraFixture } from './fixtures/makeY4m';
import { expect, test, waitForEngine } from './support';

// The engine has to load first (half a minute on a loaded 2-core machine, at worst).
test.describe.configure({ timeout: 180_000 });

const NUMBER = '72104';
const video = writeCameraFixture(NUMBER); // before launch: Chromium reads it at start

test.use({
  permissions: ['camera'],
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs,
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
});

const frames = async (page: Page): Promise<number> =>
  Number(await page.getByTestId('live-result').getAttribute('data-frames'));

async function openCamera(page: Page): Promise<void> {
  await page.addInitScript(() => {
    // Lets the test flip the page's visibility the way a tab switch would.
    Object.defineProperty(document, 'visibilityState', {
      configurable: true,
      get: () => ((window as unknown as { __hidden?: boolean }).__hidden ? 'hidden' : 'visible'),
    });
  });
  await page.goto('/?backend=wasm');
  await page.getByTestId('mode-camera').click();
  await waitForEngine(page, 60_000);
}

test('the preview is read as it plays: the number, its boxes, a growing frame count', async ({
  page,
}) => {
  await openCamera(page);
  const live = page.getByTestId('live-result');
  await expect(live).toHaveAttribute('data-text', NUMBER, { timeout: 30_000 });
  const overlay = page.getByTestId('live-overlay');
  await expect(overlay.locator('rect')).toHaveCount(NUMBER.length);
  await expect(overlay.locator('text')).toHaveText([...NUMBER]);

  // Frames keep being read (not one capture): the count grows while the number holds.
  const before = await frames(page);
  await expect.poll(() => frames(page)).toBeGreaterThan(before + 3);
  await expect(live).toHaveAttribute('data-text', NUMBER);

  // Held still for about a second, the reading can be kept with one tap: it becomes a capture.
  await page.getByTestId('live-keep').click();
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(result).toHaveAttribute('data-text', NUMBER);
  // Capture stays, next to the live reading.
  await expect(page.getByTestId('camera-capture')).toBeEnabled();
});

test('reading stops while the page is hidden and resumes when it is back', async ({ page }) => {
  await openCamera(page);
  const live = page.getByTestId('live-result');
  await expect(live).toHaveAttribute('data-text', NUMBER, { timeout: 30_000 });
  const setHidden = (hidden: boolean) =>
    page.evaluate((h) => {
      (window as unknown as { __hidden?: boolean }).__hidden = h;
      document.dispatchEvent(new Event('visibilitychange'));
    }, hidden);

  await setHidden(true);
  await expect(live).toHaveCount(0); // stream stopped, so nothing is read
  await setHidden(false);
  await expect(live).toHaveAttribute('data-text', NUMBER, { timeout: 30_000 });
});

test('torch and zoom are hidden where the camera does not offer them', async ({ page }) => {
  await openCamera(page);
  await expect(page.getByTestId('live-result')).toBeVisible();
  // Chromium's fake camera has neither a torch nor zoom.
  await expect(page.getByTestId('camera-torch')).toHaveCount(0);
  await expect(page.getByTestId('camera-zoom')).toHaveCount(0);
});
