/**
 * Resuming: the files an earlier (interrupted) run already wrote are skipped. A run killed in
 * the middle of a write leaves a partial last record; it is cut off so appending stays valid.
 */
import { existsSync, readFileSync, truncateSync } from 'node:fs';

export type OutputFormat = 'csv' | 'jsonl';

/** Parses RFC 4180 records; `complete` is where the last full record ends (after its CRLF/LF). */
export function csvRecords(text: string): { records: string[][]; complete: number } {
  const records: string[][] = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let complete = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      fields.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      records.push(fields);
      fields = [];
      field = '';
      complete = i + 1;
    } else field += c;
  }
  return { records, complete };
}

export interface Existing {
  /** Files already in the output. */
  done: Set<string>;
  /** The output has a header already (CSV). */
  hasHeader: boolean;
}

/** Reads what an output file already holds, cutting a partial last record off it. */
export function readExisting(path: string, format: OutputFormat): Existing {
  if (!existsSync(path)) return { done: new Set(), hasHeader: false };
  const text = readFileSync(path, 'utf8');
  const done = new Set<string>();
  let complete: number;
  let hasHeader = false;
  if (format === 'csv') {
    const parsed = csvRecords(text);
    complete = parsed.complete;
    parsed.records.forEach((r, i) => {
      if (i === 0 && r[0] === 'file') hasHeader = true;
      else if (r[0]) done.add(r[0]);
    });
  } else {
    complete = text.lastIndexOf('\n') + 1;
    for (const line of text.slice(0, complete).split('\n')) {
      if (!line.trim()) continue;
      try {
        const file = (JSON.parse(line) as { file?: unknown }).file;
        if (typeof file === 'string') done.add(file);
      } catch {
        // A damaged line: that file is read again.
      }
    }
  }
  if (Buffer.byteLength(text.slice(0, complete)) < Buffer.byteLength(text)) {
    truncateSync(path, Buffer.byteLength(text.slice(0, complete)));
  }
  return { done, hasHeader };
}
