/**
 * Splits blobs that hold several digits:
 * - a run of ink-free columns with a digit-tall piece on each side: neighbours that only the
 *   dilation joined (the merge step would not have joined them either: no overlap in x);
 * - a blob too wide to be one digit (two digits whose ink touches): at the column with the least
 *   ink near its middle, but never through a loop that spans much of the blob (a wide 0 or a
 *   flat 8 cut there would read as two digits; touching digits keep their loops to one side).
 * Recursively, so three touching digits become three.
 */
import type { ComponentMap } from './components';
import type { Blob } from './geometry';

/** Wider than this many times max(reference height, own height) = several digits (a 0 is not). */
export const SPLIT_WIDTH = 1.3;
/** A hole at least this share of the blob's width is one digit's loop: no cut crosses it. */
export const LOOP_WIDTH = 0.4;
/** Touching digits meet in a pinch at most this long (in blob heights). */
export const PINCH_LENGTH = 0.35;

export const SPLIT_TUNING = {
  /** Cuts per blob at most this deep: 2^depth pieces is more than any run of touching digits. */
  maxDepth: 4,
  /** Cuts are searched in this middle share of the blob's width (from 0.2 to 0.8)... */
  searchFrom: 0.2,
  searchTo: 0.8,
  /** ...and only where the column's ink is at most this share of the fullest column's: a neck. */
  maxNeck: 0.4,
  /** Each side of a cut, and of an ink-free gap, is at least this many reference heights tall. */
  minSideHeight: 0.5,
  /** A column is thin when its ink is within minimum * thinFactor + thinSlack (a pen's width). */
  thinFactor: 1.5,
  thinSlack: 1,
} as const;

/** The blob's own ink in columns [x0, x1) of its rows: w*h, 1 = ink (columns as offsets). */
export interface OwnInk {
  mask: Uint8Array;
  w: number;
  h: number;
}

export function ownInk(map: ComponentMap, blob: Blob, x0: number, x1: number): OwnInk {
  const own = new Set(blob.labels);
  const w = x1 - x0;
  const h = blob.h;
  const mask = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (blob.y + y) * map.width + x0 + x;
      if (map.ink[p] && own.has(map.labels[p]!)) mask[y * w + x] = 1;
    }
  }
  return { mask, w, h };
}

export function columnInk({ mask, w, h }: OwnInk): number[] {
  const counts = new Array<number>(w).fill(0);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) counts[x]! += mask[y * w + x]!;
  return counts;
}

export function splitWide(map: ComponentMap, blob: Blob, refH: number, depth = 0): Blob[] {
  const x0 = blob.clip?.x0 ?? blob.x;
  const x1 = blob.clip?.x1 ?? blob.x + blob.w;
  const w = x1 - x0;
  if (depth > SPLIT_TUNING.maxDepth || refH <= 0) return [blob];
  const part = (a: number, b: number): Blob => ({
    x: a,
    y: blob.y,
    w: b - a,
    h: blob.h,
    ink: blob.ink,
    labels: blob.labels,
    clip: { x0: a, x1: b },
  });
  const split = (cut: number): Blob[] => [
    ...splitWide(map, part(x0, cut), refH, depth + 1),
    ...splitWide(map, part(cut, x1), refH, depth + 1),
  ];
  const ink = ownInk(map, blob, x0, x1);
  const counts = columnInk(ink);
  const gap = emptyGap(ink, counts, refH);
  if (gap !== null) return split(x0 + gap);
  if (w <= SPLIT_WIDTH * Math.max(refH, blob.h)) return [blob];
  const best = neckCut(ink, counts, blob.h, refH);
  return best === null ? [blob] : split(x0 + best);
}

/**
 * Where two touching digits meet (an offset), or null when the blob is one wide digit. Searches
 * the middle for the column with the least ink, preferring the centre a little on ties, and
 * never inside a loop.
 */
