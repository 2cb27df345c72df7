import { useId, type ChangeEvent, type RefObject } from 'react';
import { SUPPORTED_FORMATS } from './batchView';
import { pickedFromInput } from './droppedFiles';
import { addPicked } from './uploadNotice';
import { useDropZone } from './useDropZone';

function onChange(e: ChangeEvent<HTMLInputElement>, folder: boolean): void {
  const files = Array.from(e.target.files ?? []);
  if (files.length > 0) addPicked(pickedFromInput(files), folder);
  // Lets the same file be chosen again after "Clear all".
  e.target.value = '';
}

/** Where images come in: dropped on it, or chosen with its file and folder pickers. */
export function DropZone({ inputRef }: { inputRef: RefObject<HTMLInputElement | null> }) {
  const { dragging, handlers } = useDropZone();
  const inputId = useId();
  const folderId = useId();
  const hintId = useId();
  return (
    <div
      data-testid="drop-zone"
      data-dragging={dragging ? 'true' : undefined}
      {...handlers}
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
  );
}
