/**
 * The real photos and scans of ../shared/data/real-photos (labels.json: file -> expected text),
 * read in place by path: never copied into the repository.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { RgbaImage } from '../../engine/types';
import { readImage } from '../imageio';

/** $REAL_PHOTOS_DIR, else the shared data beside the checkout (or beside a worktree's parent). */
export const REAL_PHOTOS_DIR = resolve(
  process.env.REAL_PHOTOS_DIR ??
    ['../shared/data/real-photos', '../../shared/data/real-photos'].find((d) =>
      existsSync(join(d, 'labels.json')),
    ) ??
    '../shared/data/real-photos',
);

export interface RealSample {
  name: string;
  text: string;
  image: RgbaImage;
}

/** The labelled files, or null (with the reason) when the folder is not there. */
export function listRealPhotos(
  dir = REAL_PHOTOS_DIR,
): { names: [string, string][] } | { missing: string } {
  const labels = join(dir, 'labels.json');
  if (!existsSync(labels)) return { missing: `no ${labels}` };
  const parsed = JSON.parse(readFileSync(labels, 'utf8')) as Record<string, string>;
  return { names: Object.entries(parsed) };
}

export function readRealPhoto(name: string, text: string, dir = REAL_PHOTOS_DIR): RealSample {
  return { name, text, image: readImage(join(dir, name)) };
}