export function neckCut(ink: OwnInk, counts: number[], blobH: number, refH: number): number | null {
  const t = SPLIT_TUNING;
  const w = counts.length;
  const loops = findLoops(ink);
  const inLoop = (i: number): boolean => loops.some((l) => l.left < i && i < l.right);
  let best = -1;
  let bestScore = Infinity;
  for (let i = Math.floor(w * t.searchFrom); i < Math.ceil(w * t.searchTo); i++) {
    if (inLoop(i)) continue;
    const score = counts[i]! + Math.abs(i - w / 2) / w;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  // Touching digits meet in a thin neck; a thick minimum means one wide digit - unless the cut
  // falls between two loops side by side (two round digits pressed together; no digit has that).
  if (best <= 0) return null;
  const betweenLoops = loops.some((l) => l.right < best) && loops.some((l) => l.left > best);
  if (!betweenLoops && counts[best]! > t.maxNeck * Math.max(...counts)) return null;
  // A pinch is short: a long run of thin columns is one stroke of one wide digit (the foot of an
  // open 0, the bar of a 7, the tail of a 9), not where two digits meet.
  if (!betweenLoops && thinRun(counts, best) > PINCH_LENGTH * blobH) return null;
  // Both sides must be digit-tall: a 5 with a long flat foot is wide but has a bar on one side.
  const side = t.minSideHeight * refH;
  if (inkHeight(ink, 0, best) < side || inkHeight(ink, best, w) < side) return null;
  return best;
}

export interface Loop {
  left: number;
  right: number;
}

/**
 * Loops of the blob's own ink at least LOOP_WIDTH of the blob wide, as column ranges (offsets
 * from x0): background the outside cannot reach (4-connected, so the ink's diagonal steps do not
 * leak), grouped into holes.
 */
export function findLoops({ mask, w, h }: OwnInk): Loop[] {
  const loops: Loop[] = [];
  if (w <= 2 || h <= 2) return loops;
  // 0 = background not yet reached, 1 = ink, 2 = reached from outside, 3 = in a visited hole
  const state = mask.slice();
  const fill = (seeds: number[], mark: number): Loop => {
    let left = Infinity;
    let right = -1;
    const stack = seeds.filter((q) => state[q] === 0);
    for (const q of stack) state[q] = mark;
    while (stack.length) {
      const q = stack.pop()!;
      const x = q % w;
      left = Math.min(left, x);
      right = Math.max(right, x);
      const next = [x > 0 ? q - 1 : -1, x < w - 1 ? q + 1 : -1, q - w, q + w];
      for (const r of next) {
        if (r >= 0 && r < state.length && state[r] === 0) {
          state[r] = mark;
          stack.push(r);
        }
      }
    }
    return { left, right };
  };
  const border: number[] = [];
  for (let x = 0; x < w; x++) border.push(x, (h - 1) * w + x);
  for (let y = 0; y < h; y++) border.push(y * w, y * w + w - 1);
  fill(border, 2);
  for (let q = 0; q < state.length; q++) {
    if (state[q] !== 0) continue;
    const hole = fill([q], 3);
    if (hole.right - hole.left + 1 >= LOOP_WIDTH * w) loops.push(hole);
  }
  return loops;
}

/** Length of the run of columns around `at` whose ink is within a pen's width of its minimum. */
export function thinRun(counts: number[], at: number): number {
  const limit = SPLIT_TUNING.thinFactor * counts[at]! + SPLIT_TUNING.thinSlack;
  let a = at;
  let b = at;
  while (a > 0 && counts[a - 1]! <= limit) a--;
  while (b < counts.length - 1 && counts[b + 1]! <= limit) b++;
  return b - a + 1;
}

/** Ink rows [top, bottom] of the blob's own ink within columns [a, b) (offsets). */
export function inkHeight({ mask, w, h }: OwnInk, a: number, b: number): number {
  let top = Infinity;
  let bottom = -1;
  for (let y = 0; y < h; y++) {
    for (let x = a; x < b; x++) {
      if (mask[y * w + x]) {
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
        break;
      }
    }
  }
  return bottom < 0 ? 0 : bottom - top + 1;
}

/** Middle (offset) of an ink-free column run with a digit-tall piece on both sides, or null. */
export function emptyGap(ink: OwnInk, counts: number[], refH: number): number | null {
  let i = 0;
  while (i < counts.length) {
    if (counts[i]! > 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < counts.length && counts[j] === 0) j++;
    const leftInk = counts.slice(0, i).some((c) => c > 0);
    const rightInk = counts.slice(j).some((c) => c > 0);
    if (leftInk && rightInk) {
      const left = inkHeight(ink, 0, i);
      const right = inkHeight(ink, j, counts.length);
      const side = SPLIT_TUNING.minSideHeight * refH;
      if (left >= side && right >= side) return (i + j) >> 1;
    }
    i = j;
  }
  return null;
}
