/**
 * What the upload panel says about the last folder: the files it skipped because they are not
 * images. Kept outside React so a drop on another tab can leave the message for the panel.
 */
import { create } from 'zustand';
import { addFiles } from '../../store/recognition';
import { splitImages, type PickedFile } from './droppedFiles';

interface UploadNotice {
  skipped: string[];
  images: number;
  setNotice: (images: number, skipped: string[]) => void;
  clear: () => void;
}

export const useUploadNotice = create<UploadNotice>()((set) => ({
  skipped: [],
  images: 0,
  setNotice: (images, skipped) => set({ images, skipped }),
  clear: () => set({ images: 0, skipped: [] }),
}));

/**
 * Adds picked files to the batch. From a folder only images are taken and the rest listed;
 * loose files all go in, so a wrong file gets its own message rather than vanishing.
 */
export function addPicked(picked: readonly PickedFile[], fromFolder: boolean): void {
  if (!fromFolder) {
    useUploadNotice.getState().clear();
    void addFiles(
      picked.map((p) => p.file),
      picked.map((p) => p.path),
    );
    return;
  }
  const { images, others } = splitImages(picked);
  useUploadNotice.getState().setNotice(
    images.length,
    others.map((o) => o.path ?? o.file.name),
  );
  void addFiles(
    images.map((p) => p.file),
    images.map((p) => p.path),
  );
}
