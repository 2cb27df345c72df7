import type { Locator } from '@playwright/test';
import { expect, test } from './support';
import { expectRead, openPad, write } from './pen';

test.use({ viewport: { width: 390, height: 844 } });
// The engine loads first: slow on a loaded 2-core machine.
test.describe.configure({ timeout: 180_000 });

/** The dark pixels' box on the pad, as fractions of the canvas (null: no ink). */
const inkBox = (canvas: Locator) =>
  canvas.evaluate((c: HTMLCanvasElement) => {
    const { data, width, height } = c.getContext('2d')!.getImageData(0, 0, c.width, c.height);
    let [x0, y0, x1, y1] = [width, height, -1, -1];
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        if (data[(y * width + x) * 4]! >= 80) continue;
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
    return x1 < 0 ? null : { x0, y0, x1, y1, width, height, aspect: (x1 - x0) / (y1 - y0) };
  });

test('a phone draws on a full-screen pad, rotates, and comes back with every stroke', async ({
  page,
}) => {
  const { canvas, result } = await openPad(page, '?backend=wasm');
  const panel = page.locator('[data-fullscreen]');
  await write(page, canvas, '7', { left: 0.2, top: 0.25, size: 0.45 });
  await expectRead(result, '7');

  await page.getByTestId('pad-fullscreen').click();
  await expect(panel).toHaveAttribute('data-fullscreen', 'true');
  const full = await canvas.boundingBox();
  expect(full!.height).toBeGreaterThan(0.75 * 844); // the pad takes the screen
  await expect(canvas).toHaveAttribute('aria-label', /1 stroke\b/);

  // A 1 beside the 7, and a 0 far below where the small pad ended: "71" over "0".
  await write(page, canvas, '1', { left: 0.6, top: 0.1, size: 0.14 });
  await write(page, canvas, '0', { left: 0.35, top: 0.62, size: 0.2 });
  await expectRead(result, '71\n0');
  await expect(page.getByTestId('pad-reading')).toHaveText('71 0');
  const drawn = (await inkBox(canvas))!;

  // Rotate to landscape and back, still full screen: nothing lost, nothing cut off.
  await page.setViewportSize({ width: 844, height: 390 });
  await expect(canvas).toHaveAttribute('aria-label', /3 strokes/);
  const landscape = (await inkBox(canvas))!;
  expect(landscape.y1).toBeLessThan(landscape.height - 1);
  expect(landscape.aspect).toBeCloseTo(drawn.aspect, 1);
  await page.setViewportSize({ width: 390, height: 844 });

  await page.getByTestId('pad-fullscreen').click();
  await expect(panel).toHaveAttribute('data-fullscreen', 'false');
  await expect(canvas).toHaveAttribute('aria-label', /3 strokes/);
  // The small pad shows the whole drawing, scaled down evenly (same shape, inside the pad).
  const back = (await inkBox(canvas))!;
  expect(back.y1).toBeLessThan(back.height - 1);
  expect(back.x1).toBeLessThan(back.width - 1);
  expect(back.aspect).toBeCloseTo(drawn.aspect, 1);
  await expect(result).toHaveAttribute('data-text', '71\n0');
});

test('Escape leaves the full-screen pad', async ({ page }) => {
  await openPad(page, '?backend=wasm');
  await page.getByTestId('pad-fullscreen').click();
  const panel = page.locator('[data-fullscreen]');
  await expect(panel).toHaveAttribute('data-fullscreen', 'true');
  await page.keyboard.press('Escape');
  await expect(panel).toHaveAttribute('data-fullscreen', 'false');
});
