import type { FocusEvent, MouseEvent } from 'react';
import type { DigitResult } from '../../engine/types';
import { formatConfidence } from '../../ui/formatConfidence';
import { DigitFix } from './DigitFix';
import { alternatives } from './resultView';

/**
 * One recognized digit: the label, its confidence and the runner-ups. Hover, focus or tap
 * highlights its box and crop in the pipeline view; activating it (click, tap, Enter) opens
 * the correction popover. The list item carries the page contract's attributes, so the
 * popover's buttons are inside the `digit` element.
 */
export function DigitCard({
  digit,
  index,
  highlighted,
  corrected,
  open,
  focusFix,
  onHighlight,
  onOpen,
  onClose,
  onFix,
}: {
  digit: DigitResult;
  index: number;
  highlighted: boolean;
  corrected: boolean;
  open: boolean;
  /** Move focus into the popover when it opens (keyboard activation). */
  focusFix: boolean;
  onHighlight: (index: number | null) => void;
  onOpen: (index: number, byKeyboard: boolean) => void;
  onClose: (index: number) => void;
  onFix: (index: number, label: number, close: boolean) => void;
}) {
  const confidence = formatConfidence(digit.confidence);
  const others = alternatives(digit);
  const described = others.map((g) => `${g.label} (${formatConfidence(g.p)})`).join(', ');
  const label =
    `Digit ${index + 1}: ${digit.label}` +
    (corrected ? ', corrected by you' : `, ${confidence} sure`) +
    (digit.doubtful ? ', doubtful: check this digit' : '') +
    (digit.personal ? ', read with your handwriting samples' : '') +
    (described ? `. Other guesses: ${described}` : '') +
    '. Press to correct it.';
  const choices = alternatives(digit, 3).map((g) => ({ label: g.label, p: g.p }));

  const onClick = (e: MouseEvent): void => {
    onHighlight(index);
    if (open) onClose(index);
    // detail 0: Enter or Space, not a pointer; focus goes into the popover then.
    else onOpen(index, e.detail === 0);
  };
  // Focus anywhere in the card or its popover keeps it highlighted; leaving closes it.
  const onBlur = (e: FocusEvent<HTMLLIElement>): void => {
    if (e.currentTarget.contains(e.relatedTarget)) return;
    onHighlight(null);
    if (open) onClose(index);
  };

  return (
    <li
      data-testid="digit"
      data-label={digit.label}
      data-confidence={digit.confidence.toFixed(4)}
      data-doubtful={digit.doubtful ? 'true' : undefined}
      data-corrected={corrected ? 'true' : undefined}
      data-personal={digit.personal ? 'true' : undefined}
      data-index={index}
      aria-pressed={highlighted}
      // Focus given to the item itself (a script, a test) goes on to its button.
      tabIndex={-1}
      onFocus={(e) => {
        if (e.target === e.currentTarget) e.currentTarget.querySelector('button')?.focus();
        onHighlight(index);
      }}
      onBlur={onBlur}
      className="relative"
    >
      <button
        type="button"
        aria-label={label}
        aria-pressed={highlighted}
        aria-expanded={open}
        aria-haspopup="dialog"
        // Hover for mice only: touch sends a leave right after the tap, which would undo it; a
        // tap highlights through focus and tapping elsewhere (blur) clears it.
        onPointerEnter={(e) => {
          if (e.pointerType === 'mouse') onHighlight(index);
        }}
        onPointerLeave={(e) => {
          if (e.pointerType === 'mouse' && !open) onHighlight(null);
        }}
        onClick={onClick}
        title={described ? `Other guesses: ${described}` : undefined}
        className={`relative flex w-[4.5rem] flex-col items-center rounded-xl px-2 pt-2 pb-1.5 text-center ring-1 transition sm:w-20 ${
          digit.doubtful
            ? 'bg-amber-50 ring-2 ring-amber-500 dark:bg-amber-950/40 dark:ring-amber-400'
            : corrected
              ? 'bg-indigo-50 ring-2 ring-indigo-400 dark:bg-indigo-950/40 dark:ring-indigo-500'
              : 'bg-slate-50 ring-slate-200 dark:bg-slate-800/60 dark:ring-slate-700'
        } ${highlighted ? 'outline-2 outline-offset-2 outline-indigo-500' : ''} hover:bg-indigo-50 dark:hover:bg-indigo-950/40`}
      >
        {(digit.doubtful || corrected) && (
          <span
            aria-hidden="true"
            className={`absolute -top-2 -right-2 grid size-5 place-items-center rounded-full text-xs font-bold text-white ${
              digit.doubtful
                ? 'bg-amber-500 dark:bg-amber-400 dark:text-amber-950'
                : 'bg-indigo-500 dark:bg-indigo-400 dark:text-indigo-950'
            }`}
          >
            {digit.doubtful ? '?' : '✓'}
          </span>
        )}
        <span className="font-mono text-3xl leading-none font-bold">{digit.label}</span>
        <span
          className={`mt-1 text-xs font-semibold tabular-nums ${
            digit.doubtful
              ? 'text-amber-800 dark:text-amber-300'
              : corrected
                ? 'text-indigo-700 dark:text-indigo-300'
                : 'text-slate-700 dark:text-slate-300'
          }`}
        >
          {corrected ? 'fixed' : confidence}
        </span>
        <span
          aria-hidden="true"
          className="mt-1 h-1 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        >
          <span
            className={`block h-full rounded-full ${
              digit.doubtful ? 'bg-amber-500' : corrected ? 'bg-indigo-500' : 'bg-emerald-500'
            }`}
            style={{
              width: corrected ? '100%' : `${Math.max(2, Math.round(digit.confidence * 100))}%`,
            }}
          />
        </span>
        <span
          aria-hidden="true"
          className="mt-1 block w-full truncate text-[11px] text-slate-500 tabular-nums dark:text-slate-400"
        >
          {others.length > 0 ? `or ${others.map((g) => g.label).join(' · ')}` : '\u00a0'}
        </span>
        {digit.personal && (
          <span
            aria-hidden="true"
            data-testid="digit-personal"
            className="mt-0.5 text-[10px] leading-tight font-medium text-indigo-700 dark:text-indigo-300"
          >
            from your samples
          </span>
        )}
      </button>
      {open && (
        <DigitFix
          digit={digit}
          index={index}
          choices={choices}
          autoFocus={focusFix}
          onFix={(l, close) => onFix(index, l, close)}
          onClose={() => onClose(index)}
        />
      )}
    </li>
  );
}
