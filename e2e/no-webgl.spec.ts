/**
 * Chromium with WebGL switched off: the engine falls back to wasm, says so, and reads digits.
 */
import { chromiumArgs } from '../playwright.config';
import { expectRead, write } from './pen';
import { expect, test, waitForEngine } from './support';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, '--disable-webgl', '--disable-webgl2', '--disable-3d-apis'],
  },
});

test('without WebGL the engine falls back to wasm and says so', async ({ page }) => {
  await page.goto('/');
  expect(await waitForEngine(page)).toBe('wasm');
  await expect(page.getByTestId('engine-status')).toContainText('WebAssembly');
  await write(page, page.getByTestId('draw-canvas'), '7', { left: 0.35, top: 0.2, size: 0.6 });
  await expectRead(page.getByTestId('result'), '7');
});
