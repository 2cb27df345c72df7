/**
 * Bad input: every file people feed an image reader ends in a clear message on its own item or
 * a sensible result, never a crash, hang or blank page, and the next good input still reads.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { makeBadInputs, type BadInput } from './fixtures/makeBadInputs';
import {
  GENERATED_DIR,
  makeUploadFixtures,
  type UploadFixture,
} from './fixtures/makeUploadFixtures';
import { expectRead, openPad, write } from './pen';
import { expect, test, waitForEngine } from './support';

let corpus: BadInput[] = [];
let good: UploadFixture[] = [];
test.beforeAll(() => {
  corpus = makeBadInputs();
  good = makeUploadFixtures().filter((f) => f.expected !== null);
});

const item = (page: Page, name: string): Locator =>
  page.locator(`[data-testid="batch-item"][data-name="${name.replace(/["\\]/g, '\\$&')}"]`);

async function openUpload(page: Page): Promise<void> {
  await page.goto('/');
  await page.getByTestId('mode-upload').click();
  await waitForEngine(page);
}

async function settled(locator: Locator, timeout = 30_000): Promise<string> {
  await expect(locator).toHaveAttribute('data-status', /^(done|error)$/, { timeout });
  return (await locator.getAttribute('data-status')) ?? '';
}

test('each bad file gets its own clear message or a sensible result; good files still read', async ({
  page,
}) => {
  test.setTimeout(120_000);
  await openUpload(page);
  const receipt = good[0]!;
  const batch = [...corpus.map((c) => c.path), receipt.path];
  await page.getByTestId('file-input').setInputFiles(batch);
  await expect(page.getByTestId('batch-item')).toHaveCount(batch.length);

  for (const entry of corpus) {
    const el = item(page, entry.name);
    const status = await settled(el, 60_000);
    if (entry.expect === 'error') {
      expect(status, entry.name).toBe('error');
      await expect(el, entry.name).toContainText(entry.message!);
    } else {
      expect(status, entry.name).toBe('done');
      if (entry.expect === 'empty') await expect(el, entry.name).toHaveAttribute('data-text', '');
      if (entry.text) await expect(el, entry.name).toHaveAttribute('data-text', entry.text);
    }
  }
  await expect(item(page, receipt.name)).toHaveAttribute('data-text', receipt.expected!);

  // Selecting a broken item shows its message in the result panel, as a sentence.
  await item(page, 'bomb-30000.png').click();
  await expect(page.getByTestId('result')).toHaveAttribute('data-status', 'error');
  await expect(
    page.getByTestId('result').getByTestId('error-message').filter({ hasText: 'Resize it' }),
  ).toBeVisible();
});

test('blank pages, noise and lines without digits say "no digits" quickly', async ({ page }) => {
  await openUpload(page);
  for (const name of ['blank.png', 'noise.png', 'ruled-no-digits.png']) {
    const entry = corpus.find((c) => c.name === name)!;
    const started = Date.now();
    await page.getByTestId('file-input').setInputFiles(entry.path);
    await expect(item(page, name)).toHaveAttribute('data-status', 'done', { timeout: 5_000 });
    expect(Date.now() - started, `${name} took too long`).toBeLessThan(5_000);
    await expect(item(page, name)).toHaveAttribute('data-text', '');
  }
  await item(page, 'noise.png').click();
  await expect(page.getByTestId('result')).toContainText(/no digits/i);
});

test('a file name is shown as text, never run as HTML', async ({ page }) => {
  const dir = join(GENERATED_DIR, 'names');
  mkdirSync(dir, { recursive: true });
  const evil = '<img src=x onerror="window.__pwned=1">.png';
  const path = join(dir, evil);
  copyFileSync(good[0]!.path, path);
  await openUpload(page);
  await page.getByTestId('file-input').setInputFiles(path);
  const el = page.getByTestId('batch-item').first();
  await expect(el).toHaveAttribute('data-name', evil);
  await expect(el).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(el).toContainText(evil);
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
});

test('a batch of 50 files, broken ones included, all settle and the good ones read', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const dir = join(GENERATED_DIR, 'batch50');
  mkdirSync(dir, { recursive: true });
  const broken = corpus.filter((c) => c.expect === 'error' && !c.name.startsWith('bomb'));
  const files: { path: string; expected: string | null }[] = [];
  for (let i = 0; files.length < 50; i++) {
    if (i % 5 === 4) {
      const b = broken[i % broken.length]!;
      const path = join(dir, `${String(i).padStart(2, '0')}-${b.name}`);
      copyFileSync(b.path, path);
      files.push({ path, expected: null });
    } else {
      const g = good[i % good.length]!;
      const path = join(dir, `${String(i).padStart(2, '0')}-${g.name}`);
      copyFileSync(g.path, path);
      files.push({ path, expected: g.expected });
    }
  }
  await openUpload(page);
  await page.getByTestId('file-input').setInputFiles(files.map((f) => f.path));
  const items = page.getByTestId('batch-item');
  await expect(items).toHaveCount(50);
  for (let i = 0; i < files.length; i++) {
    const status = await settled(items.nth(i), 60_000);
    const expected = files[i]!.expected;
    if (expected === null) expect(status).toBe('error');
    else await expect(items.nth(i)).toHaveAttribute('data-text', expected);
  }
  // Still responsive: the mode tabs react at once.
  await page.getByTestId('mode-draw').click();
  await expect(page.getByTestId('mode-draw')).toHaveAttribute('aria-selected', 'true');
});

test('an empty canvas, a very long stroke and hundreds of strokes keep the pad working', async ({
  page,
}) => {
  test.setTimeout(360_000);
  const { canvas, result } = await openPad(page);
  // Empty canvas: nothing to read, nothing pending.
  await expect(result).toHaveAttribute('data-status', 'idle');
  await expect(page.getByTestId('clear')).toBeDisabled();

  const box = (await canvas.boundingBox())!;
  // One very long stroke: a 400-point scribble spiralling over the whole pad.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let i = 0; i < 400; i++) {
    const a = i / 8;
    const r = 0.05 + (0.4 * i) / 400;
    await page.mouse.move(
      box.x + box.width * (0.5 + r * Math.cos(a)),
      box.y + box.height * (0.5 + r * Math.sin(a)),
    );
  }
  await page.mouse.up();
  await expect(result).toHaveAttribute('data-status', /^(done|error)$/, { timeout: 30_000 });
  await page.getByTestId('clear').click();
  await expect(result).toHaveAttribute('data-status', 'idle');

  // Hundreds of short strokes in a row, as fast as the mouse goes.
  for (let i = 0; i < 200; i++) {
    const x = box.x + box.width * (0.05 + (0.9 * ((i * 37) % 100)) / 100);
    const y = box.y + box.height * (0.05 + (0.9 * ((i * 61) % 100)) / 100);
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 6, y + 4);
    await page.mouse.up();
  }
  await expect(result).toHaveAttribute('data-status', /^(done|error)$/, { timeout: 30_000 });

  // The next good input still reads.
  await page.getByTestId('clear').click();
  await write(page, canvas, '17', { left: 0.2, top: 0.2, size: 0.55 });
  await expectRead(result, '17');
});
