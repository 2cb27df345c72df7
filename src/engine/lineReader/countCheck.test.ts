import { describe, expect, it } from 'vitest';
import {
  bestPathLogP,
  bestPathWithCount,
  countPreference,
  countsAsBlob,
  isBlobChar,
} from './countCheck';
import { SYMBOLS } from './ctc';

const CLASSES = SYMBOLS.length + 1;
const cls = (ch: string): number => SYMBOLS.indexOf(ch) + 1;

/** Columns given as {class: p}; the rest of each column's mass is spread over the others. */
function columns(spec: Record<string, number>[]): Float32Array {
  const out = new Float32Array(spec.length * CLASSES);
  spec.forEach((col, t) => {
    const named = Object.entries(col);
    const rest = 1 - named.reduce((s, [, p]) => s + p, 0);
    for (let c = 0; c < CLASSES; c++) out[t * CLASSES + c] = rest / (CLASSES - named.length);
    for (const [k, p] of named) out[t * CLASSES + (k === '_' ? 0 : cls(k))] = p;
  });
  return out;
}

describe('countCheck', () => {
  it('counts digits and "not a digit", not blanks or separators', () => {
    expect(countsAsBlob(0)).toBe(false);
    expect(countsAsBlob(cls('7'))).toBe(true);
    expect(countsAsBlob(cls('?'))).toBe(true);
    expect(countsAsBlob(cls('/'))).toBe(false);
    expect(isBlobChar('0') && isBlobChar('?')).toBe(true);
    expect(isBlobChar(':')).toBe(false);
  });

  it('finds the best path with a given number of characters', () => {
    // "4 1 6" with the 1 unsure (0.6, blank 0.35 in its column).
    const p = columns([
      { '4': 0.9 },
      { _: 0.95 },
      { '1': 0.6, _: 0.35 },
      { _: 0.95 },
      { '6': 0.9 },
    ]);
    const best = bestPathLogP(p, CLASSES);
    expect(bestPathWithCount(p, CLASSES, 3)).toBeCloseTo(best, 6);
    // Two characters: the unsure column goes blank instead.
    expect(bestPathWithCount(p, CLASSES, 2)).toBeCloseTo(best - Math.log(0.6) + Math.log(0.35), 6);
    // Five columns cannot hold more than five characters.
    expect(bestPathWithCount(p, CLASSES, 6)).toBe(-Infinity);
  });

  it('a repeat of one class in neighbouring columns is one character, a blank between two', () => {
    const p = columns([{ '1': 0.9 }, { '1': 0.9 }, { _: 0.9 }, { '1': 0.9 }]);
    expect(bestPathWithCount(p, CLASSES, 2)).toBeCloseTo(bestPathLogP(p, CLASSES), 6);
    expect(bestPathWithCount(p, CLASSES, 1)).toBeLessThan(bestPathLogP(p, CLASSES) - 1);
  });

  it('prefers the reader count by how much likelier its best path is', () => {
    const unsure = columns([{ '4': 0.9 }, { '1': 0.6, _: 0.35 }, { '6': 0.9 }]);
    expect(countPreference(unsure, CLASSES, 3)).toBeCloseTo(0, 6);
    expect(countPreference(unsure, CLASSES, 2)).toBeCloseTo(Math.log(0.6 / 0.35), 6);
    const sure = columns([{ '4': 0.999 }, { '1': 0.989, _: 0.001 }, { '6': 0.999 }]);
    expect(countPreference(sure, CLASSES, 2)).toBeGreaterThan(5);
    expect(countPreference(sure, CLASSES, 9)).toBe(Infinity);
  });
});
