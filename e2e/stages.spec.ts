import type { Locator, Page } from '@playwright/test';
import { makeUploadFixtures, type UploadFixture } from './fixtures/makeUploadFixtures';
import { expect, test, waitForEngine } from './support';

// The engine (OpenCV.js + tfjs warm-up) can take a while on a busy 2-core machine. These specs
// test the UI, not the backend choice (app.spec.ts does): WebAssembly starts fastest here, while
// WebGL on software GL took over a minute to warm up under load.
const ENGINE_TIMEOUT = 60_000;
test.describe.configure({ timeout: 120_000 });

const STAGE_IDS = ['gray', 'blur', 'thresh', 'edges', 'dilate', 'boxes'] as const;

let receipt: UploadFixture;
test.beforeAll(() => {
  const f = makeUploadFixtures().find((x) => x.name === 'receipt-2024.png');
  if (!f) throw new Error('fixture missing');
  receipt = f;
});

/** A canvas's pixels summarised: how many distinct gray levels, and a content hash. */
function canvasSummary(canvas: Locator): Promise<{ distinct: number; hash: number; size: string }> {
  return canvas.evaluate((el) => {
    const c = el as HTMLCanvasElement;
    const ctx = c.getContext('2d');
    if (!ctx || c.width === 0 || c.height === 0) return { distinct: 0, hash: 0, size: '0x0' };
    const { data } = ctx.getImageData(0, 0, c.width, c.height);
    const seen = new Set<number>();
    let hash = 0;
    for (let i = 0; i < data.length; i += 4) {
      const v = (data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!;
      if (seen.size < 64) seen.add(v);
      hash = (Math.imul(hash, 31) + v) | 0;
    }
    return { distinct: seen.size, hash, size: `${c.width}x${c.height}` };
  });
}

async function readReceipt(page: Page): Promise<void> {
  await page.goto('/?backend=wasm');
  await page.getByTestId('mode-upload').click();
  await waitForEngine(page, ENGINE_TIMEOUT);
  await page.getByTestId('file-input').setInputFiles(receipt.path);
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-status', 'done', { timeout: 30_000 });
  await expect(result).toHaveAttribute('data-text', receipt.expected!);
}

test('every stage is drawn, crops are shown, and the stages redraw when a parameter changes', async ({
  page,
}) => {
  await readReceipt(page);

  for (const id of STAGE_IDS) {
    const canvas = page.getByTestId(`stage-${id}`);
    await expect(canvas).toBeVisible();
    const s = await canvasSummary(canvas);
    expect(s.distinct, `stage ${id} (${s.size}) is not one flat colour`).toBeGreaterThan(1);
  }

  const crops = page.getByTestId('digit-crop');
  await expect(crops).toHaveCount(receipt.expected!.length);
  for (const crop of await crops.all()) {
    expect((await canvasSummary(crop)).distinct).toBeGreaterThan(1);
  }

  // Another threshold method: the thresh image changes.
  const thresh = page.getByTestId('stage-thresh');
  const before = (await canvasSummary(thresh)).hash;
  await page.getByTestId('param-thresholdMethod').selectOption('adaptive');
  await expect.poll(async () => (await canvasSummary(thresh)).hash).not.toBe(before);

  // A slider: a bigger blur changes the blur image.
  const blur = page.getByTestId('stage-blur');
  const blurBefore = (await canvasSummary(blur)).hash;
  const slider = page.getByTestId('param-blurSize');
  await slider.focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(slider).toHaveValue('11');
  await expect.poll(async () => (await canvasSummary(blur)).hash).not.toBe(blurBefore);

  // Reset brings the defaults (and the default reading) back.
  await page.getByTestId('reset-params').click();
  await expect(page.getByTestId('param-thresholdMethod')).toHaveValue('normalized-otsu');
  await expect(slider).toHaveValue('3');
  await expect(page.getByTestId('result')).toHaveAttribute('data-text', receipt.expected!);
  await expect.poll(async () => (await canvasSummary(thresh)).hash).toBe(before);
});

test('pointing at a digit highlights its box and crop; a stage opens enlarged', async ({
  page,
}) => {
  await readReceipt(page);
  const digits = page.getByTestId('digit');
  await expect(digits).toHaveCount(4);
  await expect(digits.first()).toHaveAttribute('data-label', '2');
  const confidence = Number(await digits.first().getAttribute('data-confidence'));
  expect(confidence).toBeGreaterThan(0);
  expect(confidence).toBeLessThanOrEqual(1);

  await digits.nth(1).hover();
  const highlight = page.getByTestId('box-highlight');
  await expect(highlight).toBeVisible();
  // The overlay sits over the second digit: left of centre, right of the first quarter.
  const box = await highlight.boundingBox();
  const stage = await page.getByTestId('stage-boxes').boundingBox();
  expect(box && stage).toBeTruthy();
  const centre = (box!.x + box!.width / 2 - stage!.x) / stage!.width;
  expect(centre).toBeGreaterThan(0.2);
  expect(centre).toBeLessThan(0.5);

  await page.getByRole('button', { name: /Enlarge the Gray stage/ }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test.describe('copy', () => {
  test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

  test('the copy button puts the digits on the clipboard', async ({ page }) => {
    await readReceipt(page);
    await page.getByTestId('copy').click();
    await expect(page.getByTestId('copy')).toContainText('Copied');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(receipt.expected);
  });
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('tapping a digit highlights it; the tuning controls start collapsed', async ({ page }) => {
    await readReceipt(page);
    await page.getByTestId('digit').nth(2).tap();
    await expect(page.getByTestId('digit').nth(2)).toHaveAttribute('aria-pressed', 'true');
    await expect(page.getByTestId('box-highlight')).toBeVisible();

    const blur = page.getByTestId('param-blurSize');
    await expect(blur).toBeHidden();
    await page.getByText('Tune the pipeline').tap();
    await expect(blur).toBeVisible();
  });
});
