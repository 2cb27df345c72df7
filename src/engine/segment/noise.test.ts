import { describe, expect, it } from 'vitest';
import type { Blob } from './geometry';
import { dropNoise, isNoise, isRule } from './noise';

const blob = (x: number, y: number, w: number, h: number): Blob => ({
  x,
  y,
  w,
  h,
  ink: w * h,
  labels: [1],
});

describe('isRule', () => {
  it('takes a lone margin line or page edge for a rule, not a digit', () => {
    expect(isRule(blob(80, 0, 2, 700), 900, 700)).toBe(true); // vertical margin line
    expect(isRule(blob(0, 300, 880, 3), 900, 700)).toBe(true); // a horizontal rule
    // A strip of ruled paper: the margin line's dilated box is 9 px wide, its ink a hairline.
    expect(isRule({ ...blob(4, 0, 9, 107), ink: 123 }, 271, 107)).toBe(true);
    // A pen "1" as tall as such a strip keeps its pen-wide ink.
    expect(isRule({ ...blob(100, 0, 9, 100), ink: 700 }, 271, 107)).toBe(false);
  });

  it('keeps a "1", even one drawn across the whole canvas with a pen', () => {
    expect(isRule(blob(400, 20, 40, 660), 1024, 700)).toBe(false); // pen-wide: 6% of its length
    expect(isRule(blob(400, 300, 3, 90), 1024, 700)).toBe(false); // thin pen, digit-sized
    expect(isRule(blob(59, 18, 4, 264), 120, 300)).toBe(false); // thin "1" filling a tight crop
  });
});

describe('dropNoise', () => {
  it('drops specks and flat streaks, keeps a thin 1', () => {
    const kept = dropNoise(
      [blob(0, 0, 30, 50), blob(50, 0, 4, 50), blob(90, 20, 5, 5), blob(0, 60, 200, 3)],
      50,
    );
    expect(kept.map((b) => b.x)).toEqual([0, 50]);
  });
});

describe('isNoise (reference height 50)', () => {
  it('a speck is under minSize of the reference height on its longer side', () => {
    expect(isNoise(blob(0, 0, 17, 17), 50)).toBe(true);
    expect(isNoise(blob(0, 0, 18, 18), 50)).toBe(false);
  });

  it('a flat piece (a dash, a line remnant) is under minHeight tall, however long', () => {
    expect(isNoise(blob(0, 0, 200, 9), 50)).toBe(true);
    expect(isNoise(blob(0, 0, 4, 50), 50)).toBe(false); // a thin 1
  });
});
