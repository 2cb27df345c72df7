import { describe, expect, it } from 'vitest';
import type { SegmentedDigit } from '../segment/segment';
import { assignLine, emptyRowsInside, otherOver } from './assign';
import type { ReadChar } from './ctc';
import { compositeCrops, fitLine, PAD_X } from './lineImage';

/** A digit blob of solid ink at x..x+w (working px), 56 px tall. */
function seg(x: number, w: number): SegmentedDigit {
  const rect = { x, y: 0, w, h: 56 };
  return {
    blob: { ...rect, ink: w * 56, labels: [1] },
    crop: { rect, pixels: new Uint8Array(w * 56).fill(255) },
  };
}

/** A character emitted at fitted columns around working x (scale 0.5: 2 px per column... ). */
function charAt(char: string, column: number): ReadChar {
  return { char, first: column, last: column, p: 0.9, digits: new Float32Array(10).fill(0.01) };
}

/** Working x -> output column for a line that starts at x = 0 with scale 0.5. */
const col = (x: number): number => (x * 0.5 + PAD_X) / 4;

describe('assignLine', () => {
  it('keeps segmentation’s crops when the reader agrees on the count', () => {
    const segs = [seg(0, 30), seg(40, 30)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const out = assignLine(segs, [charAt('1', col(15)), charAt('7', col(55))], line);
    expect(out.resplit).toBe(false);
    expect(out.tokens.map((t) => (t.kind === 'digit' ? t.crop : null))).toEqual(
      segs.map((s) => s.crop),
    );
  });

  it('cuts one blob in two where the reader read two digits', () => {
    const segs = [seg(0, 80)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const out = assignLine(segs, [charAt('1', col(20)), charAt('2', col(60))], line);
    expect(out.resplit).toBe(true);
    const rects = out.tokens.map((t) => (t.kind === 'digit' ? t.crop.rect : null));
    expect(rects).toHaveLength(2);
    expect(rects[0]!.x).toBe(0);
    expect(rects[0]!.x + rects[0]!.w).toBeGreaterThan(30);
    expect(rects[0]!.x + rects[0]!.w).toBeLessThan(50);
    expect(rects[1]!.x + rects[1]!.w).toBe(80);
    // Both were cut from the blob: the digit model sees part of a digit in each.
    expect(out.tokens.map((t) => t.kind === 'digit' && t.sliced === true)).toEqual([true, true]);
  });

  it('leaves out ink read as not a digit and keeps separators', () => {
    const segs = [seg(0, 30), seg(40, 10), seg(60, 30), seg(100, 30)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const out = assignLine(
      segs,
      [charAt('?', col(15)), charAt('/', col(45)), charAt('4', col(75)), charAt('2', col(115))],
      line,
    );
    expect(out.leftOut).toBe(1);
    expect(out.tokens.map((t) => (t.kind === 'digit' ? (t.read?.char ?? '') : t.char))).toEqual([
      '/',
      '4',
      '2',
    ]);
    const digits = out.tokens.filter((t) => t.kind === 'digit');
    // Each of 4 and 2 is alone in its blob: the blob's own crop is kept.
    expect(digits.map((t) => t.crop)).toEqual([segs[2]!.crop, segs[3]!.crop]);
    expect(digits.map((t) => t.kind === 'digit' && t.sliced === true)).toEqual([false, false]);
  });
});

describe('assignLine on ink the reader was silent over', () => {
  it('trusts a silent blob only as far as the reader’s columns showed a digit', () => {
    const segs = [seg(0, 30), seg(40, 30)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    // Evidence 0.8 over the first blob, 0.1 over the second; the reader read one digit in the first.
    const evidence = (r: { x: number }): number => (r.x < 35 ? 0.8 : 0.1);
    const out = assignLine(segs, [charAt('3', col(15))], line, evidence);
    const silent = out.tokens.filter((t) => t.kind === 'digit' && t.read === null);
    expect(silent).toHaveLength(1);
    expect(silent[0]!.kind === 'digit' && silent[0]!.notDigit).toBeCloseTo(0.9);
  });

  it('keeps silent blobs fully trusted when no evidence is given', () => {
    const segs = [seg(0, 30)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const [token] = assignLine(segs, [], line).tokens;
    expect(token!.kind === 'digit' && token!.notDigit).toBe(0);
  });
});

describe('assignLine on a thin digit beside the column that read it', () => {
  it('does not read the thin blob again as a digit of its own', () => {
    // A 4 px "1" at x 30..34 and two wide blobs; the reader read "1" one column off to the left.
    const segs = [seg(0, 26), seg(30, 4), seg(44, 60)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const chars = [
      charAt('4', col(13)),
      charAt('1', col(22)),
      charAt('0', col(60)),
      charAt('5', col(90)),
    ];
    const out = assignLine(segs, chars, line);
    expect(out.tokens.filter((t) => t.kind === 'digit' && t.read === null)).toHaveLength(0);
    expect(out.tokens).toHaveLength(4);
  });
});

describe('otherOver', () => {
  it('is the not-a-digit reading over a blob, 0 where the reader read a digit', () => {
    const segs = [seg(0, 30), seg(60, 30)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const unsure = { ...charAt('?', col(15)), p: 0.6 };
    const chars = [unsure, charAt('4', col(75))];
    expect(otherOver(line, chars, segs[0]!.crop.rect)).toBeCloseTo(0.6);
    expect(otherOver(line, chars, segs[1]!.crop.rect)).toBe(0);
  });
});

describe('assignLine where the reader emits over the right part of each digit', () => {
  it('keeps the last digit of a touching pair whose columns lie past the ink', () => {
    // "31" in one 80 px blob: "3" emitted over x 40..56, "1" just past the blob's end.
    const segs = [seg(0, 80)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const three = { ...charAt('3', col(40)), last: col(56) };
    const out = assignLine(segs, [three, charAt('1', col(84))], line);
    const digits = out.tokens.filter((t) => t.kind === 'digit');
    expect(digits.map((t) => t.read?.char)).toEqual(['3', '1']);
    // The ink divides near the 3's last column, not in the middle of the gap.
    const cut = digits[1]!.crop.rect.x;
    expect(cut).toBeGreaterThan(56);
    expect(cut).toBeLessThan(70);
  });
});

describe('assignLine on a lone blob', () => {
  it('keeps it for the digit model, doubted as much as the reader doubted it', () => {
    const segs = [seg(0, 40)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const out = assignLine(segs, [{ ...charAt('?', col(30)), p: 0.97 }], line);
    expect(out.leftOut).toBe(0);
    expect(out.tokens).toHaveLength(1);
    const [t] = out.tokens;
    expect(t!.kind === 'digit' && t!.crop).toBe(segs[0]!.crop);
    expect(t!.kind === 'digit' && t!.notDigit).toBeCloseTo(0.97);
  });
});

describe('assignLine on a label', () => {
  it('leaves out the letters in the word of ink read as not a digit ("No 59")', () => {
    const segs = [seg(0, 40), seg(44, 30), seg(100, 40), seg(150, 40)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const sure = { ...charAt('?', col(20)), p: 0.99 };
    const chars = [sure, charAt('0', col(59)), charAt('5', col(120)), charAt('9', col(170))];
    const out = assignLine(segs, chars, line);
    expect(out.tokens.map((t) => (t.kind === 'digit' ? t.read?.char : t.char))).toEqual(['5', '9']);
    expect(out.leftOut).toBe(2);
  });
});

describe('assignLine on an unsure "-" or "/"', () => {
  const unsure = (char: string, x: number): ReadChar => ({ ...charAt(char, col(x)), p: 0.7 });
  const shown = (out: ReturnType<typeof assignLine>): string[] =>
    out.tokens.map((t) => (t.kind === 'digit' ? (t.read?.char ?? '') : t.char));

  it('drops it inside a digit’s blob (a 1’s base read "-")', () => {
    const segs = [seg(0, 40), seg(60, 40)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const out = assignLine(
      segs,
      [charAt('1', col(20)), unsure('-', 36), charAt('0', col(80))],
      line,
    );
    expect(shown(out)).toEqual(['1', '0']);
  });

  it('drops an unsure comma inside one blob (the join of a touching "72")', () => {
    const segs = [seg(0, 100)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const out = assignLine(
      segs,
      [charAt('7', col(25)), unsure(',', 50), charAt('2', col(75))],
      line,
    );
    expect(shown(out)).toEqual(['7', '2']);
  });

  it('keeps it over ink of its own between the blobs (a dash)', () => {
    const segs = [seg(0, 40), seg(70, 40)];
    const dash = { rect: { x: 46, y: 26, w: 18, h: 4 }, pixels: new Uint8Array(72).fill(255) };
    const line = fitLine(compositeCrops([...segs.map((s) => s.crop), dash]));
    const out = assignLine(
      segs,
      [charAt('1', col(20)), unsure('-', 55), charAt('0', col(90))],
      line,
    );
    expect(shown(out)).toEqual(['1', '-', '0']);
  });

  it('reads an unsure "/" inside a blob as the digit ranked first there (a slanted 1)', () => {
    const segs = [seg(0, 80), seg(100, 40)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const slash = unsure('/', 40);
    slash.digits = new Float32Array(10).fill(0.01);
    slash.digits[1] = 0.25;
    const out = assignLine(
      segs,
      [charAt('1', col(15)), slash, charAt('3', col(65)), charAt('2', col(120))],
      line,
    );
    expect(shown(out)).toEqual(['1', '1', '3', '2']);
    expect(out.minP).toBeCloseTo(0.7);
  });

  it('keeps an unsure "/" over ink of its own between the blobs (a date)', () => {
    const segs = [seg(0, 40), seg(70, 40)];
    const bar = { rect: { x: 50, y: 0, w: 10, h: 56 }, pixels: new Uint8Array(560).fill(255) };
    const line = fitLine(compositeCrops([...segs.map((s) => s.crop), bar]));
    const out = assignLine(
      segs,
      [charAt('1', col(20)), unsure('/', 55), charAt('0', col(90))],
      line,
    );
    expect(shown(out)).toEqual(['1', '/', '0']);
  });

  it('reads an unsure dot over a tall blob with two dots as a colon', () => {
    const segs = [seg(0, 40), seg(50, 10), seg(70, 40)];
    const colon = segs[1]!.crop.pixels;
    colon.fill(0, 10 * 16, 10 * 40); // rows 16..39 empty: two dots
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const out = assignLine(
      segs,
      [charAt('1', col(20)), unsure('.', 55), charAt('0', col(90))],
      line,
    );
    expect(shown(out)).toEqual(['1', ':', '0']);
  });

  it('keeps an unsure dot over a tall blob with no gap a dot (a 1 beside it)', () => {
    const segs = [seg(0, 40), seg(50, 10), seg(70, 40)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const out = assignLine(
      segs,
      [charAt('1', col(20)), unsure('.', 55), charAt('0', col(90))],
      line,
    );
    expect(shown(out)).toContain('.');
  });

  it('keeps an unsure dot even inside a blob (a colon merged into a digit)', () => {
    const segs = [seg(0, 40), seg(60, 40)];
    const line = fitLine(compositeCrops(segs.map((s) => s.crop)));
    const out = assignLine(
      segs,
      [charAt('1', col(20)), unsure('.', 36), charAt('0', col(80))],
      line,
    );
    expect(shown(out)).toEqual(['1', '.', '0']);
  });
});

describe('emptyRowsInside', () => {
  it('is the widest inked-to-inked gap of empty rows, not the margins', () => {
    const pixels = new Uint8Array(2 * 10);
    for (const y of [1, 2, 7, 8]) pixels[y * 2] = 255;
    expect(emptyRowsInside({ rect: { x: 0, y: 0, w: 2, h: 10 }, pixels })).toBe(4);
  });
});
