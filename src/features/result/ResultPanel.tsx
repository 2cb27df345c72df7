import { useAppStore, activeItemId } from '../../store/appStore';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { Panel } from '../../ui/Panel';
import { CopyButton } from './CopyButton';
import { DigitCard } from './DigitCard';
import {
  announcement,
  formatMs,
  IDLE_HINTS,
  indexLines,
  lineReaderNote,
  pairCheckNote,
  resultView,
  totalMs,
} from './resultView';

/** The digits read from the item on screen in the current mode (the page contract's "result"). */
export function ResultPanel() {
  const mode = useAppStore((s) => s.mode);
  const item = useAppStore((s) => {
    const id = activeItemId(s);
    return id ? s.items[id] : undefined;
  });
  const highlight = useAppStore((s) => s.highlight);
  const setHighlight = useAppStore((s) => s.setHighlight);
  const view = resultView(item);
  const { result } = view;
  const working = view.status === 'working';
  const total = result ? totalMs(result.timings) : null;
  const lines = indexLines(result);
  const digitCount = lines.reduce((n, line) => n + line.digits.length, 0);
  const anyDoubtful = lines.some((l) => l.digits.some((d) => d.doubtful));
  const pairNote = result ? pairCheckNote(result) : null;
  const lineNote = result ? lineReaderNote(result) : null;

  return (
    <Panel
      title="Result"
      labelledBy="result-title"
      actions={result && digitCount > 0 ? <CopyButton text={view.text} /> : undefined}
    >
      <div
        data-testid="result"
        data-status={view.status}
        data-text={view.text}
        aria-busy={working}
        className="flex flex-col gap-4"
      >
        {/* Polite: announced after the user finishes, never interrupting them. */}
        <p className="sr-only" aria-live="polite" aria-atomic="true">
          {view.status === 'done' && result ? announcement(result) : ''}
          {view.status === 'error' && view.error ? view.error : ''}
        </p>

        {view.status === 'idle' && (
          <p className="text-sm text-slate-600 dark:text-slate-400">{IDLE_HINTS[mode]}</p>
        )}

        {working && !result && (
          <p className="flex items-center gap-2 text-sm text-slate-600 dark:text-slate-400">
            <span
              aria-hidden="true"
              className="size-3 animate-spin rounded-full border-2 border-indigo-500 border-t-transparent"
            />
            Reading…
          </p>
        )}

        {view.status === 'error' && view.error && <ErrorMessage>{view.error}</ErrorMessage>}

        {result && digitCount === 0 && (
          <div
            className={`rounded-xl bg-slate-50 p-4 text-sm dark:bg-slate-800/60 ${working ? 'opacity-60' : ''}`}
          >
            <p className="font-semibold">No digits found</p>
            <p className="mt-1 text-slate-600 dark:text-slate-400">
              Try darker or thicker ink, a plainer background with fewer specks, or tune the
              threshold and minimum box size under “Pipeline stages”.
            </p>
          </div>
        )}

        {result && digitCount > 0 && (
          <div className={`flex flex-col gap-4 transition-opacity ${working ? 'opacity-60' : ''}`}>
            <output
              aria-label="Recognized digits"
              className="block rounded-xl bg-slate-50 px-4 py-3 font-mono text-4xl leading-tight font-bold tracking-[0.15em] break-all whitespace-pre-wrap text-slate-900 select-all sm:text-5xl dark:bg-slate-800/60 dark:text-white"
            >
              {view.text}
            </output>

            <div className="flex flex-col gap-3">
              {lines.map((line, li) => (
                <div key={li}>
                  {lines.length > 1 && (
                    <p className="mb-1.5 text-xs font-medium text-slate-500 dark:text-slate-400">
                      Line {li + 1}
                    </p>
                  )}
                  <ol className="flex flex-wrap gap-2.5" aria-label={`Digits of line ${li + 1}`}>
                    {line.digits.map((digit, di) => (
                      <DigitCard
                        key={line.start + di}
                        digit={digit}
                        index={line.start + di}
                        highlighted={highlight === line.start + di}
                        onHighlight={setHighlight}
                      />
                    ))}
                  </ol>
                </div>
              ))}
            </div>

            {pairNote && (
              <p data-testid="pair-check" className="text-xs text-slate-600 dark:text-slate-400">
                {pairNote}
              </p>
            )}
            {lineNote && (
              <p data-testid="line-reader" className="text-xs text-slate-600 dark:text-slate-400">
                {lineNote}
              </p>
            )}

            <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-500 dark:text-slate-400">
              {anyDoubtful ? (
                <p className="flex items-center gap-1.5">
                  <span
                    aria-hidden="true"
                    className="grid size-4 place-items-center rounded-full bg-amber-500 text-[10px] font-bold text-white dark:bg-amber-400 dark:text-amber-950"
                  >
                    ?
                  </span>
                  Doubtful: check this digit, the model was unsure.
                </p>
              ) : (
                <p>Hover or tap a digit to see its box and crop below.</p>
              )}
              {total !== null && (
                <p className="tabular-nums" title="Time to read this image, in the engine">
                  {working ? 'Reading…' : `Read in ${formatMs(total)}`}
                </p>
              )}
            </div>
          </div>
        )}
      </div>
    </Panel>
  );
}
