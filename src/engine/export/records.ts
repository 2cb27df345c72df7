/**
 * One exported result per item (a file, the drawing, a capture): plain data the CSV and JSON
 * writers share, so the page's export and the command line write the same fields.
 */
import type { Box, RecognizeResult } from '../types';

export interface ExportDigit {
  line: number;
  /** Position in its line, from 0. */
  index: number;
  label: number;
  /** What the engine read; differs from `label` only when a person corrected the digit. */
  originalLabel: number;
  confidence: number;
  doubtful: boolean;
  corrected: boolean;
  box: Box;
}

export interface ExportRecord {
  /** File name (or path inside a chosen folder), "drawing" or "capture N". */
  name: string;
  status: 'done' | 'error' | 'working' | 'idle';
  /** Digits in reading order, lines joined by "\n". */
  text: string;
  error: string | null;
  digits: ExportDigit[];
}

/** Where a digit was corrected and what the engine had read there. */
export interface CorrectedAt {
  line: number;
  index: number;
  from: number;
}

export interface RecordSource {
  name: string;
  status: ExportRecord['status'];
  result: RecognizeResult | null;
  error?: string | null;
  corrections?: readonly CorrectedAt[];
}

function lastFix(
  list: readonly CorrectedAt[] | undefined,
  line: number,
  index: number,
): CorrectedAt | undefined {
  for (let i = (list?.length ?? 0) - 1; i >= 0; i--) {
    const c = list![i]!;
    if (c.line === line && c.index === index) return c;
  }
  return undefined;
}

/** Builds the record; `result` holds the labels as shown (corrections applied). */
export function toRecord(source: RecordSource): ExportRecord {
  const result = source.status === 'error' ? null : source.result;
  const digits: ExportDigit[] = [];
  result?.lines.forEach((line, li) =>
    line.digits.forEach((d, di) => {
      const fix = lastFix(source.corrections, li, di);
      const originalLabel = fix ? fix.from : d.label;
      digits.push({
        line: li,
        index: di,
        label: d.label,
        originalLabel,
        confidence: d.confidence,
        doubtful: d.doubtful,
        corrected: originalLabel !== d.label,
        box: { x: d.box.x, y: d.box.y, width: d.box.width, height: d.box.height },
      });
    }),
  );
  return {
    name: source.name,
    status: source.status,
    text: result?.text ?? '',
    error: source.status === 'error' ? (source.error ?? 'Could not be read.') : null,
    digits,
  };
}
