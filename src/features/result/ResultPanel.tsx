import { useEffect, useRef, useState } from 'react';
import { useAppStore, activeItemId } from '../../store/appStore';
import { correctDigit, isCorrected, noteOtherEdit, undoCorrection } from '../../store/corrections';
import { Button } from '../../ui/Button';
import { ErrorMessage } from '../../ui/ErrorMessage';
import { UndoIcon } from '../../ui/icons';
import { Panel } from '../../ui/Panel';
import { BigText } from './BigText';
import { CopyButton } from './CopyButton';
import { DigitCard } from './DigitCard';
import { ExportBar } from './ExportBar';
import {
  announcement,
  flattenDigits,
  formatMs,
  IDLE_HINTS,
  indexLines,
  nextDoubtful,
  lineReaderNote,
  pairCheckNote,
  resultView,
  toCheckLabel,
  totalMs,
} from './resultView';
import { useCorrectionUndo } from './useCorrectionUndo';
import { useRevealOnPhone } from './useRevealOnPhone';

const isApple = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.userAgent);

/** The digits read from the item on screen in the current mode (the page contract's "result"). */
export function ResultPanel() {
  const mode = useAppStore((s) => s.mode);
  const itemId = useAppStore(activeItemId);
  const item = useAppStore((s) => (itemId ? s.items[itemId] : undefined));
  const highlight = useAppStore((s) => s.highlight);
  const setHighlight = useAppStore((s) => s.setHighlight);
  const panelRef = useRef<HTMLDivElement>(null);
  // The open popover belongs to one item: another item on screen shows none.
  const [openState, setOpen] = useState<{
    item: string | null;
    index: number;
    focus: boolean;
  } | null>(null);
  const open = openState && openState.item === itemId ? openState : null;
  const view = resultView(item);
  const { result } = view;
  const working = view.status === 'working';
  const total = result ? totalMs(result.timings) : null;
  const lines = indexLines(result);
  const digits = flattenDigits(result);
  const digitCount = digits.length;
  const doubtful = digits.filter((d) => d.doubtful).length;
  const pairNote = result ? pairCheckNote(result) : null;
  const lineNote = result ? lineReaderNote(result) : null;
  const corrections = item?.corrections;
  const corrected = new Set<number>();
  for (const line of lines) {
    line.digits.forEach((_, di) => {
      if (isCorrected(corrections, lines.indexOf(line), di)) corrected.add(line.start + di);
    });
  }

  useCorrectionUndo(panelRef, itemId);
  useRevealOnPhone(panelRef);
  // Another item or mode on screen: Ctrl+Z is the pad's again.
  useEffect(() => noteOtherEdit(), [itemId, mode]);

  const cardOf = (index: number): HTMLElement | null | undefined =>
    panelRef.current?.querySelector<HTMLElement>(
      `[data-testid="digit"][data-index="${index}"] > button`,
    );

  const where = (index: number): { line: number; at: number } | null => {
    const li = lines.findIndex((l) => index >= l.start && index < l.start + l.digits.length);
    return li < 0 ? null : { line: li, at: index - lines[li]!.start };
  };
  const fix = (index: number, label: number, close: boolean): void => {
    const w = where(index);
    if (!itemId || !w) return;
    correctDigit(itemId, w.line, w.at, label);
    if (close) {
      setOpen(null);
      cardOf(index)?.focus();
    }
  };
  const close = (index: number): void => {
    setOpen((o) => (o?.index === index ? null : o));
    if (panelRef.current?.contains(document.activeElement)) cardOf(index)?.focus();
  };
  const jumpToDoubtful = (): void => {
    const from = open?.index ?? (highlight !== null && highlight < digitCount ? highlight : -1);
    const next = nextDoubtful(digits, from);
    if (next === null) return;
    cardOf(next)?.focus();
    setOpen({ item: itemId, index: next, focus: false });
  };

  // "n" jumps to the next doubtful digit while the result panel has focus (or nothing has).
  useEffect(() => {
    if (doubtful === 0) return;
    const onKey = (e: KeyboardEvent): void => {
      if (e.key !== 'n' || e.ctrlKey || e.metaKey || e.altKey) return;
      const active = document.activeElement;
      const free = !active || active === document.body;
      if (!free && !panelRef.current?.contains(active)) return;
      if (active instanceof HTMLInputElement) return;
      e.preventDefault();
      jumpToDoubtful();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const undoable = (corrections?.length ?? 0) > 0;

  return (
    <Panel
      title="Result"
      labelledBy="result-title"
      actions={
        result && digitCount > 0 ? (
          <>
            {undoable && (
              <Button
                data-testid="undo-correction"
                variant="ghost"
                onClick={() => itemId && undoCorrection(itemId)}
                title={`Undo the last correction (${isApple ? '⌘Z' : 'Ctrl+Z'})`}
                aria-keyshortcuts="Control+Z Meta+Z"
              >
                <UndoIcon />
                Undo fix
              </Button>
            )}
            <CopyButton text={view.text} doubtful={doubtful} />
          </>
        ) : undefined
      }
    >
      <div ref={panelRef} className="flex scroll-mt-4 flex-col gap-4">
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
            <div
              className={`flex flex-col gap-4 transition-opacity ${working ? 'opacity-60' : ''}`}
            >
              <BigText lines={lines} corrected={corrected} />

              <div className="flex flex-col gap-3">
                {lines.map((line, li) => (
                  <div key={li}>
                    {lines.length > 1 && (
                      <p className="mb-1.5 text-xs font-medium text-slate-500 dark:text-slate-400">
                        Line {li + 1}
                      </p>
                    )}
                    <ol className="flex flex-wrap gap-2.5" aria-label={`Digits of line ${li + 1}`}>
                      {line.digits.map((digit, di) => {
                        const index = line.start + di;
                        return (
                          <DigitCard
                            key={index}
                            digit={digit}
                            index={index}
                            highlighted={highlight === index}
                            corrected={corrected.has(index)}
                            open={open?.index === index}
                            focusFix={open?.index === index && open.focus}
                            onHighlight={setHighlight}
                            onOpen={(i, byKeyboard) =>
                              setOpen({ item: itemId, index: i, focus: byKeyboard })
                            }
                            onClose={close}
                            onFix={fix}
                          />
                        );
                      })}
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
                {doubtful > 0 ? (
                  <div className="flex flex-wrap items-center gap-2">
                    <p className="flex items-center gap-1.5">
                      <span
                        aria-hidden="true"
                        className="grid size-4 place-items-center rounded-full bg-amber-500 text-[10px] font-bold text-white dark:bg-amber-400 dark:text-amber-950"
                      >
                        ?
                      </span>
                      Doubtful: check this digit, the model was unsure.
                    </p>
                    <Button
                      data-testid="next-doubtful"
                      onClick={jumpToDoubtful}
                      title="Jump to the next doubtful digit (N)"
                      aria-keyshortcuts="N"
                      className="min-h-8 px-2.5 py-1 text-xs ring-amber-400 dark:ring-amber-600"
                    >
                      Next doubtful · {toCheckLabel(doubtful)}
                    </Button>
                  </div>
                ) : (
                  <p>Tap a digit to correct it; hover to see its box and crop below.</p>
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
        <ExportBar />
      </div>
    </Panel>
  );
}
