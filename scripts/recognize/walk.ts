/** Finds the images under folders: relative paths with "/" separators, sorted, stable. */
import { readdirSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

/** What the engine's Node image reader decodes (PNG and JPEG, checked by bytes later). */
export const IMAGE_EXTENSIONS = ['.png', '.jpg', '.jpeg'];

export function isImageName(name: string): boolean {
  const lower = name.toLowerCase();
  return IMAGE_EXTENSIONS.some((ext) => lower.endsWith(ext));
}

export interface Walked {
  /** Image files, relative to the root, "/"-separated, sorted by code point. */
  images: string[];
  /** Other files seen (listed, not read). */
  skipped: string[];
}

/** Walks the folder `root` without following symlinks; hidden entries are skipped. */
export function walkImages(root: string): Walked {
  const images: string[] = [];
  const skipped: string[] = [];
  const rel = (p: string): string => relative(root, p).split(sep).join('/');
  const visit = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue;
      const path = join(dir, entry.name);
      if (entry.isDirectory()) visit(path);
      else if (entry.isFile()) (isImageName(entry.name) ? images : skipped).push(rel(path));
    }
  };
  visit(root);
  const byCodePoint = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  return { images: images.sort(byCodePoint), skipped: skipped.sort(byCodePoint) };
}

export interface Input {
  /** Where to read it. */
  path: string;
  /** What the output calls it: relative to the one folder given, else prefixed by its argument. */
  name: string;
}

/** Folders are walked, files taken as they are; names are unique and stable across runs. */
export function collectInputs(args: readonly string[]): { inputs: Input[]; skipped: string[] } {
  const inputs: Input[] = [];
  const skipped: string[] = [];
  const folders = args.filter((a) => statSync(a).isDirectory());
  for (const arg of args) {
    if (!folders.includes(arg)) {
      inputs.push({ path: arg, name: arg.split(sep).join('/') });
      continue;
    }
    const prefix = args.length === 1 ? '' : `${arg.split(sep).join('/').replace(/\/+$/, '')}/`;
    const walked = walkImages(arg);
    for (const rel of walked.images) inputs.push({ path: join(arg, rel), name: prefix + rel });
    skipped.push(...walked.skipped.map((rel) => prefix + rel));
  }
  return { inputs, skipped };
}
