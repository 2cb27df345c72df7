import { describe, expect, it } from 'vitest';
import { dropBrokenRules } from './brokenRule';
import type { Blob } from './geometry';

const blob = (x: number, y: number, w: number, h: number): Blob => ({
  x,
  y,
  w,
  h,
  ink: w * h,
  labels: [1],
});

describe('dropBrokenRules', () => {
  const digits = [blob(60, 70, 14, 22), blob(80, 70, 14, 22), blob(100, 70, 5, 22)];

  it('drops a faint margin line broken into short pieces down the image', () => {
    const pieces = [10, 40, 75, 110, 140].map((y) => ({ ...blob(20, y, 6, 20), ink: 8 }));
    const kept = dropBrokenRules([...pieces, ...digits], 22, 168);
    expect(kept).toEqual(digits);
  });

  it('keeps a column of real 1s, one at the start of every row', () => {
    const ones = [10, 50, 90, 130].map((y) => blob(20, y, 4, 22));
    expect(dropBrokenRules([...ones, ...digits], 22, 168)).toHaveLength(7);
  });

  it('keeps a few dots in one column that do not run down the page', () => {
    const dots = [60, 75, 90].map((y) => ({ ...blob(40, y, 6, 6), ink: 3 }));
    expect(dropBrokenRules([...dots, ...digits], 22, 168)).toHaveLength(6);
  });
});
