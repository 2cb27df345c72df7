/**
 * Memory soak: many recognitions in a row, drawings and photos alternating. The tfjs tensor
 * count and the OpenCV heap must not move, and the page's JS heap floor must stay flat.
 * CI runs a short soak; `SOAK_ITERATIONS=1000 npx playwright test e2e/soak.spec.ts` runs the long one.
 *
 * Photos arrive by paste, the page's own clipboard path into the same batch as the file input.
 * Not `setInputFiles`: DevTools keeps a handle to every file input Playwright fills, and as the
 * upload panel remounts on each mode switch each handle pins a whole detached panel (heap
 * snapshots: +360 detached batch items over 80 uploads, retained from "(Global handles) /
 * DevTools console"), so the soak would measure Playwright, not the app. upload.spec.ts covers
 * the file input itself.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { chromiumArgs } from '../playwright.config';
import { makeUploadFixtures } from './fixtures/makeUploadFixtures';
import { drawStroke } from './pen';
import { expect, test, waitForEngine } from './support';

const ITERATIONS = Number(process.env.SOAK_ITERATIONS ?? 60);

interface Sample {
  numTensors: number;
  openCvHeapBytes: number;
  jsHeap: number;
}

/**
 * Tensor count, OpenCV heap and JS heap. The heap is the lowest of three readings 300 ms apart,
 * each after a full gc(): right after the screen changes, the last result is still reachable for
 * a moment (a first reading of ~15 MB drops to ~5 MB 300 ms later), which is not a leak.
 */
async function sample(page: Page): Promise<Sample> {
  const read = () =>
    page.evaluate(async () => {
      const w = window as unknown as {
        gc?: () => void;
        digitLens: { stats(): Promise<{ numTensors: number; openCvHeapBytes: number }> };
      };
      const stats = await w.digitLens.stats();
      w.gc?.();
      const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
      return { ...stats, jsHeap: memory?.usedJSHeapSize ?? 0 };
    });
  const readings: Sample[] = [];
  for (let i = 0; i < 3; i++) {
    if (i > 0) await page.waitForTimeout(300);
    readings.push(await read());
  }
  return { ...readings.at(-1)!, jsHeap: Math.min(...readings.map((r) => r.jsHeap)) };
}

test.use({
  launchOptions: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [...chromiumArgs, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  },
});

test(`@soak ${ITERATIONS} recognitions leak no tensors, no OpenCV heap, no JS heap`, async ({
  page,
}) => {
  test.setTimeout(60_000 + ITERATIONS * 2_000);
  const photo = makeUploadFixtures().find((f) => f.name.endsWith('.jpg'))!;
  const photoBytes = [...readFileSync(photo.path)];
  await page.goto('/');
  await waitForEngine(page);
  const canvas = page.getByTestId('draw-canvas');
  const box = (await canvas.boundingBox())!;
  const result = page.getByTestId('result');

  let drawings = 0;
  let photos = 0;
  const once = async (i: number): Promise<void> => {
    if (i % 2 === 0) {
      await page.getByTestId('mode-draw').click();
      // A "1" at a varying place; clear between, so each read is a fresh drawing.
      const x = box.x + box.width * (0.2 + (0.6 * ((i * 7) % 10)) / 10);
      await drawStroke(page, [
        { x, y: box.y + box.height * 0.2 },
        { x: x - 4, y: box.y + box.height * 0.8 },
      ]);
      await expect(result).toHaveAttribute('data-status', 'done');
      await expect(result).toHaveAttribute('data-text', '1');
      await page.getByTestId('clear').click();
      drawings += 1;
    } else {
      await page.getByTestId('mode-upload').click();
      await page.evaluate((data) => {
        const transfer = new DataTransfer();
        transfer.items.add(new File([new Uint8Array(data)], 'note.jpg', { type: 'image/jpeg' }));
        document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer }));
      }, photoBytes);
      const last = page.getByTestId('batch-item').last();
      await expect(last).toHaveAttribute('data-status', 'done');
      await expect(last).toHaveAttribute('data-text', photo.expected!);
      // Keep the batch list short: the list itself is not what is measured.
      if ((await page.getByTestId('batch-item').count()) >= 10) {
        await page.getByRole('button', { name: 'Clear all' }).click();
      }
      photos += 1;
    }
  };

  // What the app holds depends on what is on screen (the active photo's stage images alone are
  // ~6 MB), so the heap is read in one state every time: batch cleared, canvas empty, draw mode.
  // There it is the same at the end as after the warm-up unless something leaks.
  const sampleAtRest = async (): Promise<Sample> => {
    await page.getByTestId('mode-upload').click();
    const clearAll = page.getByRole('button', { name: 'Clear all' });
    if (await clearAll.isVisible()) await clearAll.click();
    await expect(page.getByTestId('batch-item')).toHaveCount(0);
    await page.getByTestId('mode-draw').click();
    await expect(result).toHaveAttribute('data-status', 'idle');
    return sample(page);
  };
  const warmUp = Math.max(10, Math.round(ITERATIONS * 0.1));
  for (let i = 0; i < warmUp; i++) await once(i);
  const every = Math.max(4, 2 * Math.round(ITERATIONS / 40));
  const samples: Sample[] = [await sampleAtRest()];
  for (let i = warmUp; i < ITERATIONS; i++) {
    await once(i);
    if ((i - warmUp + 1) % every === 0) samples.push(await sampleAtRest());
  }
  // Floors of the first and last quarter, so one stray reading decides nothing.
  const quarter = Math.max(1, Math.floor(samples.length / 4));
  const floor = (part: Sample[]) => Math.min(...part.map((x) => x.jsHeap));
  const early = floor(samples.slice(0, quarter));
  const late = floor(samples.slice(-quarter));
  const first = samples[0]!;
  const last = samples.at(-1)!;

  console.log(
    `soak: ${drawings} drawings + ${photos} photos; tensors ${first.numTensors} -> ${last.numTensors}; ` +
      `OpenCV heap ${first.openCvHeapBytes} -> ${last.openCvHeapBytes} bytes; JS heap at rest, floor ` +
      `${(early / 1e6).toFixed(1)} -> ${(late / 1e6).toFixed(1)} MB (readings ` +
      `${samples.map((x) => (x.jsHeap / 1e6).toFixed(1)).join(' ')})`,
  );
  for (const x of samples) {
    expect(x.numTensors).toBe(first.numTensors);
    expect(x.openCvHeapBytes).toBe(first.openCvHeapBytes);
  }
  expect(late).toBeGreaterThan(0);
  // Allowed: 10%, plus 1 MB for what heap snapshots show growing to a plateau on a healthy page
  // (optimised code from the JIT, Chromium's bounded performance-entry buffers: ~0.5 MB over
  // 1000 iterations). One result kept per iteration would add megabytes within ten.
  expect(late).toBeLessThanOrEqual(early * 1.1 + 1e6);
});
