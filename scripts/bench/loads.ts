/**
 * Start-up: cold loads (a fresh context each) and warm ones (reloaded once the service worker
 * controls the page), and which scripts each thread fetched.
 */
import type { Browser, Page } from '@playwright/test';
import { distPath } from './bytes';
import { engineErrorText, readLoad } from './pageDriver';
import type { LoadSample } from './results';

/** Cold: a fresh context (empty HTTP cache, no service worker). Warm: reload once it controls. */
export async function measureLoads(
  browser: Browser,
  url: string,
  n: number,
  notes: string[],
): Promise<{ cold: LoadSample[]; warm: LoadSample[]; engineError: string | null; js: JsSeen }> {
  const cold: LoadSample[] = [];
  const warm: LoadSample[] = [];
  let engineError: string | null = null;
  let js: JsSeen = { main: [], worker: [] };
  for (let i = 0; i < n; i++) {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const seen = i === 0 ? watchScripts(page) : null;
      await page.goto(url);
      cold.push(await readLoad(page));
      engineError ??= await engineErrorText(page);
      if (seen) js = await seen.collect();
      // The service worker is active only after its install event precached everything.
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      let sample = await readLoad(page);
      if (!sample.controlled) {
        notes.push(`warm load ${i + 1}: the first reload was not controlled; reloaded again`);
        await page.reload();
        sample = await readLoad(page);
      }
      warm.push(sample);
    } finally {
      await context.close();
    }
  }
  return { cold, warm, engineError, js };
}

export type JsSeen = Record<'main' | 'worker', string[]>;

/**
 * Which JS each thread loads: the main window's resource timing lists only main-thread fetches
 * (plus the worker's own script, known from the `worker` event); everything else the page's
 * network saw was fetched by the worker.
 */
export function watchScripts(page: Page): { collect: () => Promise<JsSeen> } {
  const all = new Set<string>();
  const workers = new Set<string>();
  page.on('response', (r) => {
    if (/\.m?js$/.test(new URL(r.url()).pathname)) all.add(r.url());
  });
  page.on('worker', (w) => workers.add(w.url()));
  return {
    collect: async () => {
      const mainUrls = await page.evaluate(() =>
        performance.getEntriesByType('resource').map((e) => e.name),
      );
      const isJs = (u: string): boolean => /\.m?js$/.test(new URL(u).pathname);
      const main = mainUrls.filter((u) => isJs(u) && !workers.has(u));
      const worker = [...workers, ...[...all].filter((u) => !main.includes(u) && !workers.has(u))];
      return { main: [...new Set(main)].map(distPath), worker: [...new Set(worker)].map(distPath) };
    },
  };
}
