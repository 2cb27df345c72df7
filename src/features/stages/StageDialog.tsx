import { useEffect, useRef, type ReactNode } from 'react';
import { Button } from '../../ui/Button';

/** A modal for one enlarged stage image: Esc, the close button or the backdrop close it. */
export function StageDialog({
  title,
  description,
  onClose,
  children,
}: {
  title: string;
  description: string;
  onClose: () => void;
  children: ReactNode;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    // No close() on cleanup: its async 'close' event would unmount a StrictMode re-mount.
    // Unmounting removes the dialog from the top layer anyway.
    if (dialog && !dialog.open) dialog.showModal();
  }, []);

  return (
    <dialog
      ref={ref}
      aria-labelledby="stage-dialog-title"
      aria-describedby="stage-dialog-description"
      onClose={onClose}
      onClick={(e) => {
        // A click on the backdrop lands on the dialog element itself.
        if (e.target === e.currentTarget) ref.current?.close();
      }}
      className="m-auto max-h-[92vh] w-[min(96vw,1100px)] rounded-2xl bg-white p-0 text-slate-900 shadow-2xl backdrop:bg-slate-950/70 dark:bg-slate-900 dark:text-slate-100"
    >
      <div className="flex flex-col gap-3 p-4 sm:p-5">
        <div className="flex items-start justify-between gap-3">
          <div>
            <h3 id="stage-dialog-title" className="text-lg font-semibold">
              {title}
            </h3>
            <p id="stage-dialog-description" className="text-sm text-slate-600 dark:text-slate-400">
              {description}
            </p>
          </div>
          <Button onClick={() => ref.current?.close()} aria-label="Close" autoFocus>
            ✕
          </Button>
        </div>
        {children}
      </div>
    </dialog>
  );
}
