import {
  useCallback,
  useId,
  useRef,
  useState,
  type ChangeEvent,
  type DragEvent,
  type KeyboardEvent,
} from 'react';
import { useAppStore } from '../../store/appStore';
import { cancelItem, removeUpload, selectItem } from '../../store/recognition';
import { Button } from '../../ui/Button';
import { BatchItemCard } from './BatchItemCard';
import { nextIndex, SUPPORTED_FORMATS } from './batchView';
import { pickedFromInput, takeDrop } from './droppedFiles';
import { SkippedNotice } from './SkippedNotice';
import { addPicked, useUploadNotice } from './uploadNotice';
import { useProgressiveCount } from './useProgressiveCount';

// Stable across renders, so memoised batch items do not re-render for a new callback.
const select = (id: string): void => selectItem('upload', id);

/**
 * Choose, drop or paste images, or a whole folder; each image becomes a batch item read in the
 * worker. Pasting (any tab) and drops outside the zone are taken by useWindowFiles.
 */
export function UploadPanel() {
  const order = useAppStore((s) => s.uploadOrder);
  const items = useAppStore((s) => s.items);
  const activeId = useAppStore((s) => s.activeIds.upload);
  const removeUploads = useAppStore((s) => s.removeUploads);
  const [dragging, setDragging] = useState(false);
  const dragDepth = useRef(0);
  const inputRef = useRef<HTMLInputElement>(null);
  const inputId = useId();
  const folderId = useId();
  const hintId = useId();
  const shown = useProgressiveCount(order.length);

  const onChange = (e: ChangeEvent<HTMLInputElement>, folder: boolean): void => {
    const files = Array.from(e.target.files ?? []);
    if (files.length > 0) addPicked(pickedFromInput(files), folder);
    // Lets the same file be chosen again after "Clear all".
    e.target.value = '';
  };
  const remove = useCallback((id: string) => {
    removeUpload(id);
    // Focus stays in the list (or goes to the file button when it is empty).
    requestAnimationFrame(() => {
      const list = document.querySelector<HTMLElement>('[role="listbox"] [aria-selected="true"]');
      (list ?? inputRef.current)?.focus();
    });
  }, []);

  // Counting enter/leave pairs: child elements fire their own and would make the highlight flicker.
  const onDragEnter = (e: DragEvent): void => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    dragDepth.current += 1;
    setDragging(true);
  };
  const onDragLeave = (): void => {
    dragDepth.current = Math.max(0, dragDepth.current - 1);
    if (dragDepth.current === 0) setDragging(false);
  };
  const onDragOver = (e: DragEvent): void => {
    if (!e.dataTransfer.types.includes('Files')) return;
    e.preventDefault();
    e.dataTransfer.dropEffect = 'copy';
  };
  const onDrop = (e: DragEvent): void => {
    e.preventDefault();
    dragDepth.current = 0;
    setDragging(false);
    const drop = takeDrop(e.dataTransfer);
    void drop.files.then((files) => {
      if (files.length > 0) addPicked(files, drop.folder);
    });
  };

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

  return (
    <div className="flex flex-col gap-4">
      <div
        data-testid="drop-zone"
        data-dragging={dragging ? 'true' : undefined}
        onDragEnter={onDragEnter}
        onDragLeave={onDragLeave}
        onDragOver={onDragOver}
        onDrop={onDrop}
        className={`flex flex-col items-center gap-3 rounded-2xl border-2 border-dashed px-4 py-8 text-center transition-colors ${
          dragging
            ? 'border-indigo-500 bg-indigo-50 dark:border-indigo-400 dark:bg-indigo-950/40'
            : 'border-slate-300 bg-slate-50 dark:border-slate-700 dark:bg-slate-800/40'
        }`}
      >
        <span aria-hidden="true" className="text-3xl text-indigo-500 dark:text-indigo-400">
          ⇪
        </span>
        <div>
          <p className="text-base font-semibold">
            {dragging ? 'Drop to read these images' : 'Drop images here'}
          </p>
          <p id={hintId} className="mt-1 text-sm text-slate-600 dark:text-slate-400">
            or paste one with Ctrl+V (⌘V). {SUPPORTED_FORMATS} work; photos, scans or screenshots.
          </p>
        </div>
        <div className="flex flex-wrap items-center justify-center gap-2">
          <input
            ref={inputRef}
            id={inputId}
            data-testid="file-input"
            type="file"
            accept="image/*"
            multiple
            onChange={(e) => onChange(e, false)}
            aria-describedby={hintId}
            className="peer sr-only"
          />
          <label
            htmlFor={inputId}
            className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-500 active:bg-indigo-700 peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-indigo-500"
          >
            Choose images…
          </label>
          <input
            id={folderId}
            data-testid="folder-input"
            type="file"
            multiple
            // React does not know the attribute; the browser picks a whole folder with it.
            {...{ webkitdirectory: '' }}
            onChange={(e) => onChange(e, true)}
            className="peer/folder sr-only"
          />
          <label
            htmlFor={folderId}
            className="inline-flex min-h-11 cursor-pointer items-center gap-2 rounded-lg bg-white px-4 py-2 text-sm font-semibold text-slate-800 ring-1 ring-slate-300 hover:bg-slate-100 peer-focus-visible/folder:outline-2 peer-focus-visible/folder:outline-offset-2 peer-focus-visible/folder:outline-indigo-500 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600 dark:hover:bg-slate-700"
          >
            Choose a folder…
          </label>
        </div>
      </div>

      <SkippedNotice />

      {order.length > 0 && (
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
      )}
    </div>
  );
}
