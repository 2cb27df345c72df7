/**
 * The 500-photo batch step of `npm run bench`: drops 500 copies of the bench photo on the page
 * at once and measures how long until every batch item is read, and how long the main thread
 * was blocked (PerformanceObserver 'longtask': every task over 50 ms, the longest one).
 *
 * Called from run.ts; also runs alone on an existing build:
 *   tsx scripts/bench/batch.ts [DIST_DIR] [COUNT]
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { writeBenchPhoto, type BenchPhoto } from './photo';
import { runIfMain, withPreviewBrowser } from './standalone';

export interface BatchRun {
  count: number;
  photoBytes: number;
  /** Drop to the last batch item read, ms. */
  readMs: number;
  /** Drop to the first item read, ms. */
  firstMs: number;
  done: number;
  errors: number;
  /** Items whose text is the photo's digits. */
  correct: number;
  longTasks: number;
  longestTaskMs: number;
  /** Every long task as "start after the drop:duration", ms. */
  tasks: string;
  /** Sum of long-task time beyond 50 ms each: main-thread blocking (like TBT). */
  blockingMs: number;
  /** The batch list's DOM: every item is there (no virtual window). */
  batchItemsInDom: number;
  jsHeapMB: number | null;
  /** Worker tfjs tensors and OpenCV heap before the drop and after the last item. */
  worker: { before: WorkerStats | null; after: WorkerStats | null };
}

export interface WorkerStats {
  numTensors: number;
  tfBytes: number;
  openCvHeapBytes: number;
}

/** The worker's tfjs tensors and bytes and its OpenCV heap (`window.digitLens.stats()`). */
export function workerStats(page: Page): Promise<WorkerStats | null> {
  return page.evaluate(() =>
    (window as unknown as { digitLens: { stats: () => Promise<WorkerStats> } }).digitLens
      .stats()
      .catch(() => null),
  );
}

export async function measureBatch(
  browser: Browser,
  url: string,
  photo: BenchPhoto,
  count = 500,
): Promise<BatchRun> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await page.goto(`${url}/?backend=wasm`);
    await page.getByTestId('engine-status').and(page.locator('[data-state="ready"]')).waitFor({
      timeout: 120_000,
    });
    const before = await workerStats(page);
    const bytes = readFileSync(photo.path).toString('base64');
    await page.evaluate(
      ({ b64, n }) => {
        const raw = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
        // One blob, many files over it: the page holds the bytes once, as a person's files would.
        const blob = new Blob([raw], { type: 'image/jpeg' });
        const dt = new DataTransfer();
        for (let i = 0; i < n; i++) {
          dt.items.add(new File([blob], `photo-${String(i + 1).padStart(3, '0')}.jpg`, blob));
        }
        (window as unknown as { __drop: DataTransfer }).__drop = dt;
      },
      { b64: bytes, n: count },
    );
    // A task of its own: making the files above is the harness's work, not the app's.
    const started = await page.evaluate(() => {
      const w = window as unknown as { __long: { d: number; t: number }[] };
      w.__long = [];
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) w.__long.push({ d: e.duration, t: e.startTime });
      }).observe({ type: 'longtask', buffered: false });
      const t0 = performance.now();
      window.dispatchEvent(
        new DragEvent('drop', {
          dataTransfer: (window as unknown as { __drop: DataTransfer }).__drop,
          cancelable: true,
        }),
      );
      return t0;
    });
    // Poll from Node, seldom, so the probe itself adds next to nothing to the main thread.
    let firstMs = -1;
    let lastAt = started;
    for (;;) {
      const s = await page.evaluate(() => {
        const items = document.querySelectorAll('[data-testid="batch-item"]');
        let done = 0;
        for (const el of items) if (el.getAttribute('data-status') !== 'working') done++;
        return { total: items.length, done, now: performance.now() };
      });
      if (firstMs < 0 && s.done > 0) firstMs = s.now - started;
      lastAt = s.now;
      if (s.total >= count && s.done >= count) break;
      await page.waitForTimeout(500);
    }
    const after = await workerStats(page);
    const run = await page.evaluate(
      ({ t0, end, n, text, photoBytes, first }) => {
        const items = [...document.querySelectorAll('[data-testid="batch-item"]')];
        const statuses = items.map((el) => [
          el.getAttribute('data-status'),
          el.getAttribute('data-text'),
        ]);
        const long = (window as unknown as { __long: { d: number; t: number }[] }).__long;
        const mem = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
        return {
          count: n,
          photoBytes,
          readMs: Math.round(end - t0),
          firstMs: Math.round(first),
          done: statuses.filter(([s]) => s === 'done').length,
          errors: statuses.filter(([s]) => s === 'error').length,
          correct: statuses.filter(([, t]) => t === text).length,
          longTasks: long.length,
          longestTaskMs: Math.round(Math.max(0, ...long.map((l) => l.d))),
          tasks: long.map((l) => `${Math.round(l.t - t0)}:${Math.round(l.d)}`).join(' '),
          blockingMs: Math.round(long.reduce((a, l) => a + Math.max(0, l.d - 50), 0)),
          batchItemsInDom: items.length,
          jsHeapMB: mem ? Math.round(mem.usedJSHeapSize / 1048576) : null,
        };
      },
      {
        t0: started,
        end: lastAt,
        n: count,
        text: photo.text,
        photoBytes: photo.bytes,
        first: firstMs,
      },
    );
    return { ...run, worker: { before, after } };
  } finally {
    await context.close();
  }
}

