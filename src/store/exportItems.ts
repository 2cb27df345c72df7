/** Every item with something to report, as export records: uploads, captures, the drawing. */
import { toRecord, type ExportRecord } from '../engine/export/records';
import type { AppState } from './appStore';
import { DRAWING_ID, type InputItem } from './inputSlice';

/** The name a record carries: the file's (its path inside a chosen folder), "drawing", "capture N". */
export function exportName(item: InputItem): string {
  if (item.source === 'draw') return 'drawing';
  if (item.source === 'camera') return item.name.toLowerCase();
  return item.path ?? item.name;
}

function record(item: InputItem): ExportRecord {
  return toRecord({
    name: exportName(item),
    status: item.status,
    result: item.result,
    error: item.error,
    corrections: item.corrections,
  });
}

export function exportRecords(s: Pick<AppState, 'items' | 'uploadOrder' | 'captureOrder'>) {
  const ids = [...s.uploadOrder, ...s.captureOrder, DRAWING_ID];
  return ids
    .map((id) => s.items[id])
    .filter((i): i is InputItem => i !== undefined && (i.status !== 'idle' || i.result !== null))
    .map(record);
}
