/**
 * Turns the line reader's reading of one line into what the result shows: digits (each with a
 * crop for the digit model and for "What the model saw"), separators, and ink left out as not
 * a digit. Where the reader agrees with segmentation on how many digits the line holds, the
 * segmentation's crops are kept (they follow each digit's own ink); where it does not, each
 * character gets the ink of the columns nearest to the columns that emitted it.
 */
import type { DigitCrop } from '../segment/crops';
import { median, type Rect } from '../segment/geometry';
import type { SegmentedDigit } from '../segment/segment';
import { isDigitChar, OTHER, type ReadChar } from './ctc';
import { dropLabelWords } from './labelWords';
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
  /** Cut from the line's ink at the reader's columns: the digit model sees part of a digit. */
  sliced?: boolean;
}

/** Ink the reader read as not a digit with at least this probability is left out. */
export const LEAVE_OUT_FROM = 0.9;
/** A separator read at least this sure is kept over a digit's blob and in a fallback line. */
export const SURE_SEPARATOR = 0.9;

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

/**
 * Where between two characters' columns their ink divides, as a share of the gap from the end
 * of the first's columns to the start of the second's. The reader emits a character over the
 * right part of its ink (its first and last columns at 0.73 and 1.06 of the digit's width,
 * medians over 605 digits of dev seed 7), so the ink divides near the first one's last column,
 * not in the middle of the gap (0.25 against 0.5: touching 87.5% -> 90.0% exact, README).
 */
export const BOUNDARY_AT = 0.25;

/**
 * Each character's span of the line in working x, between the boundaries with its neighbours
 * (the line's ends are open).
 */
export function charRegions(line: LineImage, chars: readonly ReadChar[]): [number, number][] {
  const b: number[] = [];
  for (let i = 0; i + 1 < chars.length; i++) {
    const end = chars[i]!.last + 1;
    b.push(columnToWorkingX(line, end + BOUNDARY_AT * (chars[i + 1]!.first - end)));
  }
  return chars.map((_, i) => [
    i === 0 ? -Infinity : b[i - 1]!,
    i === chars.length - 1 ? Infinity : b[i]!,
  ]);
}

