/**
 * Writing on the draw pad with the mouse, as a person would: digit glyphs an MNIST-trained model
 * reads reliably, placed in rows on the canvas. Shared by the e2e specs that draw.
 */
import type { Locator, Page } from '@playwright/test';
import { expect, waitForEngine } from './support';

/** A point in a digit's cell: 0..1 across, 0..1 down. */
type Pt = readonly [number, number];

function ellipse(cx: number, cy: number, rx: number, ry: number, steps = 40): Pt[] {
  return Array.from({ length: steps + 1 }, (_, i) => {
    const a = -Math.PI / 2 + (i / steps) * Math.PI * 2;
    return [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
  });
}

/** Digit shapes the way people write them and MNIST shows them; each inner array is a stroke. */
export const GLYPHS: Record<string, Pt[][]> = {
  '1': [
    [
      [0.55, 0.04],
      [0.48, 0.96],
    ],
  ],
  '7': [
    [
      [0.1, 0.06],
      [0.9, 0.06],
      [0.38, 0.96],
    ],
  ],
  '0': [ellipse(0.5, 0.5, 0.36, 0.46)],
  // An open 4 in two strokes: the left arm and the bar, then the stem.
  '4': [
    [
      [0.22, 0.04],
      [0.12, 0.62],
      [0.92, 0.62],
    ],
    [
      [0.7, 0.04],
      [0.7, 0.96],
    ],
  ],
};

/** Where a row of digits goes on the pad, as fractions of the pad. */
export interface Row {
  left: number;
  top: number;
  /** Digit height as a fraction of the pad height. */
  size: number;
}

export async function drawStroke(
  page: Page,
  points: { x: number; y: number }[],
  steps = 4,
): Promise<void> {
  const [first, ...rest] = points;
  if (!first) return;
  await page.mouse.move(first.x, first.y);
  await page.mouse.down();
  for (const p of rest) await page.mouse.move(p.x, p.y, { steps });
  await page.mouse.up();
}

/** Waits until the result is done and stays so for a moment (each stroke starts a reading). */
export async function settledText(result: Locator): Promise<string> {
  await expect(result).toHaveAttribute('data-status', 'done');
  let text = await result.getAttribute('data-text');
  for (;;) {
    await result.page().waitForTimeout(250);
    await expect(result).toHaveAttribute('data-status', 'done');
    const now = await result.getAttribute('data-text');
    if (now === text) return now ?? '';
    text = now;
  }
}

/** Writes `text` with the mouse, one stroke at a time, like a person would. */
export async function write(page: Page, canvas: Locator, text: string, row: Row): Promise<void> {
  const box = await canvas.boundingBox();
  if (!box) throw new Error('draw-canvas has no box');
  const height = row.size * box.height;
  const width = 0.62 * height;
  const pitch = width + 0.3 * height;
  if (row.left * box.width + (text.length - 1) * pitch + width > box.width) {
    throw new Error(`"${text}" does not fit on a ${box.width}px pad at size ${row.size}`);
  }
  let x = box.x + row.left * box.width;
  const y = box.y + row.top * box.height;
  for (const ch of text) {
    const glyph = GLYPHS[ch];
    if (!glyph) throw new Error(`no glyph for ${ch}`);
    for (const stroke of glyph) {
      await drawStroke(
        page,
        stroke.map(([fx, fy]) => ({ x: x + fx * width, y: y + fy * height })),
      );
    }
    x += pitch;
  }
}

/** Opens the app on the draw pad, engine ready; `query` e.g. '?backend=wasm'. */
export async function openPad(
  page: Page,
  query = '',
): Promise<{ canvas: Locator; result: Locator }> {
  await page.goto(`/${query}`);
  await page.getByTestId('mode-draw').click();
  await waitForEngine(page, 60_000);
  return { canvas: page.getByTestId('draw-canvas'), result: page.getByTestId('result') };
}

export async function expectRead(result: Locator, text: string): Promise<void> {
  await expect(result).toHaveAttribute('data-text', text);
  await expect(result).toHaveAttribute('data-status', 'done');
}
