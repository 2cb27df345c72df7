/** Engine results for UI tests: plain data shaped as the worker returns it. */
import type { DigitResult, RecognizeResult } from '../engine/types';

/** One digit; the runners-up share what the winner leaves (the next two labels). */
export function digitResult(label: number, confidence: number, doubtful = false): DigitResult {
  return {
    label,
    confidence,
    top: [
      { label, p: confidence },
      { label: (label + 1) % 10, p: (1 - confidence) * 0.7 },
      { label: (label + 2) % 10, p: (1 - confidence) * 0.2 },
    ],
    box: { x: 0, y: 0, width: 10, height: 10 },
    crop28: new Float32Array(784),
    doubtful,
  };
}

/** A result whose text is the digits' labels, lines joined by "\n". */
export function recognizeResult(lines: DigitResult[][]): RecognizeResult {
  return {
    text: lines.map((l) => l.map((d) => d.label).join('')).join('\n'),
    lines: lines.map((digits) => ({ digits })),
    timings: { gray: 2, total: 41.6 },
    width: 100,
    height: 50,
  };
}
