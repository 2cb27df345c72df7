/**
 * Failures of the environment: a missing or corrupt model, OpenCV.js failing to load, no WebGL,
 * a crashed worker. Each ends in a message (with a retry where that helps) and the rest of the
 * app keeps working.
 */
import type { Page } from '@playwright/test';
import { expectRead, openPad, write } from './pen';
import { expect, test, waitForEngine } from './support';

async function expectEngineError(page: Page, message: RegExp): Promise<void> {
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'error', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('error-message').first()).toContainText(message);
}

async function retryUntilReady(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Retry' }).first().click();
  await waitForEngine(page);
}

test('a missing model (404): a message and a retry that works once the model is back', async ({
  page,
  context,
  problems,
}) => {
  problems.allow(/404|Failed to load resource/);
  await context.route('**/model/model.json', (route) => route.fulfill({ status: 404, body: '' }));
  await page.goto('/');
  await expectEngineError(page, /model could not be loaded/i);
  // The rest of the UI still works while the engine is down.
  await page.getByTestId('mode-upload').click();
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await context.unroute('**/model/model.json');
  await retryUntilReady(page);
  await page.getByTestId('mode-draw').click();
  const canvas = page.getByTestId('draw-canvas');
  await write(page, canvas, '7', { left: 0.35, top: 0.2, size: 0.6 });
  await expectRead(page.getByTestId('result'), '7');
});

test('a corrupt model: a message, not a hang', async ({ page, context }) => {
  await context.route('**/model/model.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: '{"modelTopology": 42' }),
  );
  await page.goto('/');
  await expectEngineError(page, /model could not be loaded/i);
});

test('OpenCV.js failing to load: a message and a working retry', async ({
  page,
  context,
  problems,
}) => {
  problems.allow(/404|Failed to load resource|Failed to fetch dynamically imported module/);
  await context.route(/\/assets\/(opencvModule-[\w-]+\.js|opencv-[\w-]+\.wasm)$/, (route) =>
    route.fulfill({ status: 404, body: '' }),
  );
  await page.goto('/');
  await expectEngineError(page, /image-processing module could not be loaded/i);
  await context.unroute(/\/assets\/(opencvModule-[\w-]+\.js|opencv-[\w-]+\.wasm)$/);
  await retryUntilReady(page);
});

test('forcing the wasm backend is honoured and reads digits', async ({ page }) => {
  await page.goto('/?backend=wasm');
  expect(await waitForEngine(page)).toBe('wasm');
  await write(page, page.getByTestId('draw-canvas'), '1', { left: 0.4, top: 0.2, size: 0.6 });
  await expectRead(page.getByTestId('result'), '1');
});

test('a crashed worker is restarted and the app reads again', async ({ page, problems }) => {
  problems.allow(/engine worker crash requested/);
  const { canvas, result } = await openPad(page);
  await page.evaluate(() =>
    (window as unknown as { digitLens: { crashEngine(): Promise<void> } }).digitLens.crashEngine(),
  );
  // The status goes through loading back to ready with a fresh worker.
  await waitForEngine(page);
  await write(page, canvas, '4', { left: 0.35, top: 0.2, size: 0.6 });
  await expectRead(result, '4');
});

test('a lost WebGL context restarts the engine, which reads again', async ({ page, problems }) => {
  problems.allow(/WebGL context lost|CONTEXT_LOST_WEBGL|lost context/i);
  const { canvas, result } = await openPad(page, '?backend=webgl');
  const backend = await page.getByTestId('engine-status').getAttribute('data-backend');
  test.skip(backend !== 'webgl', `WebGL is not the backend here (${backend})`);
  await page.evaluate(() =>
    (
      window as unknown as { digitLens: { crashEngine(how: string): Promise<void> } }
    ).digitLens.crashEngine('webgl-context-lost'),
  );
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'loading');
  await waitForEngine(page);
  await write(page, canvas, '7', { left: 0.35, top: 0.2, size: 0.6 });
  await expectRead(result, '7');
});
