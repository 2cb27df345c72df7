import { describe, expect, it } from 'vitest';
import { betweenDigits, lineText } from './lineText';
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

describe('betweenDigits', () => {
  it('keeps separators with a digit on each side and drops leading and trailing marks', () => {
    // "Total: 42." read as ":", 4, 2, ".": the colon precedes digit 0, the dot follows the last.
    const seps = [
      { char: ':', index: 0 },
      { char: '.', index: 1 },
      { char: '.', index: 2 },
    ];
    expect(betweenDigits(seps, 2).map((s) => s.char + s.index)).toEqual(['.1']);
  });

  it('keeps every separator of a date', () => {
    const seps = [
      { char: '/', index: 2 },
      { char: '/', index: 4 },
    ];
    expect(betweenDigits(seps, 8)).toEqual(seps);
  });
});
