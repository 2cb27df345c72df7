import { describe, expect, it } from 'vitest';
import { isImageFile, pickedFromInput, splitImages, takeDrop } from './droppedFiles';

const file = (name: string, type = '') => new File(['x'], name, { type });

/** A folder tree as FileSystemEntry look-alikes; readEntries hands out at most 2 at a time. */
function dir(name: string, path: string, children: FileSystemEntry[]): FileSystemEntry {
  return {
    isFile: false,
    isDirectory: true,
    name,
    fullPath: path,
    createReader: () => {
      let at = 0;
      return {
        readEntries: (ok: (e: FileSystemEntry[]) => void) => {
          const batch = children.slice(at, at + 2);
          at += batch.length;
          setTimeout(() => ok(batch), 0);
        },
      };
    },
  } as unknown as FileSystemEntry;
}
function leaf(f: File, path: string): FileSystemEntry {
  return {
    isFile: true,
    isDirectory: false,
    name: f.name,
    fullPath: path,
    file: (ok: (f: File) => void) => ok(f),
  } as unknown as FileSystemEntry;
}
function transfer(entries: FileSystemEntry[], files: File[] = []): DataTransfer {
  return {
    items: entries.map((e) => ({ kind: 'file', webkitGetAsEntry: () => e })),
    files,
  } as unknown as DataTransfer;
}

describe('isImageFile and splitImages', () => {
  it('goes by type, or by extension when there is no type', () => {
    expect(isImageFile(file('a.png', 'image/png'))).toBe(true);
    expect(isImageFile(file('scan.JPG'))).toBe(true);
    expect(isImageFile(file('notes.txt', 'text/plain'))).toBe(false);
    expect(isImageFile(file('fake.png', 'application/pdf'))).toBe(false);
  });
  it('keeps images in folder order (numbers in order) and lists the rest', () => {
    const { images, others } = splitImages([
      { file: file('p10.png'), path: 'f/p10.png' },
      { file: file('x.txt'), path: 'f/x.txt' },
      { file: file('p9.png'), path: 'f/p9.png' },
    ]);
    expect(images.map((p) => p.path)).toEqual(['f/p9.png', 'f/p10.png']);
    expect(others.map((p) => p.path)).toEqual(['f/x.txt']);
  });
  it('reads the folder path of chosen files', () => {
    const f = file('a.png');
    Object.defineProperty(f, 'webkitRelativePath', { value: 'forms/a.png' });
    expect(pickedFromInput([f, file('b.png')])).toEqual([
      { file: f, path: 'forms/a.png' },
      { file: expect.any(File) },
    ]);
  });
});

describe('takeDrop', () => {
  it('walks dropped folders to the last entry, subfolders included', async () => {
    const tree = dir('forms', '/forms', [
      leaf(file('a.png'), '/forms/a.png'),
      leaf(file('b.png'), '/forms/b.png'),
      leaf(file('c.txt'), '/forms/c.txt'),
      dir('old', '/forms/old', [leaf(file('d.png'), '/forms/old/d.png')]),
    ]);
    const drop = takeDrop(transfer([tree]));
    expect(drop.folder).toBe(true);
    expect((await drop.files).map((p) => p.path)).toEqual([
      'forms/a.png',
      'forms/b.png',
      'forms/c.txt',
      'forms/old/d.png',
    ]);
  });
  it('plain files come as they are', async () => {
    const f = file('a.png', 'image/png');
    const drop = takeDrop(transfer([leaf(f, '/a.png')], [f]));
    expect(drop.folder).toBe(false);
    expect(await drop.files).toEqual([{ file: f }]);
  });
});
