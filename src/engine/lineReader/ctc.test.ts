import { describe, expect, it } from 'vitest';
import { decodeBestPath, digitMass, readText, SYMBOLS } from './ctc';

const CLASSES = SYMBOLS.length + 1;

/** Columns whose most likely class is the given one (p 0.9, the rest spread). */
function columns(best: number[]): Float32Array {
  const out = new Float32Array(best.length * CLASSES).fill(0.1 / (CLASSES - 1));
  best.forEach((k, t) => (out[t * CLASSES + k] = 0.9));
  return out;
}
const cls = (c: string): number => SYMBOLS.indexOf(c) + 1;

describe('decodeBestPath', () => {
  it('collapses repeats and drops blanks, keeping each character’s columns', () => {
    const chars = decodeBestPath(
      columns([0, cls('1'), cls('1'), 0, cls('1'), 0, cls('7')]),
      CLASSES,
    );
    expect(readText(chars)).toBe('117');
    expect(chars.map((c) => [c.first, c.last])).toEqual([
      [1, 2],
      [4, 4],
      [6, 6],
    ]);
  });

  it('reads separators and non-digit ink as their symbols', () => {
    const chars = decodeBestPath(columns([cls('2'), 0, cls('/'), 0, cls('?'), cls('5')]), CLASSES);
    expect(readText(chars)).toBe('2/?5');
  });

  it('keeps the digit probabilities of the most confident column', () => {
    const probs = columns([cls('3'), cls('3')]);
    probs[1 * CLASSES + cls('3')] = 0.95;
    probs[1 * CLASSES + cls('8')] = 0.04;
    const [c] = decodeBestPath(probs, CLASSES);
    expect(c!.p).toBeCloseTo(0.95);
    expect(c!.digits[8]).toBeCloseTo(0.04);
    expect(c!.digits).toHaveLength(10);
  });

  it('reads nothing from blank columns', () => {
    expect(decodeBestPath(columns([0, 0, 0]), CLASSES)).toEqual([]);
  });
});

describe('digitMass', () => {
  it('sums the ten digit classes of each column, blank and symbols left out', () => {
    const mass = digitMass(columns([0, cls('4'), cls('?')]), CLASSES);
    const rest = 0.1 / (CLASSES - 1);
    expect(mass[0]).toBeCloseTo(10 * rest);
    expect(mass[1]).toBeCloseTo(0.9 + 9 * rest);
    expect(mass[2]).toBeCloseTo(10 * rest);
  });
});
