import { describe, expect, it } from 'vitest';
import { topGuesses, type Prediction } from '../classifier/model';
import { combineDigit, SLICED_CNN_WEIGHT } from './combine';
import type { ReadChar } from './ctc';

function prediction(probs: number[]): Prediction {
  const probabilities = Float32Array.from(probs);
  const top = topGuesses(probabilities);
  return { label: top[0]!.label, confidence: top[0]!.p, top, probabilities };
}
const spread = (label: number, p: number): number[] =>
  Array.from({ length: 10 }, (_, k) => (k === label ? p : (1 - p) / 9));
const read = (char: string, digits: number[]): ReadChar => ({
  char,
  first: 0,
  last: 0,
  p: Math.max(...digits),
  digits: Float32Array.from(digits),
});

describe('combineDigit', () => {
  it('keeps the digit model’s calibrated confidence where both agree', () => {
    const out = combineDigit(prediction(spread(7, 0.8)), read('7', spread(7, 0.99)));
    expect(out).toMatchObject({ label: 7, disputed: false });
    expect(out.confidence).toBeCloseTo(0.8);
  });

  it('lets the product decide where they disagree, with a lower confidence', () => {
    const cnn = prediction([0, 0.55, 0, 0, 0, 0, 0, 0.45, 0, 0]);
    const line = read('7', [0, 0.1, 0, 0, 0, 0, 0, 0.9, 0, 0]);
    const out = combineDigit(cnn, line);
    expect(out.label).toBe(7);
    expect(out.disputed).toBe(true);
    expect(out.confidence).toBeGreaterThan(0.5);
    expect(out.confidence).toBeLessThan(0.95);
    expect(out.top[1]!.label).toBe(1);
  });

  it('lets the reader outvote a confident digit model on a crop cut from touching ink', () => {
    const cnn = prediction(spread(7, 0.99));
    const line = read('0', [0.97, 0, 0, 0, 0, 0, 0, 0.01, 0, 0]);
    expect(combineDigit(cnn, line).label).toBe(7);
    const out = combineDigit(cnn, line, SLICED_CNN_WEIGHT);
    expect(out.label).toBe(0);
    expect(out.disputed).toBe(true);
  });
});
