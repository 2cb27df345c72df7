/**
 * Runs the line reader over the lines segmentation found: each line's digit crops, plus the
 * small marks (dots, dashes) lying in its band, composited into one line image; all lines in
 * one batch; each reading decoded and assigned to ink (assign.ts).
 */
import type { LineReader } from '../classifier/lineModel';
import type { DigitCrop } from '../segment/crops';
import type { SegmentedDigit } from '../segment/segment';
import { assignLine, type AssignedLine } from './assign';
import { decodeBestPath, digitMass, type ReadChar } from './ctc';
import { compositeCrops, evidenceOver, fitLine, type LineImage } from './lineImage';

export interface ReadLine extends AssignedLine {
  /** What the reader read, separators and '?' for left-out ink included. */
  chars: ReadChar[];
  image: LineImage;
  /** The reader's column probabilities (columns x classes) and its class count. */
  probs: Float32Array;
  classes: number;
}

/** Marks whose centre lies in the line's band and span (a little beyond its ends). */
function marksOf(line: readonly SegmentedDigit[], marks: readonly SegmentedDigit[]): DigitCrop[] {
  const rects = line.map((d) => d.crop.rect);
  const top = Math.min(...rects.map((r) => r.y));
  const bottom = Math.max(...rects.map((r) => r.y + r.h));
  const left = Math.min(...rects.map((r) => r.x));
  const right = Math.max(...rects.map((r) => r.x + r.w));
  const h = bottom - top;
  return marks
    .map((m) => m.crop)
    .filter(({ rect: r }) => {
      const cx = r.x + r.w / 2;
      const cy = r.y + r.h / 2;
      return cy >= top && cy <= bottom && cx >= left - 0.5 * h && cx <= right + 0.5 * h;
    });
}

export async function readLines(
  reader: LineReader,
  lines: readonly (readonly SegmentedDigit[])[],
  marks: readonly SegmentedDigit[],
): Promise<ReadLine[]> {
  const images = lines.map((line) =>
    fitLine(compositeCrops([...line.map((d) => d.crop), ...marksOf(line, marks)])),
  );
  const probs = await reader.read(images);
  return lines.map((line, i) => {
    const chars = decodeBestPath(probs[i]!, reader.classes);
    const image = images[i]!;
    const mass = digitMass(probs[i]!, reader.classes);
    const evidence = (r: { x: number; w: number }): number => evidenceOver(image, mass, r.x, r.w);
    const assigned = assignLine(line, chars, image, evidence);
    return { ...assigned, chars, image, probs: probs[i]!, classes: reader.classes };
  });
}
