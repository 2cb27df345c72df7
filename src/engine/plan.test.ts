import { describe, expect, it } from 'vitest';
import { SYMBOLS, type ReadChar } from './lineReader/ctc';
import type { ReadLine } from './lineReader/readLines';
import { segmentationStands } from './plan';

const CLASSES = SYMBOLS.length + 1;

/** A reading of "4 1 6" over 3 columns, the 1 at `p1` with `blank1` left for a blank there. */
function line(p1: number, blank1: number, segmented: number): ReadLine {
  const probs = new Float32Array(3 * CLASSES).fill(1e-5);
  probs[0 * CLASSES + 5] = 0.999; // '4'
  probs[1 * CLASSES + 2] = p1; // '1'
  probs[1 * CLASSES + 0] = blank1;
  probs[2 * CLASSES + 7] = 0.999; // '6'
  const char = (c: string, t: number, p: number): ReadChar => ({
    char: c,
    first: t,
    last: t,
    p,
    digits: new Float32Array(10),
  });
  const chars = [char('4', 0, 0.999), char('1', 1, p1), char('6', 2, 0.999)];
  return {
    tokens: [],
    evidence: () => 1,
    segmented,
    leftOut: 0,
    resplit: segmented !== 3,
    minP: Math.min(...chars.map((c) => c.p)),
    chars,
    image: {} as ReadLine['image'],
    probs,
    classes: CLASSES,
  };
}

describe('segmentationStands', () => {
  it('keeps the reader split when every character is sure', () => {
    expect(segmentationStands(line(0.95, 0.04, 2))).toBe(false);
  });
  it('keeps the reader split when it is unsure of a digit but sure of how many there are', () => {
    // "416" whose 1 touches the 4 (segmentation saw 2 blobs): 0.89, but a blank there is 0.0005.
    expect(segmentationStands(line(0.89, 0.0005, 2))).toBe(false);
  });
  it("lets segmentation's digits stand when the reader's count is doubtful too", () => {
    expect(segmentationStands(line(0.6, 0.35, 2))).toBe(true);
  });
  it('never overrides a line where both agree', () => {
    expect(segmentationStands(line(0.6, 0.35, 3))).toBe(false);
  });
});
