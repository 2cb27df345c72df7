import { expectRead, openPad, write } from './pen';
import { expect, test } from './support';

test.describe.configure({ timeout: 180_000 });

// A phone number written small: the pen must thin to match, or every loop fills with ink.
test('a 10-digit number written 35 px tall reads right', async ({ page }) => {
  const { canvas, result } = await openPad(page, '?backend=wasm');
  const box = (await canvas.boundingBox())!;
  const number = '7041704170';
  await write(page, canvas, number, { left: 0.04, top: 0.4, size: 35 / box.height });
  await expectRead(result, number);
  await expect(page.getByTestId('digit')).toHaveCount(10);
});

test('big writing keeps the full pen', async ({ page }) => {
  const { canvas, result } = await openPad(page, '?backend=wasm');
  await write(page, canvas, '40', { left: 0.2, top: 0.2, size: 0.5 });
  await expectRead(result, '40');
});
