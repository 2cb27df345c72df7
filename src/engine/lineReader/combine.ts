/**
 * One digit, two opinions: the digit model on its crop (calibrated on MNIST, ECE 0.25%) and the
 * line reader at the columns that emitted it. Where they agree the digit model's confidence is
 * kept; where they disagree the product of the two distributions decides, and its normalised
 * value is the confidence (two disagreeing readers rarely leave a confident digit).
 */
import { topGuesses, type Prediction } from '../classifier/model';
import type { Guess } from '../types';
import type { ReadChar } from './ctc';

export interface CombinedDigit {
  label: number;
  confidence: number;
  top: Guess[];
  /** True when the two disagreed and the product chose. */
  disputed: boolean;
}

/**
 * The digit model's weight (its probabilities' exponent) on a crop cut at the reader's columns:
 * a cut through touching ink shows it part of a digit, which it reads confidently wrong (the
 * pad's "140" read "147"; pad e2e 25 -> 26 of 32, no bench:accuracy category moved, README).
 */
export const SLICED_CNN_WEIGHT = 0.3;

/** `cnnWeight` < 1 tempers the digit model's vote where its crop is unreliable. */
export function combineDigit(cnn: Prediction, read: ReadChar, cnnWeight = 1): CombinedDigit {
  const lineLabel = Number(read.char);
  if (cnn.label === lineLabel) {
    return { label: cnn.label, confidence: cnn.confidence, top: cnn.top, disputed: false };
  }
  let sum = 0;
  for (const p of read.digits) sum += p;
  const q = new Float32Array(10);
  let total = 0;
  for (let k = 0; k < 10; k++) {
    q[k] = cnn.probabilities[k]! ** cnnWeight * (sum > 0 ? read.digits[k]! / sum : 0.1);
    total += q[k]!;
  }
  if (!(total > 0))
    return { label: cnn.label, confidence: cnn.confidence, top: cnn.top, disputed: true };
  for (let k = 0; k < 10; k++) q[k] = q[k]! / total;
  const top = topGuesses(q);
  return { label: top[0]!.label, confidence: top[0]!.p, top, disputed: true };
}
