/**
 * A label is a word: a blob the reader surely read as not a digit at one end of a line, with
 * the blobs written as close to it as letters of one word, before the gap that separates it
 * from the number ("No 59": the "N" left out, its "o" read "0"; "Tel 433": its "l" read "1").
 */
import type { Rect } from '../segment/geometry';
import type { LineToken } from './assign';

/** Blobs closer than this share of the line's median blob height belong to one word. */
export const WORD_GAP = 0.15;

export interface LabelWordsResult {
  tokens: LineToken[];
  /** Digit tokens dropped with a label. */
  dropped: number;
}

/** Blobs (any order) grouped into words, each word's span in x, left to right. */
export function wordSpans(blobs: readonly Rect[], height: number): [number, number][] {
  const sorted = [...blobs].sort((a, b) => a.x - b.x);
  const words: [number, number][] = [];
  for (const r of sorted) {
    const last = words[words.length - 1];
    if (last && r.x - last[1] <= WORD_GAP * height) last[1] = Math.max(last[1], r.x + r.w);
    else words.push([r.x, r.x + r.w]);
  }
  return words;
}

/**
 * Tokens without those lying in a label word at either end of the line: `blobs` are the
 * line's blobs, `leftOut` those the reader left out as not a digit, `height` the median blob
 * height. A line of one word is judged whole elsewhere (doubt, the texture check).
 */
export function dropLabelWords(
  tokens: readonly LineToken[],
  blobs: readonly Rect[],
  leftOut: readonly Rect[],
  height: number,
): LabelWordsResult {
  const words = leftOut.length ? wordSpans(blobs, height) : [];
  if (words.length < 2) return { tokens: [...tokens], dropped: 0 };
  const inside = (r: Rect, [a, b]: [number, number]): boolean =>
    r.x + r.w / 2 >= a && r.x + r.w / 2 <= b;
  const labels = [words[0]!, words[words.length - 1]!].filter((w) =>
    leftOut.some((r) => inside(r, w)),
  );
  const dropped = (t: LineToken): boolean =>
    labels.some((w) => inside(t.kind === 'digit' ? t.crop.rect : t.rect, w));
  return {
    tokens: tokens.filter((t) => !dropped(t)),
    dropped: tokens.filter((t) => t.kind === 'digit' && dropped(t)).length,
  };
}
