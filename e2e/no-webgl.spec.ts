/**
 * Chromium with WebGL switched off: the engine falls back to wasm, says so, and reads digits.
 */
import { chromiumArgs } from '../playwright.config';
import { expectRead, write } from './pen';
import { expect, test, waitForEngine } from './support';

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    // --disable-webgl alone leaves WebGL on OffscreenCanvas in workers (checked on Chromium 156);
    // without a GPU process and software GL, no WebGL context can be made anywhere.
    args: [...chromiumArgs, '--disable-gpu', '--disable-software-rasterizer'],
  },
});

test('asked for WebGL where there is none, the engine falls back to wasm and says so', async ({
  page,
}) => {
  await page.goto('/?backend=webgl');
  expect(await waitForEngine(page)).toBe('wasm');
  await expect(page.getByTestId('engine-status')).toContainText('WebAssembly');
  await write(page, page.getByTestId('draw-canvas'), '7', { left: 0.35, top: 0.2, size: 0.6 });
  await expectRead(page.getByTestId('result'), '7');
});
