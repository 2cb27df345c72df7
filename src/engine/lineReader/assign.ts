/**
 * Turns the line reader's reading of one line into what the result shows: digits (each with a
 * crop for the digit model and for "What the model saw"), separators, and ink left out as not
 * a digit. Where the reader agrees with segmentation on how many digits the line holds, the
 * segmentation's crops are kept (they follow each digit's own ink); where it does not, each
 * character gets the ink of the columns nearest to the columns that emitted it.
 */
import type { DigitCrop } from '../segment/crops';
import type { Rect } from '../segment/geometry';
import type { SegmentedDigit } from '../segment/segment';
import { isDigitChar, OTHER, type ReadChar } from './ctc';
import { columnToWorkingX, sliceInk, type LineImage } from './lineImage';

export interface DigitToken {
  kind: 'digit';
  crop: DigitCrop;
  /**
   * The reader's character for it (its digit probabilities take part in the label); null for
   * a blob the reader emitted nothing for, read by the digit model alone.
   */
  read: ReadChar | null;
  /** The reader's probability that this ink is not a digit, when it read it so. */
  notDigit?: number;
}

/** Ink the reader read as not a digit with at least this probability is left out. */
export const LEAVE_OUT_FROM = 0.9;

export interface SeparatorToken {
  kind: 'separator';
  char: string;
  rect: Rect;
}

export type LineToken = DigitToken | SeparatorToken;

/** The reader's digit mass over a box of the line (lineImage.ts `evidenceOver`), 0..1. */
export type DigitEvidence = (rect: Rect) => number;

/** No evidence either way: silent blobs keep the digit model's full confidence. */
const NO_EVIDENCE: DigitEvidence = () => 1;

export interface AssignedLine {
  tokens: LineToken[];
  evidence: DigitEvidence;
  /** Digits segmentation found in the line. */
  segmented: number;
  /** Non-digit characters (letters, symbols, scribbles) the reader left out. */
  leftOut: number;
  /** True when the digits are not segmentation's (the reader split or joined blobs). */
  resplit: boolean;
  /** The reader's least confident character (1 for an empty reading). */
  minP: number;
}

/** Working-x boundaries between consecutive characters: the middle of the gap of columns. */
function boundaries(line: LineImage, chars: readonly ReadChar[]): number[] {
  const b: number[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    const mid = (chars[i]!.last + 1 + chars[i + 1]!.first) / 2;
    b.push(columnToWorkingX(line, mid));
  }
  return b;
}

function peakX(line: LineImage, c: ReadChar): number {
  return columnToWorkingX(line, (c.first + c.last + 1) / 2);
}

export function assignLine(
  segments: readonly SegmentedDigit[],
  chars: readonly ReadChar[],
  line: LineImage,
  evidence: DigitEvidence = NO_EVIDENCE,
): AssignedLine {
  const digitChars = chars.filter((c) => isDigitChar(c.char));
  const anyOther = chars.some((c) => c.char === OTHER);
  const bounds = boundaries(line, chars);
  const region = (i: number): [number, number] => [
    i === 0 ? -Infinity : bounds[i - 1]!,
    i === chars.length - 1 ? Infinity : bounds[i]!,
  ];
  const agree = digitChars.length === segments.length && !anyOther;
  const tokens: LineToken[] = [];
  let nextDigit = 0;
  chars.forEach((c, i) => {
    const [xa, xb] = region(i);
    if (c.char === OTHER) {
      // Not sure enough to drop: the digit model reads it, marked by the reader's doubt.
      const ink = c.p < LEAVE_OUT_FROM ? sliceInk(line.ink, xa, xb) : null;
      if (ink) tokens.push({ kind: 'digit', crop: ink, read: null, notDigit: c.p });
      return;
    }
    if (!isDigitChar(c.char)) {
      const ink = sliceInk(line.ink, xa, xb);
      if (ink) tokens.push({ kind: 'separator', char: c.char, rect: ink.rect });
      return;
    }
    if (agree) {
      tokens.push({ kind: 'digit', crop: segments[nextDigit++]!.crop, read: c });
      return;
    }
    const crop = ownSegment(segments, chars, line, c) ?? sliceInk(line.ink, xa, xb);
    if (crop) tokens.push({ kind: 'digit', crop, read: c });
  });
  if (!agree) {
    // A blob the reader emitted nothing for is not dropped on its silence: the digit model
    // reads it alone, trusted only as far as the reader's columns over it showed a digit (a
    // scribble or a shape the reader saw as nothing should not come out a confident digit).
    for (const s of segments) {
      if (!chars.some((c) => emittedOver(line, c, s.crop.rect))) {
        const notDigit = 1 - evidence(s.crop.rect);
        tokens.push({ kind: 'digit', crop: s.crop, read: null, notDigit });
      }
    }
    tokens.sort((a, b) => centreX(a) - centreX(b));
  }
  return {
    tokens,
    evidence,
    segmented: segments.length,
    leftOut: chars.filter((c) => c.char === OTHER && c.p >= LEAVE_OUT_FROM).length,
    resplit: !agree,
    minP: Math.min(1, ...chars.map((c) => c.p)),
  };
}

/**
 * How sure the reader was that a blob is not a digit: the highest probability of a "not a
 * digit" character it emitted over the blob; 0 when it emitted none there.
 */
export function otherOver(line: LineImage, chars: readonly ReadChar[], r: Rect): number {
  let p = 0;
  for (const c of chars) if (c.char === OTHER && emittedOver(line, c, r)) p = Math.max(p, c.p);
  return p;
}

/**
 * Whether the columns that emitted a character reach a blob, half a column of slack each side:
 * a thin "1" can lie beside the centre of the column that read it, and must not be read again
 * as a digit of its own.
 */
function emittedOver(line: LineImage, c: ReadChar, r: Rect): boolean {
  const a = columnToWorkingX(line, c.first - 0.5);
  const b = columnToWorkingX(line, c.last + 1.5);
  return a < r.x + r.w && b > r.x;
}

function centreX(t: LineToken): number {
  const r = t.kind === 'digit' ? t.crop.rect : t.rect;
  return r.x + r.w / 2;
}

/** The segment holding this character alone (its peak inside, no other peak): its clean crop. */
function ownSegment(
  segments: readonly SegmentedDigit[],
  chars: readonly ReadChar[],
  line: LineImage,
  c: ReadChar,
): DigitCrop | null {
  const x = peakX(line, c);
  const inside = (s: SegmentedDigit, px: number): boolean =>
    px >= s.crop.rect.x && px < s.crop.rect.x + s.crop.rect.w;
  const holders = segments.filter((s) => inside(s, x));
  if (holders.length !== 1) return null;
  const s = holders[0]!;
  const peaks = chars.filter((o) => inside(s, peakX(line, o))).length;
  return peaks === 1 ? s.crop : null;
}
