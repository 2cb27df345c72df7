import { describe, expect, it } from 'vitest';
import { cropCanvas, grayCanvas } from './raster';

describe('cropCanvas', () => {
  it('copies the rows and columns inside the rectangle, clipped to the canvas', () => {
    const c = grayCanvas(4, 3, 0);
    c.data.forEach((_, i) => (c.data[i] = i));
    const inside = cropCanvas(c, { x: 1, y: 1, width: 2, height: 2 });
    expect([inside.width, inside.height]).toEqual([2, 2]);
    expect(Array.from(inside.data)).toEqual([5, 6, 9, 10]);
    const clipped = cropCanvas(c, { x: 2, y: -1, width: 5, height: 2 });
    expect([clipped.width, clipped.height]).toEqual([2, 1]);
    expect(Array.from(clipped.data)).toEqual([2, 3]);
  });
});
