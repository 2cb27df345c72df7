import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './support';
import { openUpload, uploadAndRead } from './uploads';

test.describe.configure({ timeout: 180_000 });
test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

async function save(page: Page, testId: string): Promise<{ d: Download; text: string }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(testId).click()]);
  return { d, text: readFileSync(await d.path(), 'utf8') };
}

test('all results export as CSV and JSON, offline, corrections included', async ({
  page,
  context,
}) => {
  await openUpload(page);
  await uploadAndRead(page, ['receipt-2024.png', 'two-lines.png', 'not-an-image.png']);
  await page.locator('[data-testid="batch-item"][data-name="receipt-2024.png"]').click();
  const first = page.getByTestId('digit').first();
  await first.click();
  await first.getByTestId('digit-fix-input').fill('7');
  await expect(page.getByTestId('result')).toHaveAttribute('data-text', '7024');

  // No network needed: the files are made in the page.
  await context.setOffline(true);
  const csv = await save(page, 'export-csv');
  expect(csv.d.suggestedFilename()).toMatch(/^digit-lens-.*\.csv$/);
  const rows = csv.text.split('\r\n');
  expect(rows[0]).toBe(
    'name,status,text,digits,doubtful_count,corrected_count,labels,original_labels,confidences,doubtful,corrected,lines,boxes,error',
  );
  expect(rows[1]).toMatch(/^receipt-2024\.png,done,7024,4,\d,1,7;0;2;4,2;0;2;4,/);
  // A two-line text is one quoted field with its line break (RFC 4180).
  expect(csv.text).toContain('two-lines.png,done,"806\n49",5,');
  expect(csv.text).toMatch(/not-an-image\.png,error,,0,0,0,,,,,,,,"?[^\r]*not-an-image\.png/);
  expect(csv.text.endsWith('\r\n')).toBe(true);

  const json = JSON.parse((await save(page, 'export-json')).text);
  expect(json.items.map((i: { name: string }) => i.name)).toEqual([
    'receipt-2024.png',
    'two-lines.png',
    'not-an-image.png',
  ]);
  const digit = json.items[0].digits[0];
  expect(digit).toMatchObject({ line: 0, index: 0, label: 7, originalLabel: 2, corrected: true });
  expect(digit.doubtful).toBe(false);
  expect(digit.box.width).toBeGreaterThan(0);
  expect(digit.confidence).toBeGreaterThan(0);
  expect(json.items[1].digits.map((d: { line: number }) => d.line)).toEqual([0, 0, 0, 1, 1]);

  await page.getByTestId('copy-all').click();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(
    'receipt-2024.png\t7024\ntwo-lines.png\t806 49\nnot-an-image.png\t',
  );
  await context.setOffline(false);
});
