import { memo, type KeyboardEvent } from 'react';
import type { InputItem } from '../../store/inputSlice';
import { batchItemView } from './batchView';
import { FileThumbnail } from './FileThumbnail';

const STATUS_STYLES = {
  idle: 'bg-slate-200 text-slate-700 dark:bg-slate-700 dark:text-slate-200',
  working: 'bg-indigo-100 text-indigo-800 dark:bg-indigo-950 dark:text-indigo-200',
  done: 'bg-emerald-100 text-emerald-800 dark:bg-emerald-950 dark:text-emerald-200',
  error: 'bg-rose-100 text-rose-800 dark:bg-rose-950 dark:text-rose-200',
  check: 'bg-amber-100 text-amber-900 dark:bg-amber-900/60 dark:text-amber-100',
} as const;

/**
 * One uploaded file: thumbnail, name, status and its digits or error. Selecting shows it.
 * Memoised: in a batch of hundreds only the item whose reading changed re-renders.
 */
export const BatchItemCard = memo(function BatchItemCard({
  item,
  selected,
  tabbable,
  onSelect,
  onRemove,
}: {
  item: InputItem;
  selected: boolean;
  /** Roving focus: only one item of the list is in the tab order. */
  tabbable: boolean;
  onSelect: (id: string) => void;
  onRemove?: (id: string) => void;
}) {
  const view = batchItemView(item);
  const onKeyDown = (e: KeyboardEvent): void => {
    if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onSelect(item.id);
    }
  };

  return (
    <li
      data-testid="batch-item"
      data-name={view.name}
      data-status={view.status}
      data-text={view.text}
      data-doubtful={view.doubtful}
      role="option"
      aria-selected={selected}
      tabIndex={tabbable ? 0 : -1}
      onClick={() => onSelect(item.id)}
      onKeyDown={onKeyDown}
      // Off-screen items of a long batch skip layout and paint.
      style={{ contentVisibility: 'auto', containIntrinsicSize: 'auto 80px' }}
      className={`flex min-w-0 cursor-pointer gap-3 rounded-xl p-2 ring-1 transition ${
        selected
          ? 'bg-indigo-50 ring-2 ring-indigo-500 dark:bg-indigo-950/40 dark:ring-indigo-400'
          : 'bg-white ring-slate-200 hover:bg-slate-50 dark:bg-slate-900 dark:ring-slate-700 dark:hover:bg-slate-800'
      }`}
    >
      <div className="grid size-16 shrink-0 place-items-center overflow-hidden rounded-lg bg-slate-100 ring-1 ring-slate-200 dark:bg-slate-800 dark:ring-slate-700">
        {item.file && view.status !== 'error' ? (
          <FileThumbnail file={item.file} className="size-full object-contain" />
        ) : (
          <span aria-hidden="true" className="text-xl text-slate-400">
            {view.status === 'error' ? '⚠' : '▦'}
          </span>
        )}
      </div>
      <div className="flex min-w-0 flex-1 flex-col gap-1">
        <div className="flex items-start justify-between gap-2">
          {/* Names are user data: rendered as text, never as HTML. */}
          <p className="truncate text-sm font-medium" title={item.path ?? view.name}>
            {view.name}
          </p>
          <div className="flex shrink-0 items-center gap-1">
            <span
              className={`rounded-full px-2 py-0.5 text-[11px] font-semibold ${
                STATUS_STYLES[view.doubtful > 0 ? 'check' : view.status]
              }`}
            >
              {view.statusLabel}
            </span>
            {onRemove && (
              <button
                type="button"
                data-testid="remove-item"
                tabIndex={tabbable ? 0 : -1}
                aria-label={`Remove ${view.name}`}
                title="Remove from the batch"
                onClick={(e) => {
                  e.stopPropagation();
                  onRemove(item.id);
                }}
                onKeyDown={(e) => e.stopPropagation()}
                className="-my-1 grid size-7 place-items-center rounded-md text-slate-500 hover:bg-slate-200 hover:text-slate-800 dark:text-slate-400 dark:hover:bg-slate-700 dark:hover:text-slate-100"
              >
                <span aria-hidden="true">✕</span>
              </button>
            )}
          </div>
        </div>
        {/* The selected item's error is the result panel's error-message; the others carry
            their own, so every error sentence on the page is findable yet none is doubled. */}
        <p
          data-testid={view.tone === 'error' && !selected ? 'error-message' : undefined}
          className={
            view.tone === 'ok'
              ? 'font-mono text-lg leading-snug font-bold tracking-wider break-all whitespace-pre-wrap'
              : view.tone === 'error'
                ? 'text-xs text-rose-800 dark:text-rose-300'
                : 'text-xs text-slate-500 dark:text-slate-400'
          }
        >
          {view.detail}
        </p>
      </div>
    </li>
  );
});
