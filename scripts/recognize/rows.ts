/**
 * One output row per file, as CSV (RFC 4180, header row) or JSON Lines. Columns follow the
 * app's export: file, text, then per digit (reading order) label, confidence, doubtful,
 * corrected (always false here: nobody corrected these) and box. In CSV the per-digit values
 * are ";"-separated lists in their own columns, a box as "x y width height".
 */
import type { RecognizeResult } from '../../src/engine/types';

export interface DigitRow {
  label: number;
  confidence: number;
  doubtful: boolean;
  corrected: boolean;
  box: { x: number; y: number; width: number; height: number };
  /** 0-based text line the digit is on. */
  line: number;
}

export interface FileRow {
  /** Path relative to the folder given. */
  file: string;
  text: string;
  digits: DigitRow[];
  /** A sentence when the file could not be read; text is then "". */
  error?: string;
}

export function toRow(file: string, result: RecognizeResult): FileRow {
  return {
    file,
    text: result.text,
    digits: result.lines.flatMap((l, line) =>
      l.digits.map((d) => ({
        label: d.label,
        confidence: Number(d.confidence.toFixed(4)),
        doubtful: d.doubtful,
        corrected: false,
        box: d.box,
        line,
      })),
    ),
  };
}

export const CSV_HEADER = [
  'file',
  'text',
  'labels',
  'confidences',
  'doubtful',
  'corrected',
  'boxes',
  'error',
];

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double the quotes inside. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(fields: readonly string[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function toCsv(row: FileRow): string {
  const list = <T>(f: (d: DigitRow) => T): string => row.digits.map(f).join(';');
  return csvLine([
    row.file,
    row.text,
    list((d) => d.label),
    list((d) => d.confidence),
    list((d) => d.doubtful),
    list((d) => d.corrected),
    list((d) => `${d.box.x} ${d.box.y} ${d.box.width} ${d.box.height}`),
    row.error ?? '',
  ]);
}

export function toJsonLine(row: FileRow): string {
  return `${JSON.stringify(row)}\n`;
}
