/**
 * Best-path CTC decoding of the line reader's column probabilities: per column the most likely
 * class, repeats collapsed, blanks dropped. Each character keeps the columns that emitted it and
 * its probabilities at its most confident column, so it can report a box, a confidence and
 * alternatives like a digit read by the digit model.
 */

/** Class k + 1 is SYMBOLS[k]; class 0 is the CTC blank. training/linereader/alphabet.py. */
export const SYMBOLS = '0123456789./-:,?';
export const BLANK = 0;
export const OTHER = '?';

export interface ReadChar {
  char: string;
  /** First and last output column that emitted it. */
  first: number;
  last: number;
  /** Its probability at its most confident column. */
  p: number;
  /** Probabilities of the ten digits at that column (not renormalised). */
  digits: Float32Array;
}

export function isDigitChar(c: string): boolean {
  return c >= '0' && c <= '9';
}

/** probs: columns x classes, row-major. */
export function decodeBestPath(probs: Float32Array, classes: number): ReadChar[] {
  const columns = probs.length / classes;
  const out: ReadChar[] = [];
  let prev = BLANK;
  for (let t = 0; t < columns; t++) {
    let best = 0;
    let bestP = -1;
    for (let c = 0; c < classes; c++) {
      const p = probs[t * classes + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    if (best !== BLANK) {
      const atColumn = (): Float32Array => probs.slice(t * classes + 1, t * classes + 11);
      if (best !== prev) {
        out.push({ char: SYMBOLS[best - 1]!, first: t, last: t, p: bestP, digits: atColumn() });
      } else {
        const cur = out[out.length - 1]!;
        cur.last = t;
        if (bestP > cur.p) {
          cur.p = bestP;
          cur.digits = atColumn();
        }
      }
    }
    prev = best;
  }
  return out;
}

/**
 * Per output column, the reader's total probability of the ten digits: how much it believed a
 * digit was there, whether or not a digit won the column.
 */
export function digitMass(probs: Float32Array, classes: number): Float32Array {
  const columns = probs.length / classes;
  const out = new Float32Array(columns);
  for (let t = 0; t < columns; t++) {
    let sum = 0;
    for (let k = 1; k <= 10; k++) sum += probs[t * classes + k]!;
    out[t] = sum;
  }
  return out;
}

/** Text of a decoded line. */
export function readText(chars: readonly ReadChar[]): string {
  return chars.map((c) => c.char).join('');
}
