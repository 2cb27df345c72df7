import { expect, test } from './support';
import { batchItem, openUpload, uploadAndRead, withSavedParams } from './uploads';

test.describe.configure({ timeout: 180_000 });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

// "Doubtful below 100%" makes every digit the model is not certain of doubtful: a stand-in for
// a hard image, with the same code path.
test('doubtful digits stay marked in the big text, Copy and the batch; fixing one clears it', async ({
  page,
}) => {
  await withSavedParams(page, { doubtfulBelow: 1 });
  await openUpload(page);
  await uploadAndRead(page, ['receipt-2024.png']);
  const item = batchItem(page, 'receipt-2024.png');
  const doubtfulDigits = page.locator('[data-testid="digit"][data-doubtful="true"]');
  const count = await doubtfulDigits.count();
  expect(count).toBeGreaterThan(1);
  await expect(item).toHaveAttribute('data-doubtful', String(count));
  await expect(item).toContainText(`${count} to check`);
  await expect(page.getByTestId('big-text').locator('[data-doubtful="true"]')).toHaveCount(count);

  // Copy gives the digits only, and says that some are doubtful.
  await page.getByTestId('copy').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('2024');
  await expect(page.getByTestId('copy-warning')).toContainText(`${count} digits are doubtful`);

  // The button (or N) jumps to the first doubtful digit and offers its fixes.
  await page.getByTestId('next-doubtful').click();
  const first = doubtfulDigits.first();
  const label = (await first.getAttribute('data-label'))!;
  await expect(first.getByRole('button').first()).toBeFocused();
  await expect(first.getByTestId('digit-fix-input')).toBeVisible();
  await first.getByTestId('digit-fix-input').fill(label === '9' ? '8' : '9');
  await page.keyboard.press('Enter');
  await expect(item).toHaveAttribute('data-doubtful', String(count - 1));
  await expect(page.locator('[data-corrected="true"]')).not.toHaveAttribute(
    'data-doubtful',
    'true',
  );

  // N moves on to the next doubtful digit.
  await page.keyboard.press('n');
  await expect(page.getByRole('dialog', { name: /Correct digit/ })).toBeVisible();
  await expect(
    page.locator('[data-testid="digit"][data-doubtful="true"]').first().getByRole('button').first(),
  ).toBeFocused();
});
