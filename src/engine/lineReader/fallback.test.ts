import { describe, expect, it } from 'vitest';
import type { SegmentedDigit } from '../segment/segment';
import type { ReadChar } from './ctc';
import { fallbackTokens } from './fallback';
import { compositeCrops, fitLine, PAD_X } from './lineImage';

/** A blob of solid ink at x..x+w (working px), 56 px tall. */
function seg(x: number, w: number): SegmentedDigit {
  const rect = { x, y: 0, w, h: 56 };
  return {
    blob: { ...rect, ink: w * 56, labels: [1] },
    crop: { rect, pixels: new Uint8Array(w * 56).fill(255) },
  };
}

function charAt(char: string, column: number, p: number): ReadChar {
  return { char, first: column, last: column, p, digits: new Float32Array(10).fill(0.01) };
}

/** Working x -> output column for a line that starts at x = 0 (56 px ink: scale 0.5). */
const col = (x: number): number => Math.round((x * 0.5 + PAD_X) / 4);

function run(segs: SegmentedDigit[], chars: ReadChar[]) {
  const image = fitLine(compositeCrops(segs.map((s) => s.crop)));
  return fallbackTokens(segs, { chars, image, evidence: () => 1 });
}

const shown = (tokens: ReturnType<typeof run>['tokens']): string[] =>
  tokens.map((t) => (t.kind === 'digit' ? `d${t.crop.rect.x}` : t.char));

