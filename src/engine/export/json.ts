/** JSON exports: one document for the page's download, JSON Lines for streaming tools. */
import type { ExportRecord } from './records';

const round4 = (v: number): number => Math.round(v * 1e4) / 1e4;

function plain(r: ExportRecord): ExportRecord {
  return { ...r, digits: r.digits.map((d) => ({ ...d, confidence: round4(d.confidence) })) };
}

export function toJson(records: readonly ExportRecord[], exportedAt = new Date()): string {
  const doc = {
    app: 'Digit Lens',
    exportedAt: exportedAt.toISOString(),
    items: records.map(plain),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One record per line, no trailing comma or array: appendable, resumable. */
export function toJsonLine(record: ExportRecord): string {
  return `${JSON.stringify(plain(record))}\n`;
}
