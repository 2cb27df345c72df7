import type { DigitResult } from '../../engine/types';
import { formatConfidence } from '../../ui/formatConfidence';
import { alternatives } from './resultView';

/**
 * One recognized digit: the label, its confidence and the runner-ups. Hover, focus or tap
 * highlights its box and crop in the pipeline view.
 */
export function DigitCard({
  digit,
  index,
  highlighted,
  onHighlight,
}: {
  digit: DigitResult;
  index: number;
  highlighted: boolean;
  onHighlight: (index: number | null) => void;
}) {
  const confidence = formatConfidence(digit.confidence);
  const others = alternatives(digit);
  const described = others.map((g) => `${g.label} (${formatConfidence(g.p)})`).join(', ');
  const label =
    `Digit ${index + 1}: ${digit.label}, ${confidence} sure` +
    (digit.doubtful ? ', doubtful: check this digit' : '') +
    (digit.personal ? ', read with your handwriting samples' : '') +
    (described ? `. Other guesses: ${described}` : '');

  return (
    <li>
      <button
        type="button"
        data-testid="digit"
        data-label={digit.label}
        data-confidence={digit.confidence.toFixed(4)}
        data-doubtful={digit.doubtful ? 'true' : undefined}
        data-personal={digit.personal ? 'true' : undefined}
        aria-label={label}
        aria-pressed={highlighted}
        // Hover for mice only: touch sends a leave right after the tap, which would undo it; a
        // tap highlights through focus and tapping elsewhere (blur) clears it.
        onPointerEnter={(e) => {
          if (e.pointerType === 'mouse') onHighlight(index);
        }}
        onPointerLeave={(e) => {
          if (e.pointerType === 'mouse') onHighlight(null);
        }}
        onFocus={() => onHighlight(index)}
        onBlur={() => onHighlight(null)}
        // Not a toggle: focus (on mousedown) already set it, a toggle would clear it at once.
        onClick={() => onHighlight(index)}
        title={described ? `Other guesses: ${described}` : undefined}
        className={`relative flex w-[4.5rem] flex-col items-center rounded-xl px-2 pt-2 pb-1.5 text-center ring-1 transition sm:w-20 ${
          digit.doubtful
            ? 'bg-amber-50 ring-2 ring-amber-500 dark:bg-amber-950/40 dark:ring-amber-400'
            : 'bg-slate-50 ring-slate-200 dark:bg-slate-800/60 dark:ring-slate-700'
        } ${highlighted ? 'outline-2 outline-offset-2 outline-indigo-500' : ''} hover:bg-indigo-50 dark:hover:bg-indigo-950/40`}
      >
        {digit.doubtful && (
          <span
            aria-hidden="true"
            className="absolute -top-2 -right-2 grid size-5 place-items-center rounded-full bg-amber-500 text-xs font-bold text-white dark:bg-amber-400 dark:text-amber-950"
          >
            ?
          </span>
        )}
        <span className="font-mono text-3xl leading-none font-bold">{digit.label}</span>
        <span
          className={`mt-1 text-xs font-semibold tabular-nums ${
            digit.doubtful
              ? 'text-amber-800 dark:text-amber-300'
              : 'text-slate-700 dark:text-slate-300'
          }`}
        >
          {confidence}
        </span>
        <span
          aria-hidden="true"
          className="mt-1 h-1 w-full overflow-hidden rounded-full bg-slate-200 dark:bg-slate-700"
        >
          <span
            className={`block h-full rounded-full ${digit.doubtful ? 'bg-amber-500' : 'bg-emerald-500'}`}
            style={{ width: `${Math.max(2, Math.round(digit.confidence * 100))}%` }}
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
    </li>
  );
}
