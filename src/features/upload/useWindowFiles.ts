import { useCallback, useEffect } from 'react';
import { useAppStore } from '../../store/appStore';
import { takeDrop, type PickedFile } from './droppedFiles';
import { addPicked } from './uploadNotice';
import { usePasteFiles } from './usePasteFiles';

const hasFiles = (e: DragEvent): boolean => e.dataTransfer?.types.includes('Files') ?? false;

/**
 * Files dropped anywhere on the window, and images pasted on any tab, go to the upload batch
 * (switching to the Upload tab). The browser never opens a dropped file in place of the app,
 * so no drop can navigate the tab away and lose the work in it. Mounted once by the app.
 */
export function useWindowFiles(): void {
  const take = useCallback((picked: PickedFile[], folder: boolean) => {
    if (picked.length === 0) return;
    useAppStore.getState().setMode('upload');
    addPicked(picked, folder);
  }, []);

  usePasteFiles(
    useCallback(
      (files: File[]) =>
        take(
          files.map((file) => ({ file })),
          false,
        ),
      [take],
    ),
  );

  useEffect(() => {
    const onDragOver = (e: DragEvent): void => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const onDrop = (e: DragEvent): void => {
      if (!e.dataTransfer || !hasFiles(e)) return;
      // Always for files: a drop the page does not take would make the browser open the file.
      const handled = e.defaultPrevented;
      e.preventDefault();
      if (handled) return;
      const drop = takeDrop(e.dataTransfer);
      void drop.files.then((files) => take(files, drop.folder));
    };
    window.addEventListener('dragover', onDragOver);
    window.addEventListener('drop', onDrop);
    return () => {
      window.removeEventListener('dragover', onDragOver);
      window.removeEventListener('drop', onDrop);
    };
  }, [take]);
}
