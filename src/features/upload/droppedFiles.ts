/**
 * Which dropped or chosen files are images, and the files inside dropped folders. Folder
 * entries (DataTransferItem.webkitGetAsEntry) must be taken while the drop event runs; they are
 * walked afterwards.
 */

export interface PickedFile {
  file: File;
  /** Path inside a dropped or chosen folder, e.g. "forms/a.png". */
  path?: string;
}

const IMAGE_EXTENSIONS = /\.(png|jpe?g|webp|gif|bmp|avif)$/i;

/** By type, or by extension when the system gives none (common for files in folders). */
export function isImageFile(file: { name: string; type: string }): boolean {
  return file.type.startsWith('image/') || (file.type === '' && IMAGE_EXTENSIONS.test(file.name));
}

export function splitImages(picked: readonly PickedFile[]): {
  images: PickedFile[];
  others: PickedFile[];
} {
  const images: PickedFile[] = [];
  const others: PickedFile[] = [];
  for (const p of picked) (isImageFile(p.file) ? images : others).push(p);
  // Folder contents come in no useful order: sort by path so a batch reads like the folder.
  const byPath = (a: PickedFile, b: PickedFile) =>
    (a.path ?? a.file.name).localeCompare(b.path ?? b.file.name, undefined, { numeric: true });
  if (picked.some((p) => p.path)) images.sort(byPath);
  return { images, others };
}

/** Files chosen with the folder input carry their path in webkitRelativePath. */
export function pickedFromInput(files: readonly File[]): PickedFile[] {
  return files.map((file) =>
    file.webkitRelativePath ? { file, path: file.webkitRelativePath } : { file },
  );
}

function readAll(reader: FileSystemDirectoryReader): Promise<FileSystemEntry[]> {
  // readEntries returns at most ~100 entries per call: call until it returns none.
  return new Promise((resolve, reject) => {
    const out: FileSystemEntry[] = [];
    const next = (): void =>
      reader.readEntries((batch) => {
        if (batch.length === 0) resolve(out);
        else {
          out.push(...batch);
          next();
        }
      }, reject);
    next();
  });
}

async function walk(entry: FileSystemEntry, out: PickedFile[]): Promise<void> {
  if (entry.isFile) {
    const file = await new Promise<File>((resolve, reject) =>
      (entry as FileSystemFileEntry).file(resolve, reject),
    );
    out.push({ file, path: entry.fullPath.replace(/^\//, '') });
  } else if (entry.isDirectory) {
    const children = await readAll((entry as FileSystemDirectoryEntry).createReader());
    for (const child of children) await walk(child, out);
  }
}

export interface Drop {
  /** True when the drop held at least one folder. */
  folder: boolean;
  files: Promise<PickedFile[]>;
}

/** Call inside the drop handler. Plain files come as they are; folders are walked. */
export function takeDrop(transfer: DataTransfer): Drop {
  const entries: FileSystemEntry[] = [];
  for (const item of Array.from(transfer.items ?? [])) {
    if (item.kind !== 'file') continue;
    const entry = item.webkitGetAsEntry?.();
    if (entry) entries.push(entry);
  }
  const plain = Array.from(transfer.files).map((file) => ({ file }));
  if (!entries.some((e) => e.isDirectory)) return { folder: false, files: Promise.resolve(plain) };
  return {
    folder: true,
    files: (async () => {
      const out: PickedFile[] = [];
      for (const entry of entries) await walk(entry, out).catch(() => undefined);
      return out;
    })(),
  };
}
