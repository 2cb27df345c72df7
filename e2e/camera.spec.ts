import type { Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { writeCameraFixture } from './fixtures/makeY4m';
import { expect, test, waitForEngine } from './support';

// Reading needs the engine up (OpenCV.js + model): on a loaded 2-core machine that alone can
// take half a minute, so these tests get more than the default minute.
test.describe.configure({ timeout: 180_000 });

const NUMBER = '72104';
// Written before the browser starts: Chromium reads the file at launch.
const video = writeCameraFixture(NUMBER);

// A fake camera playing the fixture. No --use-fake-ui-for-media-stream: it would grant every
// request, and the denied test needs the real (headless: refusing) permission path. The tests
// that need the camera grant it through the context's permissions instead.
test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs,
      '--use-fake-device-for-media-stream',
      `--use-file-for-fake-video-capture=${video}`,
    ],
  },
});

async function openCamera(page: Page): Promise<void> {
  // wasm starts fastest on a busy machine; which backend wins is app.spec's concern.
  await page.goto('/?backend=wasm');
  await page.getByTestId('mode-camera').click();
}

/** Resolves when the preview shows frames (not just a stream attached). */
async function expectLive(page: Page): Promise<void> {
  await expect(page.getByTestId('camera-capture')).toBeEnabled();
  await expect
    .poll(() =>
      page
        .getByTestId('camera-video')
        .evaluate((v: HTMLVideoElement) => v.videoWidth > 0 && !v.paused),
    )
    .toBe(true);
}

/** Keeps every stream the page opens, so a test can check that all tracks were stopped. */
async function recordStreams(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const streams: MediaStream[] = [];
    (window as unknown as { __streams: MediaStream[] }).__streams = streams;
    const original = navigator.mediaDevices.getUserMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getUserMedia = async (constraints) => {
      const stream = await original(constraints);
      streams.push(stream);
      return stream;
    };
  });
}

const trackStates = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    (window as unknown as { __streams: MediaStream[] }).__streams.flatMap((s) =>
      s.getTracks().map((t) => t.readyState),
    ),
  );

test.describe('with the camera allowed', () => {
  test.use({ permissions: ['camera'] });

  test('captures a frame and reads the number on the page', async ({ page }) => {
    await openCamera(page);
    await waitForEngine(page, 60_000);
    await expectLive(page);
    await page.getByTestId('camera-capture').click();

    const result = page.getByTestId('result');
    await expect(result).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(result).toHaveAttribute('data-text', NUMBER);
    await expect(page.getByTestId('digit')).toHaveCount(NUMBER.length);

    // A second capture joins the strip and becomes the one shown; the first stays selectable.
    await page.getByTestId('camera-capture').click();
    const thumbs = page.getByTestId('camera-capture-item');
    await expect(thumbs).toHaveCount(2);
    await expect(thumbs.first()).toHaveAttribute('aria-pressed', 'true');
    await thumbs.last().click();
    await expect(thumbs.last()).toHaveAttribute('aria-pressed', 'true');
    await expect(result).toHaveAttribute('data-text', NUMBER);
  });

  test('leaving camera mode and hiding the page stop the camera; showing it restarts', async ({
    page,
  }) => {
    await recordStreams(page);
    await page.addInitScript(() => {
      // Lets the test flip the page's visibility the way a tab switch would.
      Object.defineProperty(document, 'visibilityState', {
        configurable: true,
        get: () => ((window as unknown as { __hidden?: boolean }).__hidden ? 'hidden' : 'visible'),
      });
    });
    const setHidden = (hidden: boolean) =>
      page.evaluate((h) => {
        (window as unknown as { __hidden?: boolean }).__hidden = h;
        document.dispatchEvent(new Event('visibilitychange'));
      }, hidden);

    await openCamera(page);
    await expectLive(page);

    await setHidden(true);
    await expect.poll(() => trackStates(page)).not.toContain('live');
    await expect(page.getByTestId('camera-capture')).toBeDisabled();

    await setHidden(false);
    await expectLive(page);
    expect(await trackStates(page)).toContain('live');

    await page.getByTestId('mode-draw').click();
    await expect(page.getByTestId('camera-video')).toHaveCount(0);
    await expect.poll(() => trackStates(page)).not.toContain('live');
  });

  test('an unplugged camera is reported, and "Try again" brings it back', async ({ page }) => {
    await openCamera(page);
    await expectLive(page);
    // What the browser does when the device goes away: the track ends by itself.
    await page
      .getByTestId('camera-video')
      .evaluate((v: HTMLVideoElement) =>
        (v.srcObject as MediaStream).getVideoTracks()[0]!.dispatchEvent(new Event('ended')),
      );
    await expect(page.getByTestId('error-message')).toContainText('unplugged');
    await expect(page.getByTestId('camera-capture')).toBeDisabled();
    await page.getByRole('button', { name: 'Try again' }).click();
    await expectLive(page);
    await expect(page.getByTestId('error-message')).toHaveCount(0);
  });
});

test('a refused camera explains how to allow it and offers Upload', async ({ page }) => {
  // No permission granted: headless Chromium refuses the request (NotAllowedError).
  await openCamera(page);
  const message = page.getByTestId('error-message');
  await expect(message).toContainText('site settings');
  await expect(message).toContainText('Upload');
  await expect(page.getByTestId('camera-capture')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Try again' })).toBeVisible();
});

for (const [name, expected] of [
  ['NotFoundError', 'No camera was found'],
  ['OverconstrainedError', 'No camera was found'],
  ['NotReadableError', 'in use by another app'],
] as const) {
  test(`getUserMedia failing with ${name} shows "${expected}"`, async ({ page }) => {
    await page.addInitScript((errorName) => {
      navigator.mediaDevices.getUserMedia = () =>
        Promise.reject(new DOMException('simulated', errorName));
    }, name);
    await openCamera(page);
    await expect(page.getByTestId('error-message')).toContainText(expected);
  });
}

test('without mediaDevices (plain http) the page says the camera needs https', async ({ page }) => {
  await page.addInitScript(() => {
    Object.defineProperty(Navigator.prototype, 'mediaDevices', { get: () => undefined });
  });
  await openCamera(page);
  await expect(page.getByTestId('error-message')).toContainText('https');
  await expect(page.getByTestId('error-message')).toContainText('localhost');
});

test('with two cameras a switch button moves to the other one', async ({ playwright, baseURL }) => {
  // Two fake cameras need their own browser: a file-backed fake device is always alone.
  const browser = await playwright.chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, '--use-fake-device-for-media-stream=device-count=2'],
  });
  try {
    const context = await browser.newContext({ baseURL, permissions: ['camera'] });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    await recordStreams(page);
    const activeDevice = () =>
      page
        .getByTestId('camera-video')
        .evaluate(
          (v: HTMLVideoElement) =>
            (v.srcObject as MediaStream | null)?.getVideoTracks()[0]?.getSettings().deviceId ??
            null,
        );

    await openCamera(page);
    await expectLive(page);
    const first = await activeDevice();
    const switchButton = page.getByRole('button', { name: 'Switch camera' });
    await switchButton.click();
    await expect.poll(activeDevice).not.toBe(first);
    await expectLive(page);
    // Only the camera on screen is running.
    expect((await trackStates(page)).filter((s) => s === 'live')).toHaveLength(1);
    await switchButton.click();
    await expect.poll(activeDevice).toBe(first);
    expect(problems).toEqual([]);
  } finally {
    await browser.close();
  }
});