describe('fallbackTokens', () => {
  it('leaves out a label before the number and keeps every digit blob', () => {
    const segs = [seg(0, 40), seg(60, 40), seg(140, 40), seg(200, 40)];
    const out = run(segs, [
      charAt('?', col(20), 0.99),
      charAt('?', col(80), 0.97),
      charAt('4', col(160), 0.6),
    ]);
    expect(out.leftOut).toBe(2);
    expect(shown(out.tokens)).toEqual(['d140', 'd200']);
  });

  it('takes blobs read not a digit at 0.8 or more for a label ("Tel": T at 0.85)', () => {
    const segs = [seg(0, 40), seg(60, 40), seg(140, 40), seg(200, 40)];
    const out = run(segs, [
      charAt('?', col(20), 0.85),
      charAt('?', col(80), 0.97),
      charAt('4', col(160), 0.6),
    ]);
    expect(out.leftOut).toBe(2);
    expect(shown(out.tokens)).toEqual(['d140', 'd200']);
  });

  it('keeps one doubted blob at an end: a digit written oddly, not a word', () => {
    const segs = [seg(0, 40), seg(60, 40), seg(120, 40)];
    const out = run(segs, [charAt('?', col(20), 0.99), charAt('4', col(80), 0.6)]);
    expect(out.leftOut).toBe(0);
    expect(shown(out.tokens)).toEqual(['d0', 'd60', 'd120']);
  });

  it('keeps not-a-digit ink between digits, marked by the reader’s doubt', () => {
    const segs = [seg(0, 40), seg(60, 40), seg(120, 40)];
    const out = run(segs, [charAt('3', col(20), 0.6), charAt('?', col(80), 0.99)]);
    expect(out.leftOut).toBe(0);
    const middle = out.tokens[1]!;
    expect(middle.kind === 'digit' && middle.notDigit).toBeCloseTo(0.99);
    expect(shown(out.tokens)).toEqual(['d0', 'd60', 'd120']);
  });

  it('keeps a blob a digit even under a sure separator (a slanted 1 reads "/")', () => {
    const segs = [seg(0, 40), seg(70, 8), seg(110, 40)];
    const out = run(segs, [charAt('3', col(20), 0.6), charAt('/', col(74), 0.95)]);
    expect(shown(out.tokens)).toEqual(['d0', 'd70', 'd110']);
  });

  it('keeps a sure separator read over ink that is no blob (a mark)', () => {
    const segs = [seg(0, 40), seg(120, 40)];
    const image = fitLine(compositeCrops([...segs.map((s) => s.crop), seg(76, 6).crop]));
    const chars = [charAt('1', col(20), 0.6), charAt('.', col(79), 0.95)];
    const out = fallbackTokens(segs, { chars, image, evidence: () => 1 });
    expect(shown(out.tokens)).toEqual(['d0', '.', 'd120']);
  });

  it('keeps a line that is all label, every blob doubted', () => {
    const segs = [seg(0, 40), seg(60, 40)];
    const out = run(segs, [charAt('?', col(20), 0.99), charAt('?', col(80), 0.99)]);
    expect(out.leftOut).toBe(0);
    expect(out.tokens.every((t) => t.kind === 'digit' && t.notDigit! > 0.9)).toBe(true);
  });
  it('leaves out a label’s unsure last letters and its colon ("Total:")', () => {
    const segs = [0, 60, 120, 180, 240, 300, 360, 420].map((x) => seg(x, 40));
    const out = run(segs, [
      charAt('?', col(20), 0.99),
      charAt('?', col(80), 0.99),
      charAt('?', col(140), 0.95),
      charAt('?', col(200), 0.7),
      charAt(':', col(260), 0.5),
      charAt('6', col(320), 0.99),
      charAt('9', col(380), 0.6),
      charAt('4', col(440), 0.99),
    ]);
    expect(out.leftOut).toBe(5);
    expect(shown(out.tokens)).toEqual(['d300', 'd360', 'd420']);
  });

  it('does not stretch a label over a blob the reader read as a digit', () => {
    const segs = [0, 60, 120, 180].map((x) => seg(x, 40));
    const out = run(segs, [
      charAt('?', col(20), 0.99),
      charAt('?', col(80), 0.99),
      charAt('1', col(140), 0.6),
      charAt('5', col(200), 0.99),
    ]);
    expect(out.leftOut).toBe(2);
    expect(shown(out.tokens)).toEqual(['d120', 'd180']);
  });

  it('takes a label’s close last letters with it, read as a digit too ("Total:"’s "l:")', () => {
    // Label blobs 0 and 44; the "l" at 88 is read not a digit and "1"; the colon at 132 holds
    // only that "1"; the number starts after a word gap.
    const segs = [seg(0, 40), seg(44, 40), seg(88, 40), seg(132, 10), seg(200, 40), seg(260, 40)];
    const out = run(segs, [
      charAt('?', col(20), 0.99),
      charAt('?', col(64), 0.99),
      charAt('?', col(96), 0.8),
      charAt('1', col(124), 0.9),
      charAt('7', col(220), 0.99),
      charAt('3', col(280), 0.99),
    ]);
    expect(out.leftOut).toBe(4);
    expect(shown(out.tokens)).toEqual(['d200', 'd260']);
  });

  it('takes a close blob whose own digit is unsure ("Total:"’s "l" read "1" at 0.65)', () => {
    const segs = [seg(0, 40), seg(44, 40), seg(88, 40), seg(160, 40)];
    const out = run(segs, [
      charAt('?', col(20), 0.99),
      charAt('?', col(64), 0.99),
      charAt('1', col(116), 0.65),
      charAt('7', col(180), 0.99),
    ]);
    expect(out.leftOut).toBe(3);
    expect(shown(out.tokens)).toEqual(['d160']);
  });

  it('keeps a blob close to a label that holds a digit of its own', () => {
    const segs = [seg(0, 40), seg(44, 40), seg(88, 40), seg(160, 40)];
    const out = run(segs, [
      charAt('?', col(20), 0.99),
      charAt('?', col(64), 0.99),
      charAt('1', col(116), 0.95),
      charAt('7', col(180), 0.99),
    ]);
    expect(out.leftOut).toBe(2);
    expect(shown(out.tokens)).toEqual(['d88', 'd160']);
  });

  it('keeps a sure separator joined to a digit’s blob, and the blob a digit', () => {
    const segs = [seg(0, 40), seg(60, 60), seg(140, 40)];
    const out = run(segs, [
      charAt('1', col(20), 0.99),
      charAt('4', col(75), 0.7),
      charAt('-', col(110), 0.97),
      charAt('2', col(160), 0.99),
    ]);
    expect(shown(out.tokens)).toEqual(['d0', 'd60', '-', 'd140']);
  });
});
