import { useEffect, useRef, useState } from 'react';
import { toCsv } from '../../engine/export/csv';
import { toJson } from '../../engine/export/json';
import type { ExportRecord } from '../../engine/export/records';
import { useAppStore } from '../../store/appStore';
import { exportRecords } from '../../store/exportItems';
import { Button } from '../../ui/Button';
import { copyText } from './copyText';
import { downloadText, exportFileName } from './download';

/** "name<TAB>digits" per item (lines separated by spaces): pastes into a spreadsheet as two columns. */
export function copyAllText(records: readonly ExportRecord[]): string {
  return records.map((r) => `${r.name}\t${r.error ? '' : r.text.replace(/\n/g, ' ')}`).join('\n');
}

/** Every result on the page (uploads, captures, the drawing) as CSV, JSON or to the clipboard. */
export function ExportBar() {
  const count = useAppStore((s) => {
    let n = 0;
    for (const id of [...s.uploadOrder, ...s.captureOrder, 'drawing']) {
      const i = s.items[id];
      if (i && (i.status !== 'idle' || i.result)) n++;
    }
    return n;
  });
  const [note, setNote] = useState('');
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  if (count === 0) return null;

  const say = (text: string): void => {
    setNote(text);
    window.clearTimeout(timer.current);
    timer.current = window.setTimeout(() => setNote(''), 4000);
  };
  const records = (): ExportRecord[] => exportRecords(useAppStore.getState());
  const pending = (rs: ExportRecord[]): string => {
    const n = rs.filter((r) => r.status === 'working').length;
    return n > 0 ? ` ${n} still being read ${n === 1 ? 'is' : 'are'} included as "working".` : '';
  };
  const save = (kind: 'csv' | 'json'): void => {
    const rs = records();
    if (kind === 'csv') downloadText(exportFileName('csv'), 'text/csv;charset=utf-8', toCsv(rs));
    else downloadText(exportFileName('json'), 'application/json', toJson(rs));
    say(
      `Saved ${rs.length} ${rs.length === 1 ? 'result' : 'results'} as ${kind.toUpperCase()}.${pending(rs)}`,
    );
  };
  const copyAll = async (): Promise<void> => {
    const rs = records();
    const outcome = await copyText(copyAllText(rs));
    say(
      outcome === 'copied'
        ? `Copied ${rs.length} ${rs.length === 1 ? 'result' : 'results'}: a name and its digits per line.`
        : 'This browser blocked the clipboard: use Export CSV instead.',
    );
  };

  return (
    <div className="flex flex-col gap-2 border-t border-slate-200 pt-3 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <p className="mr-auto text-sm font-medium">
          All results <span className="text-slate-500 dark:text-slate-400">({count})</span>
        </p>
        <Button data-testid="export-csv" onClick={() => save('csv')} title="Download a CSV file">
          Export CSV
        </Button>
        <Button data-testid="export-json" onClick={() => save('json')} title="Download a JSON file">
          JSON
        </Button>
        <Button data-testid="copy-all" variant="ghost" onClick={() => void copyAll()}>
          Copy all
        </Button>
      </div>
      <p role="status" className="text-xs text-slate-600 empty:hidden dark:text-slate-400">
        {note}
      </p>
    </div>
  );
}
