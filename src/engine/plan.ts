/**
 * Which ink becomes which digit, before the digit model reads them: segmentation's digits (with
 * the pair check's verdict on a two-digit image), or the line reader's reading of each line.
 */
import type { LineReader } from './classifier/lineModel';
import type { PairClassifier } from './classifier/pairModel';
import { countPreference, isBlobChar } from './lineReader/countCheck';
import type { ReadChar } from './lineReader/ctc';
import { fallbackTokens } from './lineReader/fallback';
import { readLines, type ReadLine } from './lineReader/readLines';
import { betweenDigits } from './lineText';
import { normalizeDigit } from './normalize';
import type { DigitCrop } from './segment/crops';
import type { Rect } from './segment/geometry';
import type { SegmentedDigit, Segmentation } from './segment/segment';
import { discountTexture } from './lineReader/texture';
import type { LineReaderSummary, PairCheck } from './types';

/** Two digits the pair check calls one digit become one (below this P(two)). */
export const PAIR_MERGE_BELOW = 0.2;

/**
 * The reader re-splits a line against segmentation only when its least sure character is at
 * least this sure; below, segmentation's digits stand (measured on dev seed 7, README).
 */
export const RESPLIT_FROM = 0.9;
/**
 * ...or when, unsure of a character, it is still sure of the count: its best path is at least
 * e^5 times as likely as its best path with segmentation's number of blobs (countCheck.ts). Dev
 * seed 7: touching 90.0 -> 92.5%, separators 22.5 -> 25.0%, no category lower (3 lost a
 * multi-line image; 4.5 to 6 measured the same); seed 11: touching 72.5 -> 77.5%.
 */
export const COUNT_SURE_FROM = 5;

/** Whether segmentation's digits stand against the reader's re-split of this line. */
export function segmentationStands(line: ReadLine): boolean {
  if (!line.resplit || line.minP >= RESPLIT_FROM) return false;
  const blobs = line.chars.filter((c) => isBlobChar(c.char)).length;
  if (blobs === line.segmented) return true;
  return countPreference(line.probs, line.classes, line.segmented) < COUNT_SURE_FROM;
}

export interface PlannedDigit {
  crop: DigitCrop;
  /** The 28x28 model input. */
  input: Float32Array;
  /** The line reader's character for it, when the line reader read the line. */
  read?: ReadChar;
  /** The reader's probability that the ink is not a digit (it was not sure enough to drop it). */
  notDigit?: number;
  /** Cut at the reader's columns (assign.ts): the reader's reading outweighs the digit model's. */
  sliced?: boolean;
  /** Its box in the working image when the crop was cut from a rectified or zoomed frame. */
  box?: Rect;
}

export interface PlannedLine {
  digits: PlannedDigit[];
  separators: { char: string; rect: Rect; index: number }[];
}

export interface Plan {
  lines: PlannedLine[];
  pairCheck?: PairCheck;
  lineReader?: LineReaderSummary;
}

const toInput = (crop: DigitCrop): Float32Array =>
  normalizeDigit(crop.pixels, crop.rect.w, crop.rect.h);

export async function planFromSegmentation(
  segmentation: Segmentation,
  pairClassifier: PairClassifier | null,
): Promise<Plan> {
  const plain = (lines: Segmentation['lines']): PlannedLine[] =>
    lines.map((line) => ({
      digits: line.map((d) => ({
        crop: d.crop,
        input: toInput(d.crop),
        ...(d.box ? { box: d.box } : {}),
      })),
      separators: [],
    }));
  const whole = segmentation.pairAsOne;
  if (!whole || !pairClassifier) return { lines: plain(segmentation.lines) };
  const wholeInput = toInput(whole.crop);
  const [twoDigits] = await pairClassifier.probabilityOfTwo([wholeInput]);
  const pairCheck = { twoDigits: twoDigits!, merged: twoDigits! < PAIR_MERGE_BELOW };
  const lines: PlannedLine[] = pairCheck.merged
    ? [{ digits: [{ crop: whole.crop, input: wholeInput }], separators: [] }]
    : plain(segmentation.lines);
  return { lines, pairCheck };
}

/**
 * The pair check first (a two-digit image may be one digit broken in two, which a line of two
 * blobs cannot tell), then the reader over the lines that leaves.
 */
export async function planFromLineReader(
  found: Segmentation,
  reader: LineReader,
  pairClassifier: PairClassifier | null = null,
): Promise<Plan> {
  const paired = await planFromSegmentation(found, pairClassifier);
  const segmentation: Segmentation =
    paired.pairCheck?.merged && found.pairAsOne ? { ...found, lines: [[found.pairAsOne]] } : found;
  const read = await readLines(reader, segmentation.lines, segmentation.marks);
  const summary: LineReaderSummary = {
    segmented: 0,
    read: 0,
    resplitLines: 0,
    leftOut: 0,
    separators: 0,
  };
  const lines: PlannedLine[] = [];
  read.forEach((line, i) => {
    if (segmentationStands(line)) {
      // Segmentation's digits stand; the reader still drops labels and keeps sure separators.
      const kept = fallbackTokens(segmentation.lines[i]!, line);
      line = { ...line, tokens: kept.tokens, resplit: false, leftOut: kept.leftOut };
    }
    const planned: PlannedLine = { digits: [], separators: [] };
    const toBox = frameToWorking(segmentation.lines[i]!);
    for (const token of line.tokens) {
      if (token.kind === 'digit') {
        const box = toBox(token.crop.rect);
        planned.digits.push({
          ...(box ? { box } : {}),
          crop: token.crop,
          input: toInput(token.crop),
          ...(token.read ? { read: token.read } : {}),
          ...(token.notDigit !== undefined ? { notDigit: token.notDigit } : {}),
          ...(token.sliced ? { sliced: true } : {}),
        });
      } else {
        planned.separators.push({
          char: token.char,
          rect: token.rect,
          index: planned.digits.length,
        });
      }
    }
    summary.segmented += line.segmented;
    summary.read += planned.digits.length;
    summary.resplitLines += line.resplit ? 1 : 0;
    summary.leftOut += line.leftOut;
    planned.separators = betweenDigits(planned.separators, planned.digits.length);
    summary.separators += planned.separators.length;
    // A separator alone, with no digit beside it, is not worth a line.
    if (planned.digits.length > 0) lines.push(planned);
  });
  const judged = discountTexture(lines);
  if (judged.texture) summary.texture = true;
  return {
    lines: judged.lines,
    lineReader: summary,
    ...(paired.pairCheck ? { pairCheck: paired.pairCheck } : {}),
  };
}

/**
 * Crop rect -> working-image rect for a line whose crops were cut from another frame (the
 * segments' own boxes tell the scale and offset); null when crops are in working coordinates.
 */
function frameToWorking(line: readonly SegmentedDigit[]): (r: Rect) => Rect | null {
  const ref = line.find((d) => d.box);
  if (!ref?.box) return () => null;
  const c = ref.crop.rect;
  const sx = ref.box.w / Math.max(1, c.w);
  const sy = ref.box.h / Math.max(1, c.h);
  return (r) => ({
    x: ref.box!.x + (r.x - c.x) * sx,
    y: ref.box!.y + (r.y - c.y) * sy,
    w: r.w * sx,
    h: r.h * sy,
  });
}
