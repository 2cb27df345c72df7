import { describe, expect, it } from 'vitest';
import type { PlannedDigit, PlannedLine } from '../plan';
import { discountTexture, TEXTURE_MIN_DIGITS, textureShare } from './texture';

const digit = (notDigit?: number): PlannedDigit => ({
  crop: { rect: { x: 0, y: 0, w: 10, h: 10 }, pixels: new Uint8Array(100) },
  input: new Float32Array(784),
  ...(notDigit !== undefined ? { notDigit } : {}),
});

/** One line of `n` digits, the first `silent` of them read by the reader as no digit. */
const lineOf = (n: number, silent: number): PlannedLine => ({
  digits: Array.from({ length: n }, (_, i) => digit(i < silent ? 0.95 : undefined)),
  separators: [],
});

describe('texture', () => {
  it('leaves writing alone: few silent blobs, or too few blobs to judge the image', () => {
    const writing = [lineOf(20, 2)];
    expect(discountTexture(writing)).toEqual({ lines: writing, texture: false });
    const fewMarks = [lineOf(TEXTURE_MIN_DIGITS - 1, TEXTURE_MIN_DIGITS - 1)];
    expect(textureShare(fewMarks)).toBe(0);
    expect(discountTexture(fewMarks).texture).toBe(false);
  });

  it('takes the trust of every digit of a mostly silent image down to its share of writing', () => {
    const lines = [lineOf(10, 6), lineOf(10, 2)];
    expect(textureShare(lines)).toBeCloseTo(0.4);
    const out = discountTexture(lines);
    expect(out.texture).toBe(true);
    const not = out.lines.flatMap((l) => l.digits.map((d) => d.notDigit));
    expect(not.filter((p) => p === 0.95)).toHaveLength(8);
    expect(not.filter((p) => p !== undefined && Math.abs(p - 0.4) < 1e-9)).toHaveLength(12);
  });
});
