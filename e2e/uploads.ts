/** Shared by the review specs: the upload fixtures and opening the Upload tab, engine ready. */
import type { Page } from '@playwright/test';
import { makeUploadFixtures, type UploadFixture } from './fixtures/makeUploadFixtures';
import { expect, waitForEngine } from './support';

export const ENGINE_TIMEOUT = 60_000;

let cache: UploadFixture[] | null = null;
export function fixture(name: string): UploadFixture {
  cache ??= makeUploadFixtures();
  const f = cache.find((x) => x.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
}

export async function openUpload(page: Page, query = '?backend=wasm'): Promise<void> {
  await page.goto(`/${query}`);
  await page.getByTestId('mode-upload').click();
  await waitForEngine(page, ENGINE_TIMEOUT);
}

export const batchItem = (page: Page, name: string) =>
  page.locator(`[data-testid="batch-item"][data-name="${name}"]`);

/** Uploads fixtures by name and waits until every one is read. */
export async function uploadAndRead(page: Page, names: string[]): Promise<void> {
  await page.getByTestId('file-input').setInputFiles(names.map((n) => fixture(n).path));
  for (const n of names) {
    await expect(batchItem(page, n)).toHaveAttribute('data-status', /done|error/, {
      timeout: 30_000,
    });
  }
}

/** Stores pipeline settings before the app loads, as a returning user would have them. */
export async function withSavedParams(page: Page, params: Record<string, unknown>): Promise<void> {
  await page.addInitScript((p) => {
    localStorage.setItem(
      'digit-lens-settings',
      JSON.stringify({ state: { params: p }, version: 1 }),
    );
  }, params);
}
