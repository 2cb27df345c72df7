/**
 * How strongly the reader prefers its own number of characters over another count: the log of
 * its best path's probability over the best path that emits exactly `count` characters of the
 * counted kind (Viterbi over CTC paths, the count as extra state). A reader unsure of one
 * character but with nothing better at that many characters is still sure of the count.
 */
import { BLANK, isDigitChar, OTHER, SYMBOLS } from './ctc';

/** Characters that stand for a blob of ink: digits and "not a digit" (not separators). */
export function isBlobChar(ch: string): boolean {
  return isDigitChar(ch) || ch === OTHER;
}

/** Classes whose emissions are counted (isBlobChar); the blank is not. */
export function countsAsBlob(cls: number): boolean {
  const ch = SYMBOLS[cls - 1];
  return ch !== undefined && isBlobChar(ch);
}

const LOG_FLOOR = -30;
const logOf = (p: number): number => (p > 0 ? Math.max(LOG_FLOOR, Math.log(p)) : LOG_FLOOR);

/**
 * Best log-probability of a path (columns x classes, row-major) with exactly `count` counted
 * emissions; -Infinity when no path has that many (too few columns).
 */
export function bestPathWithCount(
  probs: Float32Array,
  classes: number,
  count: number,
  counted: (cls: number) => boolean = countsAsBlob,
): number {
  const columns = probs.length / classes;
  const K = count + 1;
  const isCounted = Array.from({ length: classes }, (_, c) => c !== BLANK && counted(c));
  // score[k * classes + last]: best log-prob so far with k counted emissions, last class `last`.
  let score = new Float64Array(K * classes).fill(-Infinity);
  let next = new Float64Array(K * classes);
  score[0 * classes + BLANK] = 0;
  for (let t = 0; t < columns; t++) {
    next.fill(-Infinity);
    const row = t * classes;
    for (let k = 0; k < K; k++) {
      for (let last = 0; last < classes; last++) {
        const s = score[k * classes + last]!;
        if (s === -Infinity) continue;
        for (let c = 0; c < classes; c++) {
          const step = c !== last && isCounted[c] ? 1 : 0;
          if (k + step >= K) continue;
          const at = (k + step) * classes + c;
          const v = s + logOf(probs[row + c]!);
          if (v > next[at]!) next[at] = v;
        }
      }
    }
    [score, next] = [next, score];
  }
  let best = -Infinity;
  for (let last = 0; last < classes; last++) best = Math.max(best, score[count * classes + last]!);
  return best;
}

/** Log-probability of the unconstrained best path (each column's most likely class). */
export function bestPathLogP(probs: Float32Array, classes: number): number {
  let sum = 0;
  for (let t = 0; t < probs.length / classes; t++) {
    let best = 0;
    for (let c = 0; c < classes; c++) best = Math.max(best, probs[t * classes + c]!);
    sum += logOf(best);
  }
  return sum;
}

/** log P(best path) - log P(best path with `count` blobs): 0 when the count is the reader's. */
export function countPreference(probs: Float32Array, classes: number, count: number): number {
  const constrained = bestPathWithCount(probs, classes, count);
  if (constrained === -Infinity) return Infinity;
  return bestPathLogP(probs, classes) - constrained;
}
