/**
 * For bench steps that also run alone on an existing build (batch.ts, largePhotos.ts): the
 * preview server and headless Chromium around one measurement, and the "run when invoked
 * directly" guard.
 */
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { freePort, startPreview } from './server';

/** Serves `dist`, launches Chromium (with `extraArgs`), runs `fn`, and stops both. */
export async function withPreviewBrowser<T>(
  dist: string,
  extraArgs: readonly string[],
  fn: (browser: Browser, url: string) => Promise<T>,
): Promise<T> {
  const server = await startPreview(dist, await freePort());
  try {
    const browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [...chromiumArgs, ...extraArgs],
    });
    try {
      return await fn(browser, server.url);
    } finally {
      await browser.close();
    }
  } finally {
    server.stop();
  }
}

/** Runs `main` when `moduleUrl`'s file is the script node was started with. */
export function runIfMain(moduleUrl: string, main: () => Promise<void>): void {
  if (process.argv[1] && fileURLToPath(moduleUrl) === process.argv[1]) {
    main().catch((err: unknown) => {
      console.error(err);
      process.exitCode = 1;
    });
  }
}
