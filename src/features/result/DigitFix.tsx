import { useLayoutEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { DigitResult } from '../../engine/types';
import { formatConfidence } from '../../ui/formatConfidence';

/**
 * The correction popover of one digit: its alternatives as buttons and a field to type any
 * digit. A typed digit applies at once (the field stays for another try); a button applies and
 * closes. Escape closes and gives focus back to the card.
 */
export function DigitFix({
  digit,
  index,
  choices,
  autoFocus,
  onFix,
  onClose,
}: {
  digit: DigitResult;
  index: number;
  /** Labels to offer as buttons, best first (the engine's other guesses, or what it read). */
  choices: { label: number; p: number | null }[];
  autoFocus: boolean;
  onFix: (label: number, close: boolean) => void;
  onClose: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [typed, setTyped] = useState('');
  const [shift, setShift] = useState(0);

  // Keep the popover inside the window on narrow screens (the card may sit at either edge).
  useLayoutEffect(() => {
    const box = ref.current?.getBoundingClientRect();
    if (!box) return;
    // Within the result panel (it may scroll on its own), else within the window.
    const bounds = ref.current?.closest('section')?.getBoundingClientRect();
    const left = Math.max(0, bounds?.left ?? 0);
    const right = Math.min(window.innerWidth, bounds?.right ?? window.innerWidth);
    const margin = 8;
    const overRight = box.right - (right - margin);
    const overLeft = left + margin - box.left;
    setShift(overRight > 0 ? -overRight : overLeft > 0 ? overLeft : 0);
    if (autoFocus) ref.current?.querySelector<HTMLElement>('button, input')?.focus();
  }, [autoFocus]);

  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      onClose();
    }
  };

  return (
    <div
      ref={ref}
      role="dialog"
      aria-label={`Correct digit ${index + 1}`}
      onKeyDown={onKeyDown}
      // Clicks on the buttons must not take focus first (Safari would close the popover).
      onMouseDown={(e) => {
        if (!(e.target instanceof HTMLInputElement)) e.preventDefault();
      }}
      style={{ transform: `translateX(${shift}px)` }}
      className="absolute top-full left-0 z-30 mt-2 flex w-56 flex-col gap-2 rounded-xl bg-white p-3 text-left shadow-lg ring-1 ring-slate-300 dark:bg-slate-800 dark:ring-slate-600"
    >
      <p className="text-xs font-medium text-slate-600 dark:text-slate-300">
        Read as <span className="font-mono font-bold">{digit.label}</span>. Is it…
      </p>
      {choices.length > 0 && (
        <div className="flex flex-wrap gap-2">
          {choices.map((c) => (
            <button
              key={c.label}
              type="button"
              data-testid="digit-fix"
              data-label={c.label}
              onClick={() => onFix(c.label, true)}
              aria-label={`Make it ${c.label}${c.p !== null ? ` (${formatConfidence(c.p)})` : ''}`}
              className="flex min-h-11 min-w-11 flex-col items-center justify-center rounded-lg bg-indigo-50 px-2 font-mono text-xl font-bold text-indigo-800 ring-1 ring-indigo-200 hover:bg-indigo-100 dark:bg-indigo-950/60 dark:text-indigo-200 dark:ring-indigo-800 dark:hover:bg-indigo-900"
            >
              {c.label}
              {c.p !== null && (
                <span className="font-sans text-[10px] font-medium">{formatConfidence(c.p)}</span>
              )}
            </button>
          ))}
        </div>
      )}
      <label className="flex items-center gap-2 text-xs text-slate-600 dark:text-slate-300">
        or type
        <input
          data-testid="digit-fix-input"
          inputMode="numeric"
          pattern="[0-9]"
          maxLength={1}
          autoComplete="off"
          value={typed}
          aria-label={`Type the right digit for digit ${index + 1}`}
          onChange={(e) => {
            const v = e.target.value.replace(/\D/g, '').slice(-1);
            setTyped(v);
            if (v !== '') onFix(Number(v), false);
          }}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              if (typed !== '') onFix(Number(typed), true);
              else onClose();
            }
          }}
          onFocus={(e) => e.currentTarget.select()}
          className="h-10 w-12 rounded-lg bg-white text-center font-mono text-lg font-bold ring-1 ring-slate-300 dark:bg-slate-900 dark:ring-slate-600"
        />
      </label>
    </div>
  );
}
