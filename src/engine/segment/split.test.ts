import { describe, expect, it } from 'vitest';
import { componentMap } from '../testing/componentMap';
import type { ComponentMap } from './components';
import type { Blob } from './geometry';
import { columnInk, emptyGap, findLoops, ownInk, splitWide, thinRun } from './split';

/** One component drawn in ASCII ('#' = ink), its blob the ink's bounding box. */
function drawn(rows: string[]): { map: ComponentMap; blob: Blob } {
  const height = rows.length;
  const width = rows[0]!.length;
  const ink = new Uint8Array(width * height);
  const labels = new Int32Array(width * height);
  let count = 0;
  rows.forEach((row, y) =>
    [...row].forEach((c, x) => {
      if (c !== '#') return;
      ink[y * width + x] = 255;
      labels[y * width + x] = 1;
      count++;
    }),
  );
  const blob: Blob = { x: 0, y: 0, w: width, h: height, ink: count, labels: [1] };
  const map = componentMap({ width, height, labels, ink, blobs: [blob] });
  return { map, blob };
}

const rows = (n: number, row: string): string[] => Array.from({ length: n }, () => row);

/** Two 6-wide blocks joined by a one-pixel neck `neck` columns long, 10 rows tall. */
function neckJoined(neck: number): string[] {
  const block = '######';
  return [
    ...rows(5, block + '.'.repeat(neck) + block),
    block + '#'.repeat(neck) + block,
    ...rows(4, block + '.'.repeat(neck) + block),
  ];
}

const ring = ['################', ...rows(8, '##............##'), '################'];

describe('splitWide', () => {
  it('cuts at an ink-free run with a digit-tall piece on each side', () => {
    const { map, blob } = drawn(rows(10, '###....###'));
    const parts = splitWide(map, blob, 10);
    expect(parts.map((p) => p.clip)).toEqual([
      { x0: 0, x1: 5 },
      { x0: 5, x1: 10 },
    ]);
  });

  it('cuts two touching digits at their short neck', () => {
    const { map, blob } = drawn(neckJoined(3));
    expect(splitWide(map, blob, 10)).toHaveLength(2);
  });

  it('keeps one wide digit whose thin part is a long stroke, not a pinch', () => {
    // the same blocks joined by a neck 8 columns long: longer than PINCH_LENGTH of the height
    const { map, blob } = drawn(neckJoined(8));
    expect(splitWide(map, blob, 10)).toEqual([blob]);
  });

  it('never cuts through a loop spanning the blob (a wide 0)', () => {
    const { map, blob } = drawn(ring);
    expect(splitWide(map, blob, 10)).toEqual([blob]);
  });

  it('keeps a blob no wider than SPLIT_WIDTH of its height', () => {
    const { map, blob } = drawn(neckJoined(1));
    expect(blob.w).toBe(13);
    expect(splitWide(map, blob, 10)).toEqual([blob]);
  });
});

describe('the split rules on their own', () => {
  it('emptyGap: the middle of the gap, or null when one side is not digit-tall', () => {
    const tall = drawn(rows(10, '##....##')).map;
    const ink = ownInk(tall, tall.blobs[0]!, 0, 8);
    expect(emptyGap(ink, columnInk(ink), 10)).toBe(4);
    const short = drawn([...rows(6, '##....##'), ...rows(4, '##......')]).map;
    const low = ownInk(short, short.blobs[0]!, 0, 8);
    expect(emptyGap(low, columnInk(low), 20)).toBeNull(); // the right piece is 6 < 0.5 * 20
  });

  it('findLoops: a hole as wide as LOOP_WIDTH of the blob, as its column range', () => {
    const { map, blob } = drawn(ring);
    expect(findLoops(ownInk(map, blob, 0, 16))).toEqual([{ left: 2, right: 13 }]);
    const open = drawn(neckJoined(3));
    expect(findLoops(ownInk(open.map, open.blob, 0, 15))).toEqual([]);
  });

  it('thinRun: the columns around a minimum within a pen width of it', () => {
    expect(thinRun([9, 9, 1, 2, 1, 9, 9], 2)).toBe(3);
    expect(thinRun([9, 4, 9], 1)).toBe(1);
  });
});
