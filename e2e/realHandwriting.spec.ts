/**
 * Real handwriting through the pad: numbers written by real people (UNIPEN, the line reader's
 * validation writers, ../shared/data/unipen) replayed stroke by stroke with the mouse, as the
 * writer drew them, and read by the app. Skipped where the data folder is absent.
 */
import { readFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { drawStroke, openPad, settledText } from './pen';
import { expect, test } from './support';
import { isValidationWriter, placeStrokes, robustBox } from '../src/node/evalset/unipen';

test.describe.configure({ timeout: 600_000 });

const DATA = resolve('..', 'shared', 'data', 'unipen', 'digit_strings.json');
/** Exact share needed; measured here 2026-12-04: 27 of 32 (84%), see README. */
const MIN_EXACT = 0.8;

interface Sample {
  label: string;
  writer: string;
  strokes: [number, number][][];
}

function validationNumbers(): Sample[] {
  const raw = JSON.parse(readFileSync(DATA, 'utf8')) as { samples: Sample[] };
  return raw.samples.filter((s) => isValidationWriter(s.writer)).slice(0, 32);
}

async function replay(page: Page, canvas: Locator, s: Sample): Promise<void> {
  const box = (await canvas.boundingBox())!;
  const b = robustBox(s.strokes);
  const aspect = (b.x1 - b.x0) / Math.max(1e-6, b.y1 - b.y0);
  const height = Math.min(0.45 * box.height, (0.85 * box.width) / aspect);
  const left = box.x + (box.width - height * aspect) / 2;
  const top = box.y + (box.height - height) / 2;
  for (const stroke of placeStrokes(s.strokes, height, left, top)) {
    // Every third point: the mouse moves in steps between them, as a hand would.
    const pts = stroke.filter((_, i) => i % 3 === 0 || i === stroke.length - 1);
    await drawStroke(
      page,
      pts.map(([x, y]) => ({ x, y })),
    );
  }
}

test('reads real people’s numbers replayed on the pad', async ({ page }) => {
  test.skip(!existsSync(DATA), `no real handwriting at ${DATA}`);
  const samples = validationNumbers();
  const { canvas, result } = await openPad(page, '?backend=wasm');
  const misses: string[] = [];
  for (const s of samples) {
    const clear = page.getByTestId('clear');
    if (await clear.isEnabled()) await clear.click();
    await expect(result).toHaveAttribute('data-status', 'idle');
    await replay(page, canvas, s);
    const got = await settledText(result);
    if (got !== s.label) misses.push(`${s.label} -> ${got}`);
  }
  const exact = (samples.length - misses.length) / samples.length;
  console.log(`real numbers on the pad: ${samples.length - misses.length}/${samples.length} exact`);
  if (misses.length) console.log(`  misread: ${misses.join(', ')}`);
  expect(samples.length).toBeGreaterThanOrEqual(30);
  expect(exact).toBeGreaterThanOrEqual(MIN_EXACT);
});
