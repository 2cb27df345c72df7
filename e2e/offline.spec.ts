/**
 * The PWA promise: once loaded, Digit Lens works with no network. The page, the worker,
 * OpenCV.js, the tfjs WASM files and the model all come from the service worker's precache.
 */
import type { Page } from '@playwright/test';
import { makeOfflineFixture, type OfflineFixture } from './fixtures/makeOfflineFixture';
import { expect, test, waitForEngine } from './support';

let fixture: OfflineFixture;
test.beforeAll(() => {
  fixture = makeOfflineFixture();
});

/** One stroke through the given points, as fractions of the pad. */
async function stroke(page: Page, points: [number, number][]): Promise<void> {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('draw-canvas has no box');
  const at = ([fx, fy]: [number, number]) => ({
    x: box.x + fx * box.width,
    y: box.y + fy * box.height,
  });
  const [first, ...rest] = points.map(at);
  await page.mouse.move(first!.x, first!.y);
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(p.x, p.y, { steps: 6 });
  await page.mouse.up();
}

test('after one visit it loads, starts the engine and reads drawings and uploads offline', async ({
  page,
  context,
}) => {
  // Three page loads, each starting OpenCV.js and the model: ~20 s on an idle 2-core machine,
  // 2.5 min measured while a model trained on both cores.
  test.setTimeout(240_000);
  await page.goto('/');
  await waitForEngine(page, 60_000);

  // The service worker becomes active only after its install step precached every file.
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  await page.reload();
  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
  await waitForEngine(page, 60_000);

  await context.setOffline(true);
  // Proof the network is really gone for this context. Asked from a second, blank page (not the
  // app: no second engine start), so its "ERR_INTERNET_DISCONNECTED" is not counted as the app's.
  const other = await context.newPage();
  const probe = await other.evaluate(
    (url) =>
      fetch(url, { mode: 'no-cors', cache: 'no-store' }).then(
        () => 'reached the network',
        () => 'offline',
      ),
    `${new URL(page.url()).origin}/not-precached-${Date.now()}.txt`,
  );
  await other.close();
  expect(probe).toBe('offline');

  const reloaded = await page.reload();
  expect(reloaded?.fromServiceWorker()).toBe(true);
  await waitForEngine(page, 60_000);

  // Drawing: a "1" and a "7", side by side.
  await page.getByTestId('mode-draw').click();
  await stroke(page, [
    [0.33, 0.25],
    [0.31, 0.75],
  ]);
  await stroke(page, [
    [0.5, 0.27],
    [0.68, 0.27],
    [0.56, 0.75],
  ]);
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-status', 'done');
  await expect(result).toHaveAttribute('data-text', '17');

  // Upload: a PNG of MNIST test digits.
  await page.getByTestId('mode-upload').click();
  await page.getByTestId('file-input').setInputFiles(fixture.path);
  const item = page.getByTestId('batch-item');
  await expect(item).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(item).toHaveAttribute('data-text', fixture.text);
});
