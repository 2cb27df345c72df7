/**
 * The public result of a reading: the plan's lines with each digit's prediction, combined with
 * the line reader's where it read the digit too, boxes mapped back to the original image.
 */
import type { Prediction } from './classifier/model';
import { combineDigit, SLICED_CNN_WEIGHT } from './lineReader/combine';
import type { DrawnBox } from './pipeline/boxes';
import type { Plan, PlannedDigit } from './plan';
import type { Rect } from './segment/geometry';
import type { Box, DigitResult, LineResult } from './types';

/** The classifier's reading of one digit; `personal` when the user's own samples changed it. */
type Read = Prediction & { personal?: boolean };

/** One digit's result: the classifier's reading, combined with the line reader's. */
export function digitResult(
  d: PlannedDigit,
  p: Read,
  box: Box,
  doubtfulBelow: number,
): DigitResult {
  // A reading the user's own samples changed is theirs: the line reader does not overrule it.
  const combined =
    d.read && !p.personal ? combineDigit(p, d.read, d.sliced ? SLICED_CNN_WEIGHT : 1) : p;
  // Ink the reader half took for a letter or a scribble keeps only the rest of its trust.
  const read =
    d.notDigit === undefined
      ? combined
      : { ...combined, confidence: combined.confidence * (1 - d.notDigit) };
  return {
    label: read.label,
    confidence: read.confidence,
    top: read.top,
    box,
    crop28: d.input,
    doubtful: read.confidence < doubtfulBelow,
    ...(p.personal ? { personal: true as const } : {}),
  };
}

/**
 * The plan's lines with each digit's prediction, boxes in original image coordinates, and the
 * boxes to draw on the boxes stage (working coordinates, numbered in reading order).
 */
export function lineResults(
  plan: Plan,
  predictions: readonly Read[],
  doubtfulBelow: number,
  toBox: (rect: Rect) => Box,
): { lines: LineResult[]; drawn: DrawnBox[] } {
  let k = 0;
  const drawn: DrawnBox[] = [];
  const lines = plan.lines.map((line): LineResult => ({
    digits: line.digits.map((d): DigitResult => {
      const i = k++;
      const rect = d.box ?? d.crop.rect; // the crop may come from a rectified or zoomed frame
      const digit = digitResult(d, predictions[i]!, toBox(rect), doubtfulBelow);
      drawn.push({ rect, index: i + 1, label: digit.label, doubtful: digit.doubtful });
      return digit;
    }),
    ...(line.separators.length
      ? {
          separators: line.separators.map((s) => ({
            char: s.char,
            index: s.index,
            box: toBox(s.rect),
          })),
        }
      : {}),
  }));
  return { lines, drawn };
}
