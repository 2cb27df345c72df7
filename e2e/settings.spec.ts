import { expect, test } from './support';
import { openUpload, uploadAndRead, withSavedParams } from './uploads';

test.describe.configure({ timeout: 180_000 });

test('saved custom settings show a badge; activating it resets them and reads again', async ({
  page,
}) => {
  // The case: a minimum box size of 200 kept from an earlier visit finds nothing.
  await withSavedParams(page, { minBoxSize: 200 });
  await openUpload(page);
  const badge = page.getByTestId('params-custom');
  await expect(badge).toBeVisible();
  await uploadAndRead(page, ['receipt-2024.png']);
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-text', '');
  await expect(result).toContainText('No digits found');

  await badge.click();
  await expect(badge).toBeHidden();
  await expect(result).toHaveAttribute('data-text', '2024');
  await expect(result).toHaveAttribute('data-status', 'done');

  // Tuning a slider brings the badge back; "Reset to defaults" hides it too.
  await page.getByTestId('param-blurSize').fill('7');
  await expect(badge).toBeVisible();
  await page.getByTestId('reset-params').click();
  await expect(badge).toBeHidden();
});

test('default settings show no badge', async ({ page }) => {
  await openUpload(page);
  await expect(page.getByTestId('engine-status')).toBeVisible();
  await expect(page.getByTestId('params-custom')).toHaveCount(0);
});
