import { describe, expect, it } from 'vitest';
import { boxToPercent, cropToRgba } from './stageGeometry';

describe('boxToPercent', () => {
  it('gives CSS percentages of the image', () => {
    expect(
      boxToPercent({ x: 25, y: 10, width: 50, height: 20 }, { width: 100, height: 40 }),
    ).toEqual({ left: 25, top: 25, width: 50, height: 50 });
  });
  it('places a box the same on a downscaled stage as on the original', () => {
    // 2400x1200 input read at 1200x600: percentages do not depend on the working size.
    const r = boxToPercent(
      { x: 600, y: 300, width: 240, height: 600 },
      { width: 2400, height: 1200 },
    );
    expect(r).toEqual({ left: 25, top: 25, width: 10, height: 50 });
  });
  it('clips boxes that stick out of the image', () => {
    const r = boxToPercent({ x: 90, y: -5, width: 20, height: 10 }, { width: 100, height: 100 });
    expect(r).toEqual({ left: 90, top: 0, width: 10, height: 5 });
  });
});

describe('cropToRgba', () => {
  it('draws ink white on opaque black', () => {
    const crop = new Float32Array(28 * 28);
    crop[0] = 1;
    crop[1] = 0.5;
    crop[2] = 1.7; // out of range: clamped
    const { width, height, data } = cropToRgba(crop);
    expect([width, height, data.length]).toEqual([28, 28, 28 * 28 * 4]);
    expect(Array.from(data.slice(0, 12))).toEqual([
      255, 255, 255, 255, 128, 128, 128, 255, 255, 255, 255, 255,
    ]);
    expect(Array.from(data.slice(12, 16))).toEqual([0, 0, 0, 255]);
  });
});
