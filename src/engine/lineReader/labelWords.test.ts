import { describe, expect, it } from 'vitest';
import type { Rect } from '../segment/geometry';
import type { LineToken } from './assign';
import { dropLabelWords, wordSpans } from './labelWords';

const box = (x: number, w: number): Rect => ({ x, y: 0, w, h: 100 });

const digit = (x: number, w: number): LineToken => {
  const rect = box(x, w);
  return { kind: 'digit', crop: { rect, pixels: new Uint8Array(w * 100) }, read: null };
};

const xs = (tokens: readonly LineToken[]): number[] =>
  tokens.map((t) => (t.kind === 'digit' ? t.crop.rect.x : t.rect.x));

describe('wordSpans', () => {
  it('joins blobs closer than 0.15 of the height and splits at wider gaps', () => {
    expect(wordSpans([box(120, 40), box(0, 50), box(54, 40)], 100)).toEqual([
      [0, 94],
      [120, 160],
    ]);
  });
});

describe('dropLabelWords', () => {
  // "No 59": N (left out) at 0, its "o" at 54 read as a digit, the number after a word gap.
  const blobs = [box(0, 50), box(54, 40), box(130, 40), box(172, 40)];
  const tokens = [digit(54, 40), digit(130, 40), digit(172, 40)];

  it('drops the digits in the word of a left-out blob at the start', () => {
    const out = dropLabelWords(tokens, blobs, [blobs[0]!], 100);
    expect(xs(out.tokens)).toEqual([130, 172]);
    expect(out.dropped).toBe(1);
  });

  it('drops a label word at the end and a separator inside it', () => {
    const end = [box(0, 40), box(60, 40), box(140, 40), box(184, 40)];
    const colon: LineToken = { kind: 'separator', char: ':', rect: { x: 190, y: 40, w: 6, h: 30 } };
    const out = dropLabelWords(
      [digit(0, 40), digit(60, 40), digit(140, 40), colon],
      end,
      [end[3]!],
      100,
    );
    expect(xs(out.tokens)).toEqual([0, 60]);
    expect(out.dropped).toBe(1);
  });

  it('keeps everything when nothing was left out', () => {
    expect(dropLabelWords(tokens, blobs, [], 100).tokens).toEqual(tokens);
  });

  it('keeps a line that is one word: it is judged whole elsewhere', () => {
    const close = [box(0, 50), box(54, 40), box(98, 40)];
    const out = dropLabelWords([digit(54, 40), digit(98, 40)], close, [close[0]!], 100);
    expect(out.dropped).toBe(0);
    expect(out.tokens).toHaveLength(2);
  });

  it('keeps a word between the ends even with ink left out in it', () => {
    const three = [box(0, 40), box(80, 40), box(124, 40), box(200, 40)];
    const out = dropLabelWords(
      [digit(0, 40), digit(124, 40), digit(200, 40)],
      three,
      [three[1]!],
      100,
    );
    expect(out.dropped).toBe(0);
  });
});
