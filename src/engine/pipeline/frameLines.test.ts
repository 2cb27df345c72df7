import { describe, expect, it } from 'vitest';
import { eraseFrameLines, findFrameLines } from './frameLines';

const W = 100;
const H = 140;

function mask(): Uint8Array {
  return new Uint8Array(W * H);
}
function fill(m: Uint8Array, x0: number, y0: number, x1: number, y1: number): void {
  for (let y = y0; y < y1; y++) for (let x = x0; x < x1; x++) m[y * W + x] = 255;
}
/** A pen-drawn "0": a thick ring in the middle of the crop. */
function ring(m: Uint8Array): void {
  for (let y = 0; y < H; y++)
    for (let x = 0; x < W; x++) {
      const d = Math.hypot((x - 50) / 35, (y - 70) / 55);
      if (d > 0.75 && d < 1) m[y * W + x] = 255;
    }
}

describe('findFrameLines', () => {
  it('finds a hairline along the left edge and one along the bottom, with a fringe', () => {
    const m = mask();
    ring(m);
    fill(m, 2, 0, 5, H); // 3 px column, full height
    fill(m, 0, 134, W, 137); // 3 px row, full width
    const lines = findFrameLines(m, W, H);
    expect(lines.cols).toEqual([1, 2, 3, 4, 5]);
    expect(lines.rows).toEqual([133, 134, 135, 136, 137]);
    eraseFrameLines(m, W, H, lines);
    expect(m[70 * W + 3]).toBe(0);
    expect(m[70 * W + 16]).toBe(255); // the ring's left side stays
  });

  it('keeps a pen-thick bar (a 1 with a base filling the crop)', () => {
    const m = mask();
    fill(m, 45, 10, 58, 125); // stem
    fill(m, 8, 125, 92, 138); // 13 px base over 84% of the width
    expect(findFrameLines(m, W, H)).toEqual({ rows: [], cols: [] });
  });

  it('keeps lines away from the edges and lines that do not run the whole side', () => {
    const m = mask();
    ring(m);
    fill(m, 48, 0, 51, H); // through the middle
    fill(m, 0, 2, W / 2, 4); // half the top
    expect(findFrameLines(m, W, H)).toEqual({ rows: [], cols: [] });
  });

  it('keeps a straight thin stroke that is most of the ink (a 1 by the edge)', () => {
    const m = mask();
    fill(m, 3, 0, 7, H);
    fill(m, 7, 0, 20, 6); // its small flag
    expect(findFrameLines(m, W, H)).toEqual({ rows: [], cols: [] });
  });
});