export const mbOf = (s: WorkerStats | null): string =>
  s ? `${(s.openCvHeapBytes / 1048576).toFixed(2)} MB` : 'n/a';

/** The section BENCHMARKS.md gets. */
export function batchReport(r: BatchRun | null): string {
  if (!r) return '';
  const per = r.readMs / r.count;
  return [
    '',
    `## A batch of ${r.count} photos`,
    '',
    `${r.count} copies of the bench photo (${r.photoBytes} bytes, 2000x1500, 8 digits) dropped on the page at once (wasm).`,
    '',
    '| measurement | value |',
    '|---|---|',
    `| drop to every item read | **${(r.readMs / 1000).toFixed(1)} s** (${Math.round(per)} ms per photo) |`,
    `| drop to the first item read | ${r.firstMs} ms |`,
    `| items read / correct / errors | ${r.done} / ${r.correct} / ${r.errors} |`,
    `| longest main-thread task | **${r.longestTaskMs} ms** |`,
    `| long tasks (> 50 ms), blocking time beyond 50 ms | ${r.longTasks}, ${r.blockingMs} ms |`,
    `| batch items in the DOM (no virtual list) | ${r.batchItemsInDom} |`,
    `| JS heap after the batch | ${r.jsHeapMB ?? 'n/a'} MB |`,
    `| tfjs tensors in the worker, before / after the batch | ${r.worker.before?.numTensors ?? 'n/a'} / ${r.worker.after?.numTensors ?? 'n/a'} |`,
    `| OpenCV WASM heap, before / after the batch | ${mbOf(r.worker.before)} / ${mbOf(r.worker.after)} |`,
    '',
  ].join('\n');
}

async function main(): Promise<void> {
  const dist = process.argv[2] ?? 'dist';
  const count = Number(process.argv[3] ?? 500);
  const photo = writeBenchPhoto(join('.bench', 'photo-2000x1500-8.jpg'));
  await withPreviewBrowser(dist, ['--enable-precise-memory-info'], async (browser, url) => {
    const r = await measureBatch(browser, url, photo, count);
    writeFileSync(join('.bench', 'batch.json'), `${JSON.stringify(r, null, 2)}\n`);
    console.log(batchReport(r));
  });
}

runIfMain(import.meta.url, main);
