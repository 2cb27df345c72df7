import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './support';
import { batchItem, fixture, openUpload } from './uploads';

test.describe.configure({ timeout: 180_000 });

/** True when the element's top edge and most of its first 200 px are inside the window. */
async function topInView(page: Page, el: Locator): Promise<boolean> {
  const box = await el.boundingBox();
  const height = page.viewportSize()!.height;
  return box !== null && box.y >= -1 && box.y + Math.min(200, box.height) <= height;
}

test('desktop: the result stays beside a long batch list', async ({ page }) => {
  await openUpload(page);
  const bytes = readFileSync(fixture('receipt-2024.png').path);
  await page.getByTestId('file-input').setInputFiles(
    Array.from({ length: 24 }, (_, i) => ({
      name: `scan-${String(i + 1).padStart(2, '0')}.png`,
      mimeType: 'image/png',
      buffer: bytes,
    })),
  );
  await expect(page.locator('[data-testid="batch-item"][data-status="done"]')).toHaveCount(24, {
    timeout: 120_000,
  });
  // Choosing an item far down the list: the result is still on screen, showing it.
  const far = batchItem(page, 'scan-22.png');
  await far.scrollIntoViewIfNeeded();
  await far.click();
  await expect(far).toHaveAttribute('aria-selected', 'true');
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-text', '2024');
  await expect.poll(() => topInView(page, result)).toBe(true);
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('after an upload the result scrolls into view, and no toast covers it', async ({ page }) => {
    await openUpload(page);
    const result = page.getByTestId('result');
    await page.getByTestId('file-input').setInputFiles(fixture('two-lines.png').path);
    await expect(result).toHaveAttribute('data-text', '806\n49', { timeout: 30_000 });
    await expect.poll(() => topInView(page, result)).toBe(true);
    const toast = page.getByTestId('pwa-status');
    if ((await toast.count()) > 0) {
      const t = (await toast.boundingBox())!;
      const r = (await result.boundingBox())!;
      expect(t.y >= r.y + r.height || t.y + t.height <= r.y).toBe(true);
    }
  });
});
