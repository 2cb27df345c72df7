import { describe, expect, it } from 'vitest';
import { lineText } from './lineText';
import type { DigitResult } from './types';

const digit = (label: number) => ({ label }) as DigitResult;
const box = { x: 0, y: 0, width: 1, height: 1 };

describe('lineText', () => {
  it('puts each separator before the digit it precedes', () => {
    const digits = [2, 4, 1, 2, 2, 0, 2, 5].map(digit);
    const separators = [
      { char: '/', index: 2, box },
      { char: '/', index: 4, box },
    ];
    expect(lineText({ digits, separators })).toBe('24/12/2025');
  });

  it('is the digits alone without separators', () => {
    expect(lineText({ digits: [1, 7].map(digit) })).toBe('17');
  });
});
