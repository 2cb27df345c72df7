import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SEPARATOR_FORMATS,
  expectedText,
  inkSet,
  randomWord,
  validationDigits,
  writeLine,
} from './nonDigitCategories';
import { createRng } from './prng';
import { ALL_CATEGORIES, EMPTY_CATEGORIES, sampleStream } from './sources';
import { CAPITALS, LOWERCASE } from './strokeFont';
import { PAD } from './unipen';
import type { RgbaImage } from '../../engine/types';

const hash = (d: Uint8ClampedArray): string => createHash('sha1').update(d).digest('hex');
const inkPixels = (im: RgbaImage): number => {
  let n = 0;
  for (let i = 0; i < im.data.length; i += 4) if (im.data[i]! < 128) n++;
  return n;
};
const haveUnipen = validationDigits() !== null;

describe('expected text of separator strings (the lead’s rule)', () => {
  it('keeps separators between digits, drops letters and dangling separators', () => {
    expect(expectedText('24/12/2025')).toBe('24/12/2025');
    expect(expectedText('3.4.21')).toBe('3.4.21');
    expect(expectedText('24-12-2025')).toBe('24-12-2025');
    expect(expectedText('12.50')).toBe('12.50');
    expect(expectedText('1,99')).toBe('1,99');
    expect(expectedText('10:45')).toBe('10:45');
    expect(expectedText('7:05')).toBe('7:05');
    expect(expectedText('Total: 42')).toBe('42');
    expect(expectedText('No 7')).toBe('7');
    expect(expectedText('No. 7')).toBe('7');
    expect(expectedText('Tel 555-0123')).toBe('555-0123');
    expect(expectedText('12. 5')).toBe('125');
  });

  it('gives every format fresh digits with a kept separator', () => {
    for (const [name, format] of Object.entries(SEPARATOR_FORMATS)) {
      const a = format(createRng(1));
      const texts = new Set(Array.from({ length: 20 }, (_, i) => format(createRng(i))));
      expect(texts.size, name).toBeGreaterThan(5);
      const text = expectedText(a);
      expect(text, name).toMatch(/^\d+([./\-:,]\d+)*$/);
      if (!['total', 'no'].includes(name)) expect(text, name).toMatch(/[./\-:,]/);
      expect(text, name).toBe(a.replace(/^[A-Za-z]+:? /, ''));
    }
  });
});

describe('nondigit category', () => {
  it('writes words only with the font’s letters', () => {
    for (let i = 0; i < 200; i++) {
      const w = randomWord(createRng(i));
      expect(w.length).toBeGreaterThanOrEqual(1);
      expect(w.length).toBeLessThanOrEqual(6);
      for (const c of w) expect(CAPITALS + LOWERCASE).toContain(c);
    }
    expect(() => writeLine('No 7', createRng(1), null)).toThrow(/UNIPEN/);
  });

  it('renders ink as the pad exports it (the ink with margins), expected empty, deterministic', () => {
    const set = inkSet('nondigit', 7)!;
    const kinds = new Set<string>();
    for (let i = 0; i < 12; i++) {
      const a = set.sample(i);
      const b = inkSet('nondigit', 7)!.sample(i);
      expect(a.text).toBe('');
      expect(b.written).toBe(a.written);
      expect(hash(b.image.data)).toBe(hash(a.image.data));
      // Cut from the pad: at least 200 px on each side (or the whole pad), never beyond it.
      expect(a.image.width).toBeGreaterThanOrEqual(200);
      expect(a.image.height).toBeGreaterThanOrEqual(200);
      expect(a.image.width).toBeLessThanOrEqual(PAD.width);
      expect(a.image.height).toBeLessThanOrEqual(PAD.height);
      expect(inkPixels(a.image), a.written).toBeGreaterThan(300);
      kinds.add(a.written.split(' ')[0]!);
    }
    expect([...kinds].sort()).toEqual(['scribble', 'shape', 'word']);
    expect(hash(inkSet('nondigit', 8)!.sample(0).image.data)).not.toBe(
      hash(set.sample(0).image.data),
    );
  });

  it('is a benchmark category scored as "no confident digit"', () => {
    expect(ALL_CATEGORIES).toContain('nondigit');
    expect(ALL_CATEGORIES).toContain('separators');
    expect(EMPTY_CATEGORIES).toContain('nondigit');
    expect(EMPTY_CATEGORIES).not.toContain('separators');
    const stream = sampleStream('nondigit', 7, 3);
    expect('samples' in stream).toBe(true);
    if ('samples' in stream) {
      const names = [...stream.samples].map((s) => s.name);
      expect(names).toHaveLength(3);
      expect(names[0]).toMatch(/^nondigit#0 \(/);
    }
  });
});

describe('separators category', () => {
  it('is skipped without the UNIPEN digits', () => {
    expect(inkSet('separators', 7, '/nonexistent/unipen')).toBeNull();
    expect(inkSet('nondigit', 7, '/nonexistent/unipen')).not.toBeNull();
  });

  it.skipIf(!haveUnipen)('draws real digits and expects the rule’s text', () => {
    const set = inkSet('separators', 7)!;
    for (let i = 0; i < 10; i++) {
      const a = set.sample(i);
      expect(a.text).toBe(expectedText(a.written));
      expect(a.text).not.toBe('');
      expect(hash(inkSet('separators', 7)!.sample(i).image.data)).toBe(hash(a.image.data));
      expect(inkPixels(a.image)).toBeGreaterThan(500);
    }
    const stream = sampleStream('separators', 7, 4);
    expect('samples' in stream && [...stream.samples].length).toBe(4);
  });
});
