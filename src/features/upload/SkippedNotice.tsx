import { useUploadNotice } from './uploadNotice';

/** After a folder: how many images were taken and which other files were left out. */
export function SkippedNotice() {
  const skipped = useUploadNotice((s) => s.skipped);
  const images = useUploadNotice((s) => s.images);
  const clear = useUploadNotice((s) => s.clear);
  if (skipped.length === 0) return null;
  const shown = skipped.slice(0, 8);
  return (
    <div
      role="status"
      data-testid="skipped-files"
      data-count={skipped.length}
      className="flex items-start gap-3 rounded-xl bg-slate-50 p-3 text-sm ring-1 ring-slate-200 dark:bg-slate-800/60 dark:ring-slate-700"
    >
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          Took {images} {images === 1 ? 'image' : 'images'} from the folder; left out{' '}
          {skipped.length} {skipped.length === 1 ? 'file that is' : 'files that are'} not an image:
        </p>
        <ul className="mt-1 list-disc pl-5 text-xs break-all text-slate-600 dark:text-slate-400">
          {shown.map((name) => (
            <li key={name}>{name}</li>
          ))}
          {skipped.length > shown.length && <li>and {skipped.length - shown.length} more</li>}
        </ul>
      </div>
      <button
        type="button"
        aria-label="Dismiss"
        onClick={clear}
        className="rounded-md px-2 py-1 text-slate-500 hover:bg-slate-200 dark:hover:bg-slate-700"
      >
        ✕
      </button>
    </div>
  );
}
