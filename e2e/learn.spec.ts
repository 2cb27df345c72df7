/**
 * "Learn my handwriting": the opt-in switch, the samples count, import and export as a file,
 * forget, and a personal sample changing a reading (and nothing changing while it is off).
 */
import type { Page } from '@playwright/test';
import { expectRead, openPad, write } from './pen';
import { expect, test } from './support';

test.describe.configure({ timeout: 180_000 });

const WASM = '?backend=wasm';
const ROW = { left: 0.3, top: 0.25, size: 0.45 };

/** The 28x28 crop the model saw for the first digit, from its canvas in the stages view. */
async function firstCrop(page: Page): Promise<number[]> {
  const crop = page.getByTestId('digit-crop').first();
  await expect(crop).toBeVisible();
  return crop.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')!.getImageData(0, 0, 28, 28).data;
    return Array.from({ length: 784 }, (_, i) => data[i * 4]! / 255);
  });
}

/** The runner-up guess of the first digit, from its accessible description. */
async function runnerUp(page: Page): Promise<number> {
  // The card's button carries the description (the `digit` item holds it and its fix popover).
  const card = page.getByTestId('digit').first().locator('button').first();
  const label = (await card.getAttribute('aria-label')) ?? '';
  const m = /Other guesses: (\d)/.exec(label);
  if (!m) throw new Error(`no other guess in "${label}"`);
  return Number(m[1]);
}

/** A samples file as "Export samples" writes it. */
function samplesFile(samples: { label: number; crop: number[] }[]): string {
  return JSON.stringify({
    format: 'digit-lens-personal-samples',
    version: 1,
    samples: samples.map((s) => ({
      label: s.label,
      createdAt: Date.now(),
      crop28: Buffer.from(new Float32Array(s.crop).buffer).toString('base64'),
    })),
  });
}

async function importText(page: Page, text: string, name = 'samples.json'): Promise<void> {
  await page.getByTestId('import-samples').setInputFiles({
    name,
    mimeType: 'application/json',
    buffer: Buffer.from(text),
  });
}

async function redraw(page: Page): Promise<void> {
  const clear = page.getByTestId('clear');
  if (await clear.isEnabled()) await clear.click();
  // The learning panel sits below the stages: bring the pad back before writing on it.
  const canvas = page.getByTestId('draw-canvas');
  await canvas.scrollIntoViewIfNeeded();
  await write(page, canvas, '7', ROW);
}

test('a corrected sample changes the reading only while learning is on; export, import, forget', async ({
  page,
}) => {
  const { canvas, result } = await openPad(page, WASM);
  const toggle = page.getByTestId('learn-toggle');
  const count = page.getByTestId('personal-samples');
  await expect(toggle).toHaveAttribute('role', 'switch');
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(count).toHaveAttribute('data-count', '0');

  await write(page, canvas, '7', ROW);
  await expectRead(result, '7');
  const crop = await firstCrop(page);
  const other = await runnerUp(page);

  // The user says this 7 is their `other`: imported as a file, learning still off.
  await importText(page, samplesFile([{ label: other, crop }]));
  await expect(count).toHaveAttribute('data-count', '1');
  await expect(page.getByTestId('personal-sample')).toHaveAttribute('data-label', String(other));
  await redraw(page);
  await expectRead(result, '7'); // off: the model alone
  await expect(page.getByTestId('digit').first()).not.toHaveAttribute('data-personal', 'true');

  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(count).toHaveAttribute('data-in-use', '1');
  await redraw(page);
  await expectRead(result, String(other));
  const digit = page.getByTestId('digit').first();
  await expect(digit).toHaveAttribute('data-personal', 'true');
  await expect(digit).toContainText('from your samples');
  await expect(digit.locator('button').first()).toHaveAttribute(
    'aria-label',
    /read with your handwriting samples/,
  );

  // Kept on the device: the samples and the switch survive a reload.
  await page.reload();
  await expect(page.getByTestId('engine-status')).toHaveAttribute('data-state', 'ready', {
    timeout: 60_000,
  });
  await expect(count).toHaveAttribute('data-count', '1');
  await expect(toggle).toHaveAttribute('aria-checked', 'true');
  await expect(count).toHaveAttribute('data-in-use', '1');

  // Export gives back the same file content.
  const download = page.waitForEvent('download');
  await page.getByTestId('export-samples').click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^digit-lens-samples-\d{4}-\d\d-\d\d\.json$/);
  const exported = JSON.parse(
    await (await file.createReadStream()).toArray().then((c) => Buffer.concat(c).toString()),
  ) as { samples: { label: number; crop28: string }[] };
  expect(exported.samples).toHaveLength(1);
  expect(exported.samples[0]!.label).toBe(other);
  expect(
    Array.from(new Float32Array(Buffer.from(exported.samples[0]!.crop28, 'base64').buffer)),
  ).toEqual(Array.from(new Float32Array(crop)));

  // Off again: exactly the model's reading.
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-checked', 'false');
  await expect(count).toHaveAttribute('data-in-use', '0');
  await redraw(page);
  await expectRead(result, '7');

  // Delete one, import two, forget all.
  await page.getByTestId('delete-sample').click();
  await expect(count).toHaveAttribute('data-count', '0');
  await importText(
    page,
    samplesFile([
      { label: 1, crop },
      { label: 2, crop },
    ]),
  );
  await expect(count).toHaveAttribute('data-count', '2');
  await expect(page.getByTestId('personal-sample')).toHaveCount(2);
  await page.getByTestId('forget-samples').click();
  await expect(count).toHaveAttribute('data-count', '0');
  await page.reload();
  await expect(count).toHaveAttribute('data-count', '0');
});

test('a file that is not a samples file gets a message and changes nothing', async ({ page }) => {
  await openPad(page, WASM);
  await importText(page, '{"hello": "world"}', 'notes.json');
  await expect(page.getByTestId('error-message')).toContainText('not a Digit Lens samples file');
  await expect(page.getByTestId('personal-samples')).toHaveAttribute('data-count', '0');
});
