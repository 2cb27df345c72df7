import { useEffect, useRef } from 'react';
import { filesFromTransfer, pastedFileName } from './batchView';

let pasteSeq = 0;

/**
 * Listens for pastes on the whole document while mounted (the upload panel is shown), so
 * Ctrl+V works without focusing anything first. Text pastes into form fields are left alone.
 */
export function usePasteFiles(onFiles: (files: File[]) => void): void {
  const latest = useRef(onFiles);
  useEffect(() => {
    latest.current = onFiles;
  }, [onFiles]);

  useEffect(() => {
    const onPaste = (event: ClipboardEvent): void => {
      const items = event.clipboardData?.items;
      if (!items) return;
      const files = filesFromTransfer(items);
      if (files.length === 0) return;
      event.preventDefault();
      latest.current(
        files.map((f) => new File([f], pastedFileName(++pasteSeq, f.type), { type: f.type })),
      );
    };
    document.addEventListener('paste', onPaste);
    return () => document.removeEventListener('paste', onPaste);
  }, []);
}
