import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { makeUploadFixtures, type UploadFixture } from './fixtures/makeUploadFixtures';
import { expect, test, waitForEngine } from './support';

// The engine (OpenCV.js + tfjs warm-up) can take a while on a busy 2-core machine. These specs
// test the UI, not the backend choice (app.spec.ts does): WebAssembly starts fastest here, while
// WebGL on software GL took over a minute to warm up under load.
const ENGINE_TIMEOUT = 60_000;
test.describe.configure({ timeout: 120_000 });

let fixtures: UploadFixture[] = [];
test.beforeAll(() => {
  fixtures = makeUploadFixtures();
});

const good = (): UploadFixture[] => fixtures.filter((f) => f.expected !== null);
const named = (name: string): UploadFixture => {
  const f = fixtures.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
};
const item = (page: Page, name: string) =>
  page.locator(`[data-testid="batch-item"][data-name="${name}"]`);

async function openUpload(page: Page): Promise<void> {
  await page.goto('/?backend=wasm');
  await page.getByTestId('mode-upload').click();
  await waitForEngine(page, ENGINE_TIMEOUT);
}

test('reads several PNG and JPEG images, each on its own batch item', async ({ page }) => {
  await openUpload(page);
  const files = good();
  await page.getByTestId('file-input').setInputFiles(files.map((f) => f.path));

  await expect(page.getByTestId('batch-item')).toHaveCount(files.length);
  for (const f of files) {
    await expect(item(page, f.name)).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
    await expect(item(page, f.name)).toHaveAttribute('data-text', f.expected!);
  }

  // The first file is on screen; choosing another (click, then keyboard) shows that one.
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-status', 'done');
  await expect(result).toHaveAttribute('data-text', files[0]!.expected!);
  await item(page, files[1]!.name).click();
  await expect(result).toHaveAttribute('data-text', files[1]!.expected!);
  await item(page, files[2]!.name).focus();
  await page.keyboard.press('Enter');
  await expect(result).toHaveAttribute('data-text', files[2]!.expected!);
  await expect(page.getByTestId('digit')).toHaveCount(
    files[2]!.expected!.replace(/\n/g, '').length,
  );
  // Arrow keys move through the list (listbox pattern).
  await page.keyboard.press('ArrowLeft');
  await expect(item(page, files[1]!.name)).toBeFocused();
  await expect(result).toHaveAttribute('data-text', files[1]!.expected!);

  await page.getByRole('button', { name: 'Clear all' }).click();
  await expect(page.getByTestId('batch-item')).toHaveCount(0);
  await expect(result).toHaveAttribute('data-status', 'idle');
});

test('a broken file among good ones gets its own message; the others still read', async ({
  page,
}) => {
  await openUpload(page);
  const batch = [
    named('receipt-2024.png'),
    named('not-an-image.png'),
    named('truncated.jpg'),
    named('note-5173.jpg'),
  ];
  await page.getByTestId('file-input').setInputFiles(batch.map((f) => f.path));
  await expect(page.getByTestId('batch-item')).toHaveCount(batch.length);

  for (const f of batch) {
    const el = item(page, f.name);
    if (f.expected === null) {
      await expect(el).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
      await expect(el).toHaveAttribute('data-text', '');
      // A sentence naming the file and saying what to do, not a stack trace.
      await expect(el).toContainText(f.name);
      await expect(el.getByTestId('error-message')).toContainText(
        /not an image|not a photo|damaged|incomplete/,
      );
    } else {
      await expect(el).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
      await expect(el).toHaveAttribute('data-text', f.expected);
    }
  }

  // Selecting the broken one shows its message as the result.
  await item(page, 'not-an-image.png').click();
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-status', 'error');
  await expect(result.getByTestId('error-message')).toContainText('not-an-image.png');
  await item(page, 'note-5173.jpg').click();
  await expect(result).toHaveAttribute('data-status', 'done');
  await expect(result).toHaveAttribute('data-text', '5173');
});

test('a single broken file: one error message, in the result, saying what to do', async ({
  page,
}) => {
  await openUpload(page);
  await page.getByTestId('file-input').setInputFiles(named('not-an-image.png').path);
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-status', 'error', { timeout: 30_000 });
  await expect(page.getByTestId('error-message')).toHaveCount(1);
  await expect(result.getByTestId('error-message')).toContainText('not-an-image.png');
  await expect(result.getByTestId('error-message')).toContainText(/PNG|JPEG/);
});

test('pasting an image adds a "pasted image" item and reads it', async ({ page }) => {
  await openUpload(page);
  const bytes = [...readFileSync(named('receipt-2024.png').path)];
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    const file = new File([new Uint8Array(data)], 'image.png', { type: 'image/png' });
    transfer.items.add(file);
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer }));
  }, bytes);
  const pasted = item(page, 'pasted image 1.png');
  await expect(pasted).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(pasted).toHaveAttribute('data-text', '2024');
});

test('dropping files highlights the zone and adds them; names show as text', async ({ page }) => {
  await openUpload(page);
  const zone = page.getByTestId('drop-zone');
  const bytes = [...readFileSync(named('note-5173.jpg').path)];
  const oddName = '<img src=x onerror=alert(1)>.jpg';
  const transfer = await page.evaluateHandle(
    ({ data, name }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type: 'image/jpeg' }));
      return dt;
    },
    { data: bytes, name: oddName },
  );
  await zone.dispatchEvent('dragenter', { dataTransfer: transfer });
  await expect(zone).toHaveAttribute('data-dragging', 'true');
  await zone.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(zone).not.toHaveAttribute('data-dragging', 'true');

  const dropped = page.getByTestId('batch-item');
  await expect(dropped).toHaveCount(1);
  await expect(dropped).toHaveAttribute('data-name', oddName);
  await expect(dropped).toContainText(oddName);
  await expect(dropped).toHaveAttribute('data-text', '5173', { timeout: 30_000 });
});
