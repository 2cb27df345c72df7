/** Scoring for the accuracy benchmark: exact match, character accuracy, digit counts, boxes. */
import type { Box } from '../../engine/types';

export function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const up = prev[j]!;
      prev[j] = Math.min(up + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = up;
    }
  }
  return prev[b.length]!;
}

/** 1 - edit distance / expected length, floored at 0. Line breaks count as characters. */
export function charAccuracy(predicted: string, expected: string): number {
  if (expected.length === 0) return predicted.length === 0 ? 1 : 0;
  return Math.max(0, 1 - levenshtein(predicted, expected) / expected.length);
}

export function digitCount(text: string): number {
  return text.replace(/\n/g, '').length;
}

export function iou(a: Box, b: Box): number {
  const x = Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x));
  const y = Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y));
  const inter = x * y;
  return inter / (a.width * a.height + b.width * b.height - inter);
}

/** Fraction of ground-truth boxes matched (IoU >= threshold) by a distinct predicted box. */
export function boxRecall(predicted: Box[], truth: Box[], threshold = 0.5): number {
  if (truth.length === 0) return predicted.length === 0 ? 1 : 0;
  const used = new Set<number>();
  let hits = 0;
  for (const t of truth) {
    let best = -1;
    let bestIou = threshold;
    predicted.forEach((p, i) => {
      const v = iou(p, t);
      if (!used.has(i) && v >= bestIou) {
        best = i;
        bestIou = v;
      }
    });
    if (best >= 0) {
      used.add(best);
      hits++;
    }
  }
  return hits / truth.length;
}

export interface CategoryScore {
  n: number;
  exact: number;
  charAccuracy: number;
  countAccuracy: number;
  lineCountAccuracy: number;
  boxRecall: number;
  /** Of the images read exactly, the share with no digit marked doubtful. */
  sureWhenRight: number;
  msPerImage: number;
}

export class ScoreAccumulator {
  private n = 0;
  private exact = 0;
  private chars = 0;
  private counts = 0;
  private lines = 0;
  private boxes = 0;
  private ms = 0;
  private rightAndSure = 0;

  add(sample: {
    predicted: string;
    expected: string;
    predictedBoxes: Box[];
    truthBoxes: Box[];
    ms: number;
    /** Digits the reading marked doubtful. */
    doubtful?: number;
  }): void {
    this.n++;
    if (sample.predicted === sample.expected) {
      this.exact++;
      if (!sample.doubtful) this.rightAndSure++;
    }
    this.chars += charAccuracy(sample.predicted, sample.expected);
    if (digitCount(sample.predicted) === digitCount(sample.expected)) this.counts++;
    if (sample.predicted.split('\n').length === sample.expected.split('\n').length) this.lines++;
    this.boxes += boxRecall(sample.predictedBoxes, sample.truthBoxes);
    this.ms += sample.ms;
  }

  result(): CategoryScore {
    const d = Math.max(1, this.n);
    return {
      n: this.n,
      exact: this.exact / d,
      charAccuracy: this.chars / d,
      countAccuracy: this.counts / d,
      lineCountAccuracy: this.lines / d,
      boxRecall: this.boxes / d,
      sureWhenRight: this.rightAndSure / Math.max(1, this.exact),
      msPerImage: this.ms / d,
    };
  }
}
