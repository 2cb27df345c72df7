import { drawStroke, expectRead, openPad, write } from './pen';
import { expect, test } from './support';

// Reading needs the engine up (OpenCV.js + model): on a loaded 2-core machine that alone can
// take half a minute, so these tests get more than the default minute.
test.describe.configure({ timeout: 180_000 });

// wasm starts fastest on a busy machine; which backend wins is app.spec's concern.
const WASM = '?backend=wasm';

test('reads a number written with the mouse; undo, redo and clear update the answer', async ({
  page,
}) => {
  const { canvas, result } = await openPad(page, WASM);
  await expect(page.getByTestId('undo')).toBeDisabled();
  await expect(page.getByTestId('clear')).toBeDisabled();

  await write(page, canvas, '1704', { left: 0.08, top: 0.28, size: 0.4 });
  await expectRead(result, '1704');
  await expect(page.getByTestId('digit')).toHaveCount(4);
  await expect(page.getByTestId('undo')).toBeEnabled();

  // The 4 took two strokes: two undos take it away, stroke by stroke.
  await page.getByTestId('undo').click();
  await expect(result).not.toHaveAttribute('data-text', '1704');
  await page.getByTestId('undo').click();
  await expectRead(result, '170');

  await page.getByTestId('redo').click();
  await page.getByTestId('redo').click();
  await expectRead(result, '1704');

  await page.getByTestId('clear').click();
  await expect(result).toHaveAttribute('data-status', 'idle');
  await expect(result).toHaveAttribute('data-text', '');
  await expect(page.getByTestId('digit')).toHaveCount(0);
  await expect(page.getByTestId('clear')).toBeDisabled();

  // Clearing is undoable, so a slip of the finger costs nothing.
  await page.getByTestId('undo').click();
  await expectRead(result, '1704');
});

test('Ctrl+Z undoes the last stroke and Ctrl+Shift+Z redoes it', async ({ page }) => {
  const { canvas, result } = await openPad(page, WASM);
  await write(page, canvas, '71', { left: 0.2, top: 0.28, size: 0.45 });
  await expectRead(result, '71');
  await page.keyboard.press('Control+z');
  await expectRead(result, '7');
  await page.keyboard.press('Control+Shift+z');
  await expectRead(result, '71');
});

test('two lines of digits read as two lines', async ({ page }) => {
  const { canvas, result } = await openPad(page, WASM);
  await write(page, canvas, '17', { left: 0.15, top: 0.08, size: 0.36 });
  await write(page, canvas, '40', { left: 0.15, top: 0.56, size: 0.36 });
  await expectRead(result, '17\n40');
});

test('the drawing survives a trip to another mode and a resized window', async ({ page }) => {
  const { canvas, result } = await openPad(page, WASM);
  await write(page, canvas, '70', { left: 0.2, top: 0.28, size: 0.45 });
  await expectRead(result, '70');
  await page.getByTestId('mode-upload').click();
  await page.getByTestId('mode-draw').click();
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(page.getByTestId('undo')).toBeEnabled();
  // The ink is still on the (now smaller) pad: dark pixels on the light paper.
  const inked = await page.getByTestId('draw-canvas').evaluate((c: HTMLCanvasElement) =>
    c
      .getContext('2d')!
      .getImageData(0, 0, c.width, c.height)
      .data.some((v, i) => i % 4 === 0 && v < 80),
  );
  expect(inked).toBe(true);
  await expect(result).toHaveAttribute('data-text', '70');
});

test.describe('on a touch screen', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('a finger draws a stroke and neither scrolls nor zooms the page', async ({ page }) => {
    await page.goto('/');
    await page.getByTestId('mode-draw').click();
    const canvas = page.getByTestId('draw-canvas');
    await canvas.scrollIntoViewIfNeeded();
    const box = (await canvas.boundingBox())!;
    const before = await page.evaluate(() => ({ y: scrollY, zoom: visualViewport?.scale ?? 1 }));

    // A vertical swipe: without touch-action: none this would scroll the page.
    const cdp = await page.context().newCDPSession(page);
    const x = box.x + box.width / 2;
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: type === 'touchEnd' ? [] : [{ x, y: box.y + y * box.height }],
      });
    await touch('touchStart', 0.15);
    for (let i = 1; i <= 10; i++) await touch('touchMove', 0.15 + i * 0.07);
    await touch('touchEnd', 0.85);

    await expect(page.getByTestId('undo')).toBeEnabled();
    await expect(canvas).toHaveAttribute('aria-label', /1 stroke\b/);
    const after = await page.evaluate(() => ({ y: scrollY, zoom: visualViewport?.scale ?? 1 }));
    expect(after).toEqual(before);
  });
});

