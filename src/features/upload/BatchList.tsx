import { useCallback, type KeyboardEvent, type RefObject } from 'react';
import { useAppStore } from '../../store/appStore';
import { cancelItem, removeUpload, selectItem } from '../../store/recognition';
import { Button } from '../../ui/Button';
import { BatchItemCard } from './BatchItemCard';
import { nextIndex } from './batchView';
import { useUploadNotice } from './uploadNotice';
import { useProgressiveCount } from './useProgressiveCount';

// Stable across renders, so memoised batch items do not re-render for a new callback.
const select = (id: string): void => selectItem('upload', id);

/**
 * The uploaded images as a listbox (shown a few at a time as they arrive), with "Clear all".
 * Focus goes back to `inputRef` (the file button) when the list empties.
 */
export function BatchList({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const order = useAppStore((s) => s.uploadOrder);
  const items = useAppStore((s) => s.items);
  const activeId = useAppStore((s) => s.activeIds.upload);
  const removeUploads = useAppStore((s) => s.removeUploads);
  const shown = useProgressiveCount(order.length);

  const remove = useCallback(
    (id: string) => {
      removeUpload(id);
      // Focus stays in the list (or goes to the file button when it is empty).
      requestAnimationFrame(() => {
        const list = document.querySelector<HTMLElement>('[role="listbox"] [aria-selected="true"]');
        (list ?? inputRef.current)?.focus();
      });
    },
    [inputRef],
  );

  // Listbox keyboard pattern: arrows move the selection, Tab leaves the list.
  const onListKeyDown = (e: KeyboardEvent<HTMLUListElement>): void => {
    const current = order.indexOf(activeId ?? '');
    const next = nextIndex(e.key, Math.max(0, current), order.length);
    const id = next === null ? undefined : order[next];
    if (next === null || !id) return;
    e.preventDefault();
    selectItem('upload', id);
    e.currentTarget.querySelectorAll<HTMLElement>('[data-testid="batch-item"]')[next]?.focus();
  };

  const clearAll = (): void => {
    for (const id of useAppStore.getState().uploadOrder) cancelItem(id);
    removeUploads();
    useUploadNotice.getState().clear();
    inputRef.current?.focus();
  };

  if (order.length === 0) return null;
  return (
    <div className="flex flex-col gap-2">
      <div className="flex items-center justify-between gap-2">
        <h3 className="text-sm font-semibold" id="batch-title">
          {order.length === 1 ? '1 image' : `${order.length} images`}
          <span className="ml-2 hidden font-normal text-slate-500 min-[400px]:inline dark:text-slate-400">
            select one to inspect it
          </span>
        </h3>
        <Button
          variant="ghost"
          onClick={clearAll}
          data-testid="clear-uploads"
          className="shrink-0 whitespace-nowrap"
        >
          Clear all
        </Button>
      </div>
      <ul
        role="listbox"
        aria-labelledby="batch-title"
        onKeyDown={onListKeyDown}
        className="grid gap-2 sm:grid-cols-2"
      >
        {order.slice(0, shown).map((id) => {
          const item = items[id];
          return item ? (
            <BatchItemCard
              key={id}
              item={item}
              selected={id === activeId}
              tabbable={id === activeId || (!activeId && id === order[0])}
              onSelect={select}
              onRemove={remove}
            />
          ) : null;
        })}
      </ul>
    </div>
  );
}
