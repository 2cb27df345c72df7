/**
 * CSV per RFC 4180: CRLF line ends, a header row, fields quoted when they hold a comma, a quote
 * or a line break (quotes doubled). One row per item; per-digit values are lists in reading
 * order separated by ";", boxes as "x y width height".
 */
import type { ExportRecord } from './records';

export const CSV_HEADER = [
  'name',
  'status',
  'text',
  'digits',
  'doubtful_count',
  'corrected_count',
  'labels',
  'original_labels',
  'confidences',
  'doubtful',
  'corrected',
  'lines',
  'boxes',
  'error',
] as const;

/** Quotes a field only when RFC 4180 requires it. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvRow(fields: readonly string[]): string {
  return fields.map(csvField).join(',');
}

const flag = (b: boolean): string => (b ? '1' : '0');

export function recordRow(r: ExportRecord): string[] {
  const list = (f: (d: ExportRecord['digits'][number]) => string): string =>
    r.digits.map(f).join(';');
  return [
    r.name,
    r.status,
    r.text,
    String(r.digits.length),
    String(r.digits.filter((d) => d.doubtful).length),
    String(r.digits.filter((d) => d.corrected).length),
    list((d) => String(d.label)),
    list((d) => String(d.originalLabel)),
    list((d) => d.confidence.toFixed(4)),
    list((d) => flag(d.doubtful)),
    list((d) => flag(d.corrected)),
    list((d) => String(d.line)),
    list((d) => [d.box.x, d.box.y, d.box.width, d.box.height].map((v) => Math.round(v)).join(' ')),
    r.error ?? '',
  ];
}

/** The whole file: header, then one row per record, every line ended by CRLF. */
export function toCsv(records: readonly ExportRecord[]): string {
  return [CSV_HEADER, ...records.map(recordRow)].map((row) => `${csvRow(row)}\r\n`).join('');
}
