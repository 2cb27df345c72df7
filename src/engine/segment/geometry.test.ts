import { describe, expect, it } from 'vitest';
import type { Blob } from './geometry';
import { mergeFragments } from './merge';
import { dropNoise } from './noise';
import { groupLines } from './textLines';

let nextLabel = 1;
function blob(x: number, y: number, w: number, h: number): Blob {
  return { x, y, w, h, ink: w * h, labels: [nextLabel++] };
}

describe('mergeFragments', () => {
  it('joins a 5 with a detached top bar', () => {
    const body = blob(10, 20, 30, 40);
    const bar = blob(14, 10, 34, 6);
    const merged = mergeFragments([body, bar, blob(70, 12, 30, 48)], 48);
    expect(merged).toHaveLength(2);
    expect(merged[0]).toMatchObject({ x: 10, y: 10, w: 38, h: 50 });
  });

  it('joins a 5 top bar drawn well apart from its body, and leaves a bar with no digit below', () => {
    // A lone canvas 5: the bar sits up and to the right, as wide as the body, 0.3 heights away.
    const body = blob(5, 63, 61, 155);
    const bar = blob(109, 5, 127, 43);
    expect(mergeFragments([body, bar])).toEqual([
      expect.objectContaining({ x: 5, y: 5, w: 231, h: 213 }),
    ]);
    // Beside a digit's lower half (an underline, a minus sign) it is not adopted.
    const low = blob(116, 180, 60, 12);
    expect(mergeFragments([blob(5, 63, 61, 155), low])).toHaveLength(2);
  });

  it('joins a 4 written in two interleaved strokes', () => {
    const left = blob(10, 10, 25, 30);
    const right = blob(28, 5, 8, 48);
    expect(mergeFragments([left, right], 48)).toHaveLength(1);
  });

  it('joins a small broken-off piece of a stroke', () => {
    expect(mergeFragments([blob(10, 10, 30, 48), blob(42, 20, 8, 10)], 48)).toHaveLength(1);
  });

  it('keeps neighbouring digits that almost touch apart', () => {
    const digits = [blob(10, 10, 30, 48), blob(42, 11, 30, 47), blob(74, 10, 8, 48)];
    expect(mergeFragments(digits, 48)).toHaveLength(3);
  });

  it('never merges digits of two text lines', () => {
    const digits = [blob(10, 10, 30, 48), blob(12, 70, 30, 48)];
    expect(mergeFragments(digits, 48)).toHaveLength(2);
    // Two wide digits stacked with a tight line gap stay apart too.
    const wide = [blob(10, 10, 48, 48), blob(8, 62, 50, 48)];
    expect(mergeFragments(wide, 48)).toHaveLength(2);
  });

  it('joins the two halves of a lone digit broken across its middle (a wide 3)', () => {
    // A canvas 3 whose joint broke: the halves are the only blobs, so they set the reference
    // height (the union is ~1.9 of it) - the union's shape, wider than tall, shows one digit.
    const top = blob(62, 5, 96, 103);
    const bottom = blob(5, 98, 259, 120);
    expect(mergeFragments([top, bottom])).toEqual([
      expect.objectContaining({ x: 5, y: 5, w: 259, h: 213 }),
    ]);
  });
});

describe('mergeFragments on a lone pair of stacked pieces', () => {
  it('joins the halves of a plain (taller than wide) 3 when they are all the image holds', () => {
    const top = blob(36, 6, 79, 92);
    const bottom = blob(5, 114, 125, 92);
    expect(mergeFragments([top, bottom])).toEqual([
      expect.objectContaining({ x: 5, y: 6, w: 125, h: 200 }),
    ]);
  });

  it('joins a loop and the stalk drawn in dots just above it (a lone 6), however tall', () => {
    // dev canvas 17#19: stalk 40x59 two pixels above a 56x119 loop; the union is 3 times taller
    // than wide, past the halves rule's shape limit.
    const stalk = blob(25, 6, 40, 59);
    const loop = blob(5, 67, 56, 119);
    expect(mergeFragments([stalk, loop])).toEqual([
      expect.objectContaining({ x: 5, y: 6, w: 60, h: 180 }),
    ]);
    // a speck beside them does not make the pair less alone
    expect(mergeFragments([stalk, loop, blob(90, 150, 12, 12)])).toHaveLength(2);
  });

  it('keeps a lone 1 over a 0 apart when a line gap separates them', () => {
    expect(mergeFragments([blob(25, 6, 20, 80), blob(5, 100, 60, 86)])).toHaveLength(2);
  });

  it('keeps the same pieces apart as two text lines when other digits share those lines', () => {
    const pieces = [blob(36, 6, 79, 92), blob(5, 114, 125, 92)];
    const neighbours = [blob(160, 8, 60, 90), blob(160, 116, 60, 90)];
    expect(mergeFragments([...pieces, ...neighbours])).toHaveLength(4);
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
