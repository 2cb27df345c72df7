import { describe, expect, it } from 'vitest';
import {
  columnToWorkingX,
  compositeCrops,
  evidenceOver,
  fitLine,
  INK_HEIGHT,
  LINE_HEIGHT,
  PAD_X,
  sliceInk,
  workingXToColumn,
} from './lineImage';

const block = (x: number, y: number, w: number, h: number, v = 255) => ({
  rect: { x, y, w, h },
  pixels: new Uint8Array(w * h).fill(v),
});

describe('line image', () => {
  it('composites crops by maximum inside their union', () => {
    const ink = compositeCrops([block(10, 5, 4, 6, 100), block(12, 8, 6, 6, 200)]);
    expect(ink.rect).toEqual({ x: 10, y: 5, w: 8, h: 9 });
    expect(ink.pixels[0]).toBe(100); // (10,5): first crop only
    expect(ink.pixels[3 * 8 + 2]).toBe(200); // (12,8): both, the darker wins
    expect(ink.pixels[8 * 8 + 0]).toBe(0); // (10,13): neither
  });

  it('fits the ink box to 28 px tall with 2 px above and below, width a multiple of 4', () => {
    const line = fitLine(compositeCrops([block(0, 0, 30, 56)]));
    expect(line.scale).toBeCloseTo(0.5);
    expect(line.width % 4).toBe(0);
    expect(line.width).toBe(15 + 2 * PAD_X + 1);
    expect(line.pixels).toHaveLength(LINE_HEIGHT * line.width);
    const at = (x: number, y: number) => line.pixels[y * line.width + x]!;
    expect(at(PAD_X, 2)).toBeCloseTo(1);
    expect(at(PAD_X, 2 + INK_HEIGHT - 1)).toBeCloseTo(1);
    expect(at(PAD_X, 1)).toBe(0);
    expect(at(PAD_X - 1, 10)).toBe(0);
  });

  it('maps output columns back to working x', () => {
    const line = fitLine(compositeCrops([block(100, 0, 60, 56)]));
    expect(columnToWorkingX(line, PAD_X / 4)).toBeCloseTo(100);
    expect(columnToWorkingX(line, (PAD_X + 30) / 4)).toBeCloseTo(160);
  });

  it('slices the ink of a column range, tight', () => {
    const ink = compositeCrops([block(0, 0, 5, 10), block(8, 2, 4, 4)]);
    const right = sliceInk(ink, 6, 20)!;
    expect(right.rect).toEqual({ x: 8, y: 2, w: 4, h: 4 });
    expect(sliceInk(ink, 5, 8)).toBeNull();
  });
});

describe('line columns and evidence', () => {
  const line = fitLine(compositeCrops([block(100, 0, 112, 56)])); // scale 0.5

  it('maps working x to output columns and back', () => {
    for (const x of [100, 137, 212]) {
      expect(columnToWorkingX(line, workingXToColumn(line, x))).toBeCloseTo(x);
    }
    expect(workingXToColumn(line, 100)).toBeCloseTo(PAD_X / 4);
  });

  it('takes the highest digit mass over a box, one column of slack each side', () => {
    const mass = new Float32Array(line.width / 4);
    mass[8] = 0.7; // working x 100 + (8 * 4 - 4) / 0.5 = 156
    // A box at x 124..132 spans columns 4..5: 8 is out of reach.
    expect(evidenceOver(line, mass, 124, 8)).toBe(0);
    // A box at x 140..148 spans columns 6..7: column 8 is reached by the slack.
    expect(evidenceOver(line, mass, 140, 8)).toBeCloseTo(0.7);
  });
});
