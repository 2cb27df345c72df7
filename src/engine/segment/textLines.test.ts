import { describe, expect, it } from 'vitest';
import type { Blob } from './geometry';
import { groupLines, lineDistance, type LineBuild } from './textLines';

let nextLabel = 1;
function blob(x: number, y: number, w: number, h: number): Blob {
  return { x, y, w, h, ink: w * h, labels: [nextLabel++] };
}

describe('groupLines', () => {
  it('orders lines top to bottom and digits left to right (not by x alone)', () => {
    const line1 = [blob(100, 10, 30, 40), blob(10, 12, 30, 40), blob(55, 8, 30, 40)];
    const line2 = [blob(5, 80, 30, 40), blob(60, 82, 30, 40)];
    const lines = groupLines([...line2, ...line1]);
    expect(lines.map((l) => l.map((b) => b.x))).toEqual([
      [10, 55, 100],
      [5, 60],
    ]);
  });

  it('follows a slanted line', () => {
    const slanted = Array.from({ length: 8 }, (_, i) => blob(i * 40, 100 + i * 8, 30, 40));
    expect(groupLines(slanted)).toHaveLength(1);
  });
});

describe('lineDistance', () => {
  const line: LineBuild<Blob> = { items: [], lastCy: 100, lastH: 40, sumCy: 100 };

  it('is the centre shift of a box on the line', () => {
    expect(lineDistance(blob(0, 88, 30, 40), line)).toBe(8);
  });

  it('is null past maxCentreShift of the taller height, or with too little overlap', () => {
    expect(lineDistance(blob(0, 105, 30, 40), line)).toBeNull(); // shift 25 > 0.6 * 40
    // shift 24 is within 0.6 * 40, but 1 px of overlap is under 0.2 of the box's 10 px height
    expect(lineDistance(blob(0, 119, 30, 10), line)).toBeNull();
    expect(lineDistance(blob(0, 117, 30, 10), line)).toBe(22);
  });
});