test('a pen draws like a mouse', async ({ page }) => {
  await page.goto('/');
  await page.getByTestId('mode-draw').click();
  const box = (await page.getByTestId('draw-canvas').boundingBox())!;
  const cdp = await page.context().newCDPSession(page);
  const pen = (type: 'mousePressed' | 'mouseMoved' | 'mouseReleased', fx: number, fy: number) =>
    cdp.send('Input.dispatchMouseEvent', {
      type,
      x: box.x + fx * box.width,
      y: box.y + fy * box.height,
      button: 'left',
      buttons: type === 'mouseReleased' ? 0 : 1,
      clickCount: 1,
      pointerType: 'pen',
    });
  await pen('mousePressed', 0.3, 0.2);
  for (let i = 1; i <= 8; i++) await pen('mouseMoved', 0.3 + i * 0.03, 0.2 + i * 0.07);
  await pen('mouseReleased', 0.54, 0.76);
  await expect(page.getByTestId('draw-canvas')).toHaveAttribute('aria-label', /1 stroke\b/);
  await expect(page.getByTestId('clear')).toBeEnabled();
});

interface SentImage {
  width: number;
  height: number;
  minAlpha: number;
  corner: number[];
  darkPixels: number;
}

test('the engine gets an opaque dark-on-white image of bounded size, even in dark theme', async ({
  page,
}) => {
  // Looks at what the page posts to the engine worker, without changing it.
  await page.addInitScript(() => {
    const post = Worker.prototype.postMessage;
    Worker.prototype.postMessage = function (this: Worker, ...args: unknown[]) {
      const message = args[0] as {
        type?: string;
        input?: {
          kind?: string;
          image?: { width: number; height: number; data: Uint8ClampedArray };
        };
      };
      const image = message?.type === 'recognize' ? message.input?.image : undefined;
      if (image) {
        let minAlpha = 255;
        let darkPixels = 0;
        for (let i = 0; i < image.data.length; i += 4) {
          minAlpha = Math.min(minAlpha, image.data[i + 3]!);
          if (image.data[i]! < 64) darkPixels++;
        }
        (window as unknown as { __sent: SentImage }).__sent = {
          width: image.width,
          height: image.height,
          minAlpha,
          corner: [image.data[0]!, image.data[1]!, image.data[2]!],
          darkPixels,
        };
      }
      return (post as (...a: unknown[]) => void).apply(this, args);
    };
  });
  await page.emulateMedia({ colorScheme: 'dark' });
  const { canvas, result } = await openPad(page, WASM);
  await write(page, canvas, '7', { left: 0.4, top: 0.28, size: 0.45 });
  await expectRead(result, '7');
  const sent = await page.evaluate(() => (window as unknown as { __sent?: SentImage }).__sent);
  expect(sent).toBeDefined();
  expect(sent!.minAlpha).toBe(255);
  expect(sent!.corner).toEqual([255, 255, 255]);
  expect(sent!.darkPixels).toBeGreaterThan(500);
  expect(Math.max(sent!.width, sent!.height)).toBeLessThanOrEqual(1024);
});

test('a 7 drawn in two strokes with a gap reads as one 7, and the page says why', async ({
  page,
}) => {
  const { canvas, result } = await openPad(page, WASM);
  const box = (await canvas.boundingBox())!;
  // The bar with its hook, then the stem well below it: two separate pieces of ink.
  const side = 0.9 * box.height;
  const at = ([u, v]: readonly [number, number]) => ({
    x: box.x + 0.2 * box.width + u * side,
    y: box.y + 0.1 * box.height + v * side,
  });
  const strokes: (readonly [number, number])[][] = [
    [
      [0.25, 0.0],
      [0.7, 0.0],
      [0.62, 0.18],
    ],
    [
      [0.58, 0.36],
      [0.45, 0.66],
    ],
  ];
  for (const stroke of strokes) await drawStroke(page, stroke.map(at));
  await expectRead(result, '7');
  await expect(page.getByTestId('digit')).toHaveCount(1);
  await expect(page.getByTestId('pair-check')).toContainText('read as one digit');
});
