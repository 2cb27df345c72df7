import { describe, expect, it } from 'vitest';
import { adapt, buildIndex, DEFAULT_ADAPT, EMPTY_INDEX, l2Normalize } from './adapt';

const probs = (best: number, p = 0.7): Float32Array =>
  Float32Array.from({ length: 10 }, (_, c) => (c === best ? p : (1 - p) / 9));
const unit = (i: number, n = 8): Float32Array =>
  Float32Array.from({ length: n }, (_, j) => (j === i ? 1 : 0));

describe('writer adaptation', () => {
  it('returns the very same probabilities without samples', () => {
    const p = probs(3);
    const out = adapt(p, unit(0), EMPTY_INDEX);
    expect(out.probabilities).toBe(p);
    expect(out.changed).toBe(false);
  });

  it('leaves a digit alone when no sample is similar enough', () => {
    const p = probs(3);
    const index = buildIndex([unit(1)], [5]);
    const out = adapt(p, unit(0), index); // cosine 0 < minSimilarity
    expect(out.probabilities).toBe(p);
  });

  it('reads a digit like the sample it matches, and says the samples changed it', () => {
    const index = buildIndex([unit(0), unit(1)], [5, 2]);
    const out = adapt(probs(3), unit(0), index);
    expect(out.changed).toBe(true);
    const best = out.probabilities.indexOf(Math.max(...out.probabilities));
    expect(best).toBe(5);
    expect(out.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('does not overturn a near-certain reading with a sample that only looks alike', () => {
    // cos = 0.7: bonus 16 * exp(-1.5) = 3.6 in log-probability, less than the gap.
    const f = Float32Array.from([0.7, Math.sqrt(1 - 0.49), 0, 0]);
    const index = buildIndex([Float32Array.from([1, 0, 0, 0])], [5]);
    const out = adapt(probs(3, 0.9999), f, index, DEFAULT_ADAPT);
    expect(out.changed).toBe(false);
    expect(out.probabilities[5]).toBeGreaterThan(probs(3, 0.9999)[5]!);
  });

  it('builds one normalised prototype per class for the prototype method', () => {
    const index = buildIndex([unit(0), unit(1), unit(2)], [4, 4, 7], 'prototype');
    expect(index.labels).toEqual([4, 7]);
    expect(Array.from(index.vectors[0]!.slice(0, 3))).toEqual(
      Array.from(l2Normalize(Float32Array.from([1, 1, 0])).slice(0, 3)),
    );
  });

  it('adds the kernel of every sample of a class with the sum method', () => {
    const f = l2Normalize(Float32Array.from([1, 1, 0, 0]));
    const index = buildIndex([unit(0, 4), unit(1, 4)], [6, 6]);
    const nearest = adapt(probs(3), f, index, { ...DEFAULT_ADAPT, aggregate: 'nearest' });
    const sum = adapt(probs(3), f, index, { ...DEFAULT_ADAPT, aggregate: 'sum' });
    expect(sum.probabilities[6]!).toBeGreaterThan(nearest.probabilities[6]!);
  });
});
