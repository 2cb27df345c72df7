/**
 * A line the reader re-split but was not sure of: segmentation's digits stand, and the reader
 * still says which ink is a label and where the separators are.
 * - Two or more blobs at the start or end of the line that it surely read as not a digit are a
 *   label ("Total:", "Tel", "No") and are left out. Such ink between digits is kept, marked by the
 *   reader's doubt: a real digit written oddly can read so too, and must not vanish silently.
 * - A label's last letters and punctuation go with it ("Total:", "No."): blobs next to it over
 *   which the reader read no digit, only not-a-digit or separators, however unsure; and blobs
 *   as close to it as letters of one word that it read half not a digit, or whose only digit
 *   it emitted over the label too ("Total:"'s "l" read "1" as well: it had read "1:359").
 * - A separator it surely read over a mark (ink too small for a digit), or over a blob that also
 *   holds a digit (a dash or a comma joined to its neighbour), is kept; a blob stays a digit even
 *   under a sure "/" (a slanted 1 reads so: "3141" read "3/41").
 * - Every other blob is a digit, trusted only as far as the reader's columns over it allow.
 */
import { median } from '../segment/geometry';
import type { SegmentedDigit } from '../segment/segment';
import {
  centreX,
  charRegions,
  emittedOver,
  otherOver,
  SURE_SEPARATOR,
  type DigitEvidence,
  type LineToken,
} from './assign';
import { isDigitChar, OTHER, type ReadChar } from './ctc';
import { WORD_GAP } from './labelWords';
import { sliceInk, type LineImage } from './lineImage';

/** A label left out is at least this many blobs ("No", "Tel", "Total"). */
export const MIN_LABEL = 2;
/**
 * A label's blobs are read not a digit at least this sure: below the 0.9 that leaves out ink
 * elsewhere, since a label takes two such blobs at an end ("Tel": T read so at 0.85).
 */
export const LABEL_FROM = 0.8;
/**
 * Past a label, a blob as close to it as letters of one word (WORD_GAP) goes with the label
 * when the reader read not-a-digit over it at least LABEL_TAIL sure, even beside a digit
 * ("Total:"'s "l" read "1" as well as not a digit).
 */
export const LABEL_TAIL = 0.5;
/** A digit read at least this sure beside a label is a digit of the number. */
export const SURE_DIGIT = 0.9;

export interface FallbackInput {
  chars: readonly ReadChar[];
  image: LineImage;
  evidence: DigitEvidence;
}

export interface FallbackLine {
  tokens: LineToken[];
  /** Label blobs left out. */
  leftOut: number;
}

const isSeparator = (c: ReadChar): boolean => !isDigitChar(c.char) && c.char !== OTHER;

export function fallbackTokens(
  segments: readonly SegmentedDigit[],
  { chars, image, evidence }: FallbackInput,
): FallbackLine {
  const over = (s: SegmentedDigit, test: (c: ReadChar) => boolean): boolean =>
    chars.some((c) => test(c) && emittedOver(image, c, s.crop.rect));
  const sawDigit = chars.some((c) => isDigitChar(c.char));

  const holdsDigit = (s: SegmentedDigit, besides?: ReadChar): boolean =>
    over(s, (c) => c !== besides && isDigitChar(c.char));
  const isLabel = (s: SegmentedDigit): boolean =>
    otherOver(image, chars, s.crop.rect) >= LABEL_FROM && !holdsDigit(s);
  // Past a sure label, ink the reader read as no digit at all is the label's end ("l:" of
  // "Total:", read not-a-digit less surely than the rest of the word).
  const endsLabel = (s: SegmentedDigit): boolean =>
    !holdsDigit(s) && (otherOver(image, chars, s.crop.rect) > 0 || over(s, isSeparator));
  const wordGap = WORD_GAP * median(segments.map((s) => s.crop.rect.h));
  const gap = ({ crop: { rect: a } }: SegmentedDigit, { crop: { rect: b } }: SegmentedDigit) =>
    Math.max(b.x - (a.x + a.w), a.x - (b.x + b.w), 0);
  // The same word as the label blob beside it: close, and read as not a digit, or holding no
  // sure digit but one the reader emitted over that label blob too.
  const tail = (s: SegmentedDigit, label: SegmentedDigit): boolean =>
    gap(s, label) <= wordGap &&
    (otherOver(image, chars, s.crop.rect) >= LABEL_TAIL ||
      !over(
        s,
        (c) => isDigitChar(c.char) && c.p >= SURE_DIGIT && !emittedOver(image, c, label.crop.rect),
      ));
  let from = 0;
  while (from < segments.length && isLabel(segments[from]!)) from++;
  let to = segments.length;
  while (to > from && isLabel(segments[to - 1]!)) to--;
  // A label is a word: one odd blob at an end is more often a digit the reader doubted. A line
  // that is all label is left to the doubt below, judged whole by the texture check.
  if (from < MIN_LABEL) from = 0;
  else
    while (from < to && (endsLabel(segments[from]!) || tail(segments[from]!, segments[from - 1]!)))
      from++;
  if (segments.length - to < MIN_LABEL) to = segments.length;
  else
    while (to > from && (endsLabel(segments[to - 1]!) || tail(segments[to - 1]!, segments[to]!)))
      to--;
  if (from >= to) [from, to] = [0, segments.length];

  const tokens: LineToken[] = [];
  const sureSeparator = (c: ReadChar): boolean => isSeparator(c) && c.p >= SURE_SEPARATOR;
  for (const s of segments.slice(from, to)) {
    const other = otherOver(image, chars, s.crop.rect);
    const notDigit = !sawDigit
      ? Math.max(other, 1 - evidence(s.crop.rect))
      : other > 0
        ? other
        : undefined;
    tokens.push({
      kind: 'digit',
      crop: s.crop,
      read: null,
      ...(notDigit !== undefined ? { notDigit } : {}),
    });
  }
  // Sure separators over ink segmentation took for a mark (a dot, a dash between digits), or
  // joined to a digit's blob (the digit model still reads the blob as that digit).
  const regions = charRegions(image, chars);
  chars.forEach((c, i) => {
    if (!sureSeparator(c)) return;
    const under = segments.filter((s) => emittedOver(image, c, s.crop.rect));
    if (!under.every((s) => holdsDigit(s, c))) return;
    const ink = sliceInk(image.ink, regions[i]![0], regions[i]![1]);
    if (ink) tokens.push({ kind: 'separator', char: c.char, rect: ink.rect });
  });
  tokens.sort((a, b) => centreX(a) - centreX(b));
  return { tokens, leftOut: segments.length - (to - from) };
}
