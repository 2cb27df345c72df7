/**
 * Issue 14, not a digit, through the pad: words, scribbles and shapes of the benchmark's
 * `nondigit` category, and two labelled and priced numbers of `separators`, replayed stroke by
 * stroke with the mouse (src/node/evalset/nonDigitCategories.ts makes them; its digits are real
 * UNIPEN handwriting). Not-a-digit ink must give no confident digit; the separator strings are
 * only recorded (logged) until the engine reads them, and the app must keep working.
 */
import type { Locator, Page } from '@playwright/test';
import { drawStroke, openPad, settledText } from './pen';
import { expect, test } from './support';
import { inkSet, type InkSample } from '../src/node/evalset/nonDigitCategories';
import type { Pt } from '../src/node/evalset/strokeFont';

test.describe.configure({ timeout: 120_000 });

const SEED = 7;
const NONDIGITS = 8;
/** Of the 8 not-a-digit drawings, this many must end with no digit that is not doubtful. */
const MIN_CLEAN = 7;

/** The sample's strokes (units: a digit is 1 tall) centred on the pad, a digit 35% of its height. */
async function replay(page: Page, canvas: Locator, s: InkSample): Promise<void> {
  const box = (await canvas.boundingBox())!;
  const pts = s.strokes.flat();
  const x0 = Math.min(...pts.map((p) => p[0]));
  const y0 = Math.min(...pts.map((p) => p[1]));
  const w = Math.max(...pts.map((p) => p[0])) - x0;
  const h = Math.max(...pts.map((p) => p[1])) - y0;
  const unit = Math.min(0.35 * box.height, (0.85 * box.width) / w, (0.8 * box.height) / h);
  const left = box.x + (box.width - w * unit) / 2;
  const top = box.y + (box.height - h * unit) / 2;
  for (const stroke of s.strokes) {
    const at = ([x, y]: Pt): { x: number; y: number } => ({
      x: left + (x - x0) * unit,
      y: top + (y - y0) * unit,
    });
    // Points at least 10 px apart, two mouse steps between them: a hand's pace, under a minute.
    const path = [at(stroke[0]!)];
    for (const p of stroke.slice(1)) {
      const q = at(p);
      const last = path[path.length - 1]!;
      if (Math.hypot(q.x - last.x, q.y - last.y) >= 10) path.push(q);
    }
    if (path.length === 1) path.push({ x: path[0]!.x + 1, y: path[0]!.y + 1 }); // a dot
    await drawStroke(page, path, 2);
  }
}

async function draw(page: Page, canvas: Locator, result: Locator, s: InkSample): Promise<string> {
  const clear = page.getByTestId('clear');
  if (await clear.isEnabled()) await clear.click();
  await expect(result).toHaveAttribute('data-status', 'idle');
  await replay(page, canvas, s);
  return settledText(result);
}

// Measured 8 of 8 clean with the line reader trained on pen-stroke letters and shapes (it was
// 4 of 8 before, and the test was marked as a known failure).
test('ink that is not a digit gives no confident digit', async ({ page }) => {
  const set = inkSet('nondigit', SEED)!;
  const { canvas, result } = await openPad(page, '?backend=wasm');
  const confident = page.locator('[data-testid="digit"]:not([data-doubtful="true"])');
  const read: string[] = [];
  let clean = 0;
  for (let i = 0; i < NONDIGITS; i++) {
    const s = set.sample(i);
    const text = await draw(page, canvas, result, s);
    const sure = await confident.count();
    if (sure === 0) clean++;
    read.push(`${s.written} -> "${text}" (${sure} confident)`);
  }
  console.log(`not a digit on the pad: ${clean}/${NONDIGITS} with no confident digit`);
  for (const line of read) console.log(`  ${line}`);
  expect(clean).toBeGreaterThanOrEqual(MIN_CLEAN);
});

test('labelled and priced numbers: recorded, and the app keeps working', async ({ page }) => {
  const set = inkSet('separators', SEED);
  test.skip(!set, 'no ../shared/data/unipen (the separator strings use its digits)');
  const wanted = [/^Total: /, /^\d+\.\d\d$/];
  const samples: InkSample[] = [];
  for (let i = 0; samples.length < wanted.length && i < 200; i++) {
    const s = set!.sample(i);
    if (wanted[samples.length]!.test(s.written)) samples.push(s);
  }
  expect(samples).toHaveLength(wanted.length);
  const { canvas, result } = await openPad(page, '?backend=wasm');
  for (const s of samples) {
    const text = await draw(page, canvas, result, s);
    console.log(`separators on the pad: "${s.written}" (expected "${s.text}") read "${text}"`);
    await expect(page.getByTestId('error-message')).toHaveCount(0);
  }
});
