import { describe, expect, it } from 'vitest';
import { componentMap } from '../testing/componentMap';
import type { ComponentMap } from './components';
import { cropBlob, GRAY_FLOOR } from './crops';
import type { Blob } from './geometry';

/**
 * A 7x5 region: a vertical stroke in column 3 (ink, level 40) with anti-aliased shading in
 * columns 2 and 4 (level 150, under the threshold), faint paper noise in column 1, and a
 * neighbour's ink (another label) in column 6.
 */
function region(withLevels: boolean): { map: ComponentMap; blob: Blob } {
  const width = 7;
  const height = 5;
  const labels = new Int32Array(width * height);
  const ink = new Uint8Array(width * height);
  const levels = new Uint8Array(width * height).fill(255);
  for (let y = 0; y < height; y++) {
    const row = y * width;
    for (let x = 1; x <= 4; x++) labels[row + x] = 1;
    labels[row + 6] = 2;
    ink[row + 3] = 255;
    ink[row + 6] = 255;
    levels[row + 3] = 40;
    levels[row + 2] = 150;
    levels[row + 4] = 150;
    levels[row + 1] = 245;
    levels[row + 6] = 40;
  }
  const blob: Blob = { x: 1, y: 0, w: 4, h: 5, ink: 5, labels: [1], levelSum: 5 * 40 };
  const map = componentMap({
    width,
    height,
    labels,
    ink,
    blobs: [blob],
    levels: withLevels ? levels : null,
  });
  return { map, blob };
}

describe('cropBlob', () => {
  it('keeps the stroke shading from the normalised levels, scaled so the ink is 1', () => {
    const { map, blob } = region(true);
    const crop = cropBlob(map, blob);
    // tight around the thresholded ink: the one column, but the shading's share is not lost
    expect(crop.rect).toEqual({ x: 3, y: 0, w: 1, h: 5 });
    expect(Array.from(crop.pixels)).toEqual([255, 255, 255, 255, 255]);
  });

  it('includes shading inside the ink box, drops paper noise under the floor and other labels', () => {
    const { map, blob } = region(true);
    // Widen the ink to columns 2..4 in row 0 so the box spans the shading.
    map.ink[2] = 255;
    map.ink[4] = 255;
    // Row 1: paper noise where the shading was, just darker than paper.
    map.levels![1 * 7 + 2] = 245;
    expect((255 - 245) / (255 - 40)).toBeLessThan(GRAY_FLOOR);
    // The neighbour's ink reaches into the box in row 2 (column 4): not this digit's.
    map.labels[2 * 7 + 4] = 2;
    const crop = cropBlob(map, blob);
    expect(crop.rect).toEqual({ x: 2, y: 0, w: 3, h: 5 });
    const shade = Math.round((255 * (255 - 150)) / (255 - 40));
    expect(Array.from(crop.pixels.subarray(0, 3))).toEqual([shade, 255, shade]);
    expect(Array.from(crop.pixels.subarray(3, 6))).toEqual([0, 255, shade]);
    expect(Array.from(crop.pixels.subarray(6, 9))).toEqual([shade, 255, 0]);
  });

  it('falls back to the binary ink without levels (adaptive or plain Otsu threshold)', () => {
    const { map, blob } = region(false);
    map.ink[2] = 255;
    const crop = cropBlob(map, blob);
    expect(crop.rect).toEqual({ x: 2, y: 0, w: 2, h: 5 });
    expect(Array.from(crop.pixels.subarray(0, 4))).toEqual([255, 255, 0, 255]);
  });
});
