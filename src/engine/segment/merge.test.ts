import { describe, expect, it } from 'vitest';
import type { Blob } from './geometry';
import {
  joinsAbutting,
  joinsBar,
  joinsFragment,
  joinsHalves,
  joinsInterleaved,
  joinsLoneStack,
  joinsStacked,
  MERGE_TUNING,
  mergeDistance,
  mergeFragments,
  piecePair,
} from './merge';

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

describe('each merge rule on its own (reference height 48)', () => {
  const refH = 48;

  it("joinsBar: a flat bar beside a digit, while the union stays that digit's size", () => {
    const body = blob(10, 20, 30, 40);
    expect(joinsBar(piecePair(body, blob(14, 10, 34, 6)), refH)).toBe(true);
    // two bars, or two digits: not this rule
    expect(joinsBar(piecePair(blob(0, 0, 30, 6), blob(40, 0, 30, 6)), refH)).toBe(false);
    expect(joinsBar(piecePair(body, blob(45, 20, 30, 40)), refH)).toBe(false);
    // a bar wider than barUnionWidth of the body's height
    expect(joinsBar(piecePair(body, blob(10, 12, 70, 6)), refH)).toBe(false);
  });

  it('joinsHalves: stacked halves that touch, not taller than the aspect limit', () => {
    const top = blob(62, 5, 96, 103);
    const bottom = blob(5, 98, 259, 120);
    expect(joinsHalves(piecePair(top, bottom), 110, false)).toBe(true);
    // the same shape with a line's gap between the halves
    expect(joinsHalves(piecePair(top, blob(5, 160, 259, 120)), 110, false)).toBe(false);
    // a plain 3 (taller than wide) passes only when the pair is all there is
    const plain = piecePair(blob(36, 6, 79, 92), blob(5, 114, 125, 92));
    expect(joinsHalves(plain, 92, false)).toBe(false);
    expect(joinsHalves(plain, 92, true)).toBe(true);
  });

  it('joinsLoneStack: only for a lone pair that all but touches', () => {
    const p = piecePair(blob(25, 6, 40, 59), blob(5, 67, 56, 119));
    expect(joinsLoneStack(p, true)).toBe(true);
    expect(joinsLoneStack(p, false)).toBe(false);
    expect(joinsLoneStack(piecePair(blob(25, 6, 20, 80), blob(5, 100, 60, 86)), true)).toBe(false);
  });

  it('joinsStacked: stacked pieces across a small gap, no wider than maxStackedWidth', () => {
    expect(joinsStacked(piecePair(blob(10, 10, 30, 20), blob(12, 35, 30, 20)), refH)).toBe(true);
    expect(joinsStacked(piecePair(blob(10, 10, 30, 20), blob(12, 46, 30, 20)), refH)).toBe(false);
    expect(joinsStacked(piecePair(blob(0, 0, 40, 20), blob(0, 20, 65, 20)), refH)).toBe(false);
  });

  it('joinsInterleaved: strokes overlapping in x on the same rows, union narrow', () => {
    expect(joinsInterleaved(piecePair(blob(10, 10, 25, 30), blob(28, 5, 8, 48)), refH)).toBe(true);
    // side by side without overlap in x
    expect(joinsInterleaved(piecePair(blob(10, 10, 20, 30), blob(31, 5, 8, 48)), refH)).toBe(false);
  });

  it('joinsAbutting: touching side by side while the union is narrower than abutWidth', () => {
    expect(joinsAbutting(piecePair(blob(10, 10, 15, 40), blob(26, 10, 15, 40)), refH)).toBe(true);
    expect(joinsAbutting(piecePair(blob(10, 10, 15, 40), blob(29, 10, 15, 40)), refH)).toBe(false);
    expect(joinsAbutting(piecePair(blob(10, 10, 20, 40), blob(31, 10, 20, 40)), refH)).toBe(false);
  });

  it('joinsFragment: a small piece within reach of its neighbour', () => {
    expect(joinsFragment(piecePair(blob(10, 10, 30, 48), blob(42, 20, 8, 10)), refH)).toBe(true);
    expect(joinsFragment(piecePair(blob(10, 10, 30, 48), blob(52, 20, 8, 10)), refH)).toBe(false);
  });

  it('mergeDistance: the height limit bars the later rules', () => {
    // stacked and close, but two lines tall: only the halves/lone rules could join them
    const a = blob(10, 10, 30, 40);
    const b = blob(10, 52, 30, 40);
    expect(joinsStacked(piecePair(a, b), refH)).toBe(true);
    expect(mergeDistance(a, b, refH)).toBeNull();
    expect(mergeDistance(a, blob(42, 20, 8, 10), refH, MERGE_TUNING)).toBe(2);
  });
});
