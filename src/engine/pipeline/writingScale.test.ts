import { describe, expect, it } from 'vitest';
import type { SegmentedDigit } from '../segment/segment';
import {
  chooseZoom,
  MIN_DIGIT_PX,
  strokeWidth,
  TARGET_DIGIT_PX,
  ZOOM_BUDGET_PX,
} from './writingScale';

/** A digit crop: a w x h box with a vertical bar `stroke` px wide (ink 255). */
function digit(x: number, y: number, w: number, h: number, stroke: number): SegmentedDigit {
  const pixels = new Uint8Array(w * h);
  const x0 = Math.floor((w - stroke) / 2);
  for (let yy = 0; yy < h; yy++)
    for (let xx = x0; xx < x0 + stroke; xx++) pixels[yy * w + xx] = 255;
  const rect = { x, y, w, h };
  return { blob: { ...rect, ink: stroke * h, labels: [1] }, crop: { rect, pixels } };
}

const row = (n: number, h: number, stroke: number, y = 100): SegmentedDigit[] =>
  Array.from({ length: n }, (_, i) => digit(50 + i * h, y, Math.ceil(h * 0.7), h, stroke));

describe('scale from the writing', () => {
  it('measures a stroke as its width', () => {
    expect(strokeWidth(digit(0, 0, 20, 60, 4).crop.pixels, 20, 60)).toBeCloseTo(4, 0);
    expect(strokeWidth(digit(0, 0, 20, 60, 1).crop.pixels, 20, 60)).toBeCloseTo(1, 0);
  });

  it('leaves digits that already have enough pixels alone', () => {
    expect(chooseZoom(row(8, 60, 5), { width: 1024, height: 768 }, 3)).toBeNull();
    expect(chooseZoom([], { width: 1024, height: 768 }, 3)).toBeNull();
  });

  it('reads small digits again at the target height, around their region only', () => {
    const digits = row(8, 18, 2);
    const zoom = chooseZoom(digits, { width: 1024, height: 1448 }, 3.4)!;
    expect(zoom.factor).toBeCloseTo(TARGET_DIGIT_PX / 18, 5);
    expect(zoom.region.x).toBeLessThanOrEqual(50);
    expect(zoom.region.w).toBeLessThan(400);
    expect(zoom.region.h).toBeLessThan(100);
  });

  it('zooms hair-thin strokes of mid-sized digits', () => {
    const zoom = chooseZoom(row(6, 34, 1), { width: 1024, height: 768 }, 3)!;
    expect(34).toBeGreaterThan(MIN_DIGIT_PX);
    expect(zoom.factor).toBeGreaterThan(2);
  });

  it('never interpolates beyond 2x the original and keeps within the pixel budget', () => {
    // Working = original (a small image): at most 2x.
    expect(chooseZoom(row(6, 12, 1), { width: 300, height: 80 }, 1)!.factor).toBeLessThanOrEqual(2);
    // Digits all over a big page: the budget caps the zoom.
    const spread = [...row(10, 20, 2, 40), ...row(10, 20, 2, 1400)];
    spread.push(digit(1000, 700, 14, 20, 2));
    const z = chooseZoom(spread, { width: 1100, height: 1448 }, 3.4)!;
    expect(z.region.w * z.factor * z.region.h * z.factor).toBeLessThanOrEqual(ZOOM_BUDGET_PX + 1);
  });
});
