/**
 * The large-photo step of `npm run bench` (issue 15): a 12 MP (4032x3024) and a 24 MP
 * (5656x4242) JPEG of the bench scene uploaded through `file-input` in Chromium, timed from the
 * `change` event to the batch item done (decoding in the worker, pipeline, render), and the
 * worker's OpenCV heap after each: it never shrinks, so the figure after the 24 MP photo is the
 * high-water mark a phone must afford.
 *
 * Called from run.ts; also runs alone on an existing build:
 *   tsx scripts/bench/largePhotos.ts [DIST_DIR]
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { mbOf, workerStats, type WorkerStats } from './batch';
import { openPage, uploadCycle } from './pageDriver';
import { writeScaledPhoto, type BenchPhoto } from './photo';
import { runIfMain, withPreviewBrowser } from './standalone';
import { summarize } from './stats';

/** The target for a 12 MP phone photo, file chosen to result. */
export const LARGE_PHOTO_TARGET_MS = 1500;

const SIZES = [
  { width: 4032, height: 3024, runs: 5 },
  { width: 5656, height: 4242, runs: 3 },
] as const;

export interface LargePhotoRun {
  width: number;
  height: number;
  bytes: number;
  /** change -> batch item done, ms, after one warm-up upload of the same file. */
  ms: number[];
  /** What each upload read, and the truth. */
  texts: string[];
  truth: string;
  /** Worker stats before the first upload of this size and after the last. */
  before: WorkerStats | null;
  after: WorkerStats | null;
}

/** The photo at this size, written under .bench the first time (encoding 24 MP takes a while). */
function photoFile(width: number, height: number): BenchPhoto {
  const path = join('.bench', `photo-${width}x${height}-8.jpg`);
  const truthPath = `${path}.txt`;
  if (existsSync(path) && existsSync(truthPath)) {
    return { path, bytes: statSync(path).size, text: readFileSync(truthPath, 'utf8') };
  }
  const photo = writeScaledPhoto(path, width, height);
  writeFileSync(truthPath, photo.text);
  return photo;
}

export async function measureLargePhotos(browser: Browser, url: string): Promise<LargePhotoRun[]> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const { page } = await openPage(context, `${url}/?backend=wasm`);
    await page.getByTestId('mode-upload').click();
    const runs: LargePhotoRun[] = [];
    for (const size of SIZES) {
      const photo = photoFile(size.width, size.height);
      const before = await workerStats(page);
      await uploadCycle(page, photo); // warm-up: the first image of a size grows the heaps
      const ms: number[] = [];
      const texts: string[] = [];
      for (let i = 0; i < size.runs; i++) {
        const { sample } = await uploadCycle(page, photo);
        ms.push(sample.ms);
        texts.push(sample.status === 'done' ? sample.text : `(${sample.status})`);
      }
      runs.push({
        width: size.width,
        height: size.height,
        bytes: photo.bytes,
        ms,
        texts,
        truth: photo.text,
        before,
        after: await workerStats(page),
      });
    }
    return runs;
  } finally {
    await context.close();
  }
}

export function largePhotosReport(runs: LargePhotoRun[] | null): string {
  if (!runs || runs.length === 0) return '';
  const rows = runs.map((r) => {
    const mp = ((r.width * r.height) / 1e6).toFixed(1);
    const med = summarize(r.ms)?.median ?? NaN;
    const right = r.texts.filter((t) => t === r.truth).length;
    const target = r.width === 4032 ? `<= ${LARGE_PHOTO_TARGET_MS} ms` : '';
    const result = target ? (med <= LARGE_PHOTO_TARGET_MS ? 'PASS' : 'MISS') : '';
    return (
      `| ${r.width}x${r.height} (${mp} MP), ${(r.bytes / 2 ** 20).toFixed(1)} MB JPEG | ` +
      `**${Math.round(med)} ms** | ${Math.round(Math.min(...r.ms))} ms | ` +
      `${Math.round(Math.max(...r.ms))} ms | ${r.ms.length} | ${right} of ${r.texts.length} | ` +
      `${mbOf(r.before)} -> ${mbOf(r.after)} | ${target} | ${result} |`
    );
  });
  return [
    '',
    '## Large photos',
    '',
    'The bench scene (8 MNIST test digits, a ninth of the height tall, on unevenly lit paper) at',
    'phone-camera sizes, uploaded through `file-input` in one context (wasm): `change` to the',
    "batch item done, after one warm-up upload of each size. The OpenCV heap is the worker's",
    '(WASM memory never shrinks: the figure after the 24 MP photo is the high-water mark).',
    '',
    '| photo | median | min | max | n | read right | OpenCV heap before -> after | target | result |',
    '|---|---|---|---|---|---|---|---|---|',
    ...rows,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const runs = await withPreviewBrowser(process.argv[2] ?? 'dist', [], measureLargePhotos);
  console.log(largePhotosReport(runs));
}

runIfMain(import.meta.url, main);
