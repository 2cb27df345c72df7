import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { openPad } from './pen';
import { expect, test, waitForEngine } from './support';
import { batchItem, ENGINE_TIMEOUT, fixture, openUpload, uploadAndRead } from './uploads';

test.describe.configure({ timeout: 180_000 });

test('a chosen folder: its images (subfolders too) are read, other files are listed', async ({
  page,
}, info) => {
  const dir = join(info.outputDir, 'forms');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, 'march'), { recursive: true });
  copyFileSync(fixture('receipt-2024.png').path, join(dir, 'receipt-2024.png'));
  copyFileSync(fixture('note-5173.jpg').path, join(dir, 'march', 'note-5173.jpg'));
  writeFileSync(join(dir, 'notes.txt'), 'call Bob at 5');
  writeFileSync(join(dir, 'march', 'budget.csv'), 'a,b\n1,2\n');

  await openUpload(page);
  const folder = page.getByTestId('folder-input');
  await expect(folder).toHaveAttribute('webkitdirectory', '');
  await folder.setInputFiles(dir);
  await expect(page.getByTestId('batch-item')).toHaveCount(2);
  await expect(batchItem(page, 'receipt-2024.png')).toHaveAttribute('data-text', '2024', {
    timeout: 30_000,
  });
  await expect(batchItem(page, 'note-5173.jpg')).toHaveAttribute('data-text', '5173', {
    timeout: 30_000,
  });
  const skipped = page.getByTestId('skipped-files');
  await expect(skipped).toHaveAttribute('data-count', '2');
  await expect(skipped).toContainText('forms/notes.txt');
  await expect(skipped).toContainText('forms/march/budget.csv');
});

test('the newest upload is shown; one item can be removed', async ({ page }) => {
  await openUpload(page);
  const result = page.getByTestId('result');
  await uploadAndRead(page, ['receipt-2024.png']);
  await expect(result).toHaveAttribute('data-text', '2024');
  await uploadAndRead(page, ['note-5173.jpg']);
  await expect(result).toHaveAttribute('data-text', '5173');
  await expect(batchItem(page, 'note-5173.jpg')).toHaveAttribute('aria-selected', 'true');

  // Removing the item on screen shows its neighbour; removing another leaves the choice alone.
  await batchItem(page, 'note-5173.jpg').getByTestId('remove-item').click();
  await expect(page.getByTestId('batch-item')).toHaveCount(1);
  await expect(result).toHaveAttribute('data-text', '2024');
  await uploadAndRead(page, ['two-lines.png']);
  await batchItem(page, 'receipt-2024.png').getByTestId('remove-item').click();
  await expect(page.getByTestId('batch-item')).toHaveCount(1);
  await expect(result).toHaveAttribute('data-text', '806\n49');
  await batchItem(page, 'two-lines.png').getByTestId('remove-item').click();
  await expect(page.getByTestId('batch-item')).toHaveCount(0);
  await expect(result).toHaveAttribute('data-status', 'idle');
});

test('a file dropped anywhere, on any tab, is taken and the page stays', async ({ page }) => {
  const { result } = await openPad(page, '?backend=wasm');
  const url = page.url();
  const bytes = [...readFileSync(fixture('note-5173.jpg').path)];
  const prevented = await page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'dropped.jpg', { type: 'image/jpeg' }));
    const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true });
    const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true });
    document.querySelector('header')!.dispatchEvent(over);
    document.querySelector('header')!.dispatchEvent(drop);
    return [over.defaultPrevented, drop.defaultPrevented];
  }, bytes);
  // Both cancelled: the browser neither shows a "no drop" cursor nor opens the file.
  expect(prevented).toEqual([true, true]);
  await expect(page.getByTestId('mode-upload')).toHaveAttribute('aria-selected', 'true');
  await expect(batchItem(page, 'dropped.jpg')).toHaveAttribute('data-text', '5173', {
    timeout: 30_000,
  });
  await expect(result).toHaveAttribute('data-text', '5173');
  expect(page.url()).toBe(url);
});

test('pasting an image on the draw tab adds it to the batch', async ({ page }) => {
  await page.goto('/?backend=wasm');
  await waitForEngine(page, ENGINE_TIMEOUT);
  await expect(page.getByTestId('mode-draw')).toHaveAttribute('aria-selected', 'true');
  const bytes = [...readFileSync(fixture('receipt-2024.png').path)];
  await page.evaluate((data) => {
    const dt = new DataTransfer();
    dt.items.add(new File([new Uint8Array(data)], 'image.png', { type: 'image/png' }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: dt }));
  }, bytes);
  await expect(page.getByTestId('mode-upload')).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByTestId('batch-item')).toHaveCount(1);
  await expect(page.getByTestId('batch-item')).toHaveAttribute('data-text', '2024', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('result')).toHaveAttribute('data-text', '2024');
});