export function assignLine(
  segments: readonly SegmentedDigit[],
  read: readonly ReadChar[],
  line: LineImage,
  evidence: DigitEvidence = NO_EVIDENCE,
): AssignedLine {
  const regions = charRegions(line, read);
  const height = median(segments.map((s) => s.crop.rect.h));
  // An unsure "/" with no ink of its own outside the digits' blobs is more often a slanted 1
  // inside a run of touching digits: it is read as the digit the reader ranked first there.
  const chars = read.map((c, i) =>
    c.char === '/' && c.p < SURE_SEPARATOR && !inkBesideBlobs(line, segments, ...regions[i]!)
      ? asDigit(c)
      : c,
  );
  const digitChars = chars.filter((c) => isDigitChar(c.char));
  const anyOther = chars.some((c) => c.char === OTHER);
  const agree = digitChars.length === segments.length && !anyOther;
  const tokens: LineToken[] = [];
  let nextDigit = 0;
  let leftOut = 0;
  const leftOutBlobs: Rect[] = [];
  // A lone blob (a tight crop of one odd digit reads as not a digit too) is never dropped.
  const lone = segments.length === 1 && digitChars.length === 0;
  chars.forEach((c, i) => {
    const [xa, xb] = regions[i]!;
    if (c.char === OTHER) {
      // Not sure enough to drop, or a lone blob: the digit model reads it, marked by the doubt.
      const keep = c.p < LEAVE_OUT_FROM || lone;
      const ink = keep ? (lone ? segments[0]!.crop : sliceInk(line.ink, xa, xb)) : null;
      if (ink) tokens.push({ kind: 'digit', crop: ink, read: null, notDigit: c.p });
      else if (!keep) {
        leftOut++;
        for (const {
          crop: { rect: r },
        } of segments)
          if (r.x + r.w / 2 >= xa && r.x + r.w / 2 < xb) leftOutBlobs.push(r);
      }
      return;
    }
    if (!isDigitChar(c.char)) {
      // A dash or comma read unsurely with no ink of its own outside the digits' blobs is more
      // often part of a digit (a 1's base, a 7's bar, the join of two touching digits): only a
      // sure one is kept there. Dots stay: a colon's dots are often merged into a digit's blob.
      const dash = c.char === '-' || c.char === ',';
      if (dash && c.p < SURE_SEPARATOR && !inkBesideBlobs(line, segments, xa, xb)) return;
      const ink = sliceInk(line.ink, xa, xb);
      const char =
        c.char === '.' && c.p < SURE_SEPARATOR && colonOver(segments, height, line, c)
          ? ':'
          : c.char;
      if (ink) tokens.push({ kind: 'separator', char, rect: ink.rect });
      return;
    }
    if (agree) {
      tokens.push({ kind: 'digit', crop: segments[nextDigit++]!.crop, read: c });
      return;
    }
    const own = ownSegment(segments, [xa, xb]);
    const crop = own ?? sliceInk(line.ink, xa, xb);
    if (crop) tokens.push({ kind: 'digit', crop, read: c, ...(own ? {} : { sliced: true }) });
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
  const blobs = segments.map((s) => s.crop.rect);
  const labels = dropLabelWords(tokens, blobs, leftOutBlobs, height);
  return {
    tokens: labels.tokens,
    evidence,
    segmented: segments.length,
    leftOut: leftOut + labels.dropped,
    resplit: !agree,
    minP: Math.min(1, ...read.map((c) => c.p)),
  };
}

/** A blob this tall (share of the line's median blob height) may be a colon, not a dot. */
export const COLON_HEIGHT = 0.4;
/** A colon's two dots lie apart by at least this share of its height. */
export const COLON_GAP = 0.2;

/**
 * Whether the columns that emitted a dot reach a blob that is a colon: as tall as a colon's
 * two dots (`height` is the line's median blob height) and empty across its middle, which the
 * reader, unsure, reads as one dot ("19:06" read "19.06").
 */
function colonOver(
  segments: readonly SegmentedDigit[],
  height: number,
  line: LineImage,
  c: ReadChar,
): boolean {
  return segments.some(
    ({ crop }) =>
      emittedOver(line, c, crop.rect) &&
      crop.rect.h >= COLON_HEIGHT * height &&
      emptyRowsInside(crop) >= COLON_GAP * crop.rect.h,
  );
}

/** The longest run of rows without ink between a crop's first and last inked rows. */
export function emptyRowsInside({ rect: { w, h }, pixels }: DigitCrop): number {
  let longest = 0;
  let run = 0;
  let inked = false;
  for (let y = 0; y < h; y++) {
    let any = false;
    for (let x = 0; x < w && !any; x++) any = pixels[y * w + x]! > 0;
    if (any) {
      if (inked) longest = Math.max(longest, run);
      inked = true;
      run = 0;
    } else run++;
  }
  return longest;
}

/** A character read as the digit the reader ranked first at its most confident column. */
function asDigit(c: ReadChar): ReadChar {
  let best = 0;
  for (let k = 1; k < 10; k++) if (c.digits[k]! > c.digits[best]!) best = k;
  return { ...c, char: String(best), p: c.digits[best]! };
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
export function emittedOver(line: LineImage, c: ReadChar, r: Rect): boolean {
  const a = columnToWorkingX(line, c.first - 0.5);
  const b = columnToWorkingX(line, c.last + 1.5);
  return a < r.x + r.w && b > r.x;
}

/** Whether the line has ink between working x xa and xb outside every blob's columns. */
export function inkBesideBlobs(
  line: LineImage,
  segments: readonly SegmentedDigit[],
  xa: number,
  xb: number,
): boolean {
  const { rect, pixels } = line.ink;
  const from = Math.max(rect.x, Math.ceil(xa));
  const to = Math.min(rect.x + rect.w, Math.floor(xb));
  for (let x = from; x < to; x++) {
    if (segments.some(({ crop: { rect: r } }) => x >= r.x && x < r.x + r.w)) continue;
    for (let y = 0; y < rect.h; y++) if (pixels[y * rect.w + (x - rect.x)]! > 0) return true;
  }
  return false;
}

export function centreX(t: LineToken): number {
  const r = t.kind === 'digit' ? t.crop.rect : t.rect;
  return r.x + r.w / 2;
}

/** A segment at least this much inside one character's region is that character's ink. */
export const OWN_SHARE = 0.75;

/** The segment lying (almost) wholly in this character's region: its clean crop. */
function ownSegment(
  segments: readonly SegmentedDigit[],
  region: readonly [number, number],
): DigitCrop | null {
  const held = segments.filter(({ crop: { rect: r } }) => {
    const overlap = Math.min(r.x + r.w, region[1]) - Math.max(r.x, region[0]);
    return overlap >= OWN_SHARE * r.w;
  });
  // Two whole segments under one character are one digit cut in two: its ink is both.
  return held.length === 1 ? held[0]!.crop : null;
}
