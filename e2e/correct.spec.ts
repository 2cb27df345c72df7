import { expectRead, openPad, write } from './pen';
import { expect, test } from './support';
import { batchItem, openUpload, uploadAndRead } from './uploads';

test.describe.configure({ timeout: 180_000 });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

test('a digit is corrected from its alternatives or by typing; undo takes it back', async ({
  page,
}) => {
  await openUpload(page);
  await uploadAndRead(page, ['receipt-2024.png']);
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-text', '2024');

  // Click the second digit: its alternatives are offered; choose the first one.
  const second = page.getByTestId('digit').nth(1);
  await second.click();
  const fix = second.getByTestId('digit-fix').first();
  await expect(fix).toBeVisible();
  const label = (await fix.getAttribute('data-label'))!;
  expect(label).toMatch(/^\d$/);
  expect(label).not.toBe('0');
  await fix.click();
  const fixed = `2${label}24`;
  await expect(result).toHaveAttribute('data-text', fixed);
  await expect(second).toHaveAttribute('data-corrected', 'true');
  await expect(second).toHaveAttribute('data-label', label);
  await expect(page.getByTestId('big-text')).toHaveText(fixed);
  await expect(batchItem(page, 'receipt-2024.png')).toHaveAttribute('data-text', fixed);
  await page.getByTestId('copy').click();
  await expect(page.getByTestId('copy')).toContainText('Copied');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(fixed);

  await page.getByTestId('undo-correction').click();
  await expect(result).toHaveAttribute('data-text', '2024');
  await expect(second).not.toHaveAttribute('data-corrected', 'true');

  // Keyboard: Enter on the last digit opens the popover, type a digit, Ctrl+Z takes it back.
  const last = page.getByTestId('digit').nth(3);
  await last.getByRole('button').first().focus();
  await page.keyboard.press('Enter');
  const input = last.getByTestId('digit-fix-input');
  await expect(input).toBeVisible();
  await input.fill('9');
  await expect(result).toHaveAttribute('data-text', '2029');
  await expect(last).toHaveAttribute('data-corrected', 'true');
  await page.keyboard.press('Enter');
  await expect(input).toBeHidden();
  await page.keyboard.press('Control+z');
  await expect(result).toHaveAttribute('data-text', '2024');
  await expect(page.locator('[data-corrected="true"]')).toHaveCount(0);
});

test('on the pad, Ctrl+Z undoes a correction first, then strokes again', async ({ page }) => {
  const { canvas, result } = await openPad(page, '?backend=wasm');
  await write(page, canvas, '71', { left: 0.2, top: 0.28, size: 0.45 });
  await expectRead(result, '71');
  await page.getByTestId('digit').nth(1).click();
  await page.getByTestId('digit-fix-input').fill('4');
  await expect(result).toHaveAttribute('data-text', '74');
  await page.keyboard.press('Escape');

  // The correction was the latest edit: it is what Ctrl+Z takes back, not the stroke.
  await page.mouse.click(5, 5);
  await page.keyboard.press('Control+z');
  await expectRead(result, '71');
  await expect(page.getByTestId('digit')).toHaveCount(2);

  // A correction survives a new stroke elsewhere on the pad (its ink is unchanged)...
  await page.getByTestId('digit').first().click();
  await page.getByTestId('digit-fix-input').fill('1');
  await page.keyboard.press('Enter');
  await expect(result).toHaveAttribute('data-text', '11');
  await write(page, canvas, '0', { left: 0.7, top: 0.28, size: 0.45 });
  await expectRead(result, '110');
  // ...and after that stroke, Ctrl+Z is the pad's again.
  await page.mouse.click(5, 5);
  await page.keyboard.press('Control+z');
  await expectRead(result, '11');
});
