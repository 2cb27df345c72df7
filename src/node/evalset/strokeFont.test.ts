import { describe, expect, it } from 'vitest';
import { createRng } from './prng';
import { CAPITALS, FONT, LABEL_ONLY, LOWERCASE, SEPARATORS, handGlyph } from './strokeFont';

const ys = (ch: string): number[] => FONT[ch]!.strokes.flat().map((p) => p[1]);

describe('stroke font', () => {
  it('has every promised glyph and none that look like a digit', () => {
    const capitals = [...'ABCDEFGHIJKLMNOPQRSTUVWXYZ'].filter((c) => !'OISZBGQ'.includes(c));
    expect([...CAPITALS]).toEqual(capitals);
    expect([...LOWERCASE]).toEqual([...'acehkmnrtuvwxy']);
    expect([...SEPARATORS].sort()).toEqual([',', '-', '.', '/', ':']);
    for (const ch of [...CAPITALS, ...LOWERCASE, ...SEPARATORS]) {
      const glyph = FONT[ch];
      expect(glyph, ch).toBeDefined();
      expect(glyph!.strokes.length, ch).toBeGreaterThan(0);
      for (const stroke of glyph!.strokes) expect(stroke.length, ch).toBeGreaterThanOrEqual(2);
    }
    for (const ch of 'OISZBGQoilszbgq0123456789') expect(FONT[ch], ch).toBeUndefined();
    // The label-only letters never get into the not-a-digit words.
    for (const ch of Object.keys(LABEL_ONLY)) expect(CAPITALS + LOWERCASE).not.toContain(ch);
  });

  it('keeps capitals digit-tall and lowercase at half height, in a unit box', () => {
    for (const ch of CAPITALS) {
      expect(Math.min(...ys(ch)), ch).toBeLessThan(0.05);
      expect(Math.max(...ys(ch)), ch).toBeGreaterThan(0.95);
    }
    for (const ch of 'acemnruvwx') expect(Math.min(...ys(ch)), ch).toBeGreaterThanOrEqual(0.45);
    for (const ch of 'hk') expect(Math.min(...ys(ch)), ch).toBeLessThan(0.05);
    expect(Math.max(...ys('y'))).toBeGreaterThan(1.2);
    const xs = Object.values(FONT).flatMap((g) => g.strokes.flat().map((p) => p[0]));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThanOrEqual(1);
  });

  it('places separators as they sit next to digits', () => {
    expect(Math.min(...ys('.'))).toBeGreaterThan(0.85); // on the baseline
    expect(Math.max(...ys(','))).toBeGreaterThan(1); // hangs below it
    expect(Math.min(...ys('-'))).toBeGreaterThan(0.4);
    expect(Math.max(...ys('-'))).toBeLessThan(0.7); // mid-height
    expect(Math.max(...ys('/')) - Math.min(...ys('/'))).toBeGreaterThan(0.9); // digit-tall
    expect(FONT[':']!.strokes).toHaveLength(2); // two dots, one high, one on the baseline
    expect(FONT[':']!.strokes.map((s) => s[0]![1] > 0.8)).toEqual([false, true]);
  });

  it('writes a glyph the same way for a seed and differently for another', () => {
    const a = handGlyph('A', createRng(5));
    const b = handGlyph('A', createRng(5));
    const c = handGlyph('A', createRng(6));
    expect(b).toEqual(a);
    expect(c.strokes).not.toEqual(a.strokes);
    expect(Math.min(...a.strokes.flat().map((p) => p[0]))).toBeCloseTo(0, 9);
    expect(a.width).toBeGreaterThan(0.4);
    // Jittered, not a copy of the font: straight lines became many bent points.
    expect(a.strokes.flat().length).toBeGreaterThan(FONT.A!.strokes.flat().length);
    expect(() => handGlyph('O', createRng(1))).toThrow(/no glyph/);
  });
});
