/**
 * Shared e2e fixture: every test fails on an uncaught page error or a console error, so a
 * crash anywhere in the app is caught by whichever test triggers it.
 */
import { test as base, expect, type Page } from '@playwright/test';

export interface PageProblems {
  errors: string[];
  /** Console messages a test expects (e.g. a deliberately missing model) can be allowed. */
  allow: (pattern: RegExp) => void;
}

export const test = base.extend<{ problems: PageProblems }>({
  problems: [
    async ({ page }, use) => {
      const errors: string[] = [];
      const allowed: RegExp[] = [];
      page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
      page.on('console', (msg) => {
        if (msg.type() !== 'error') return;
        const text = msg.text();
        if (!allowed.some((re) => re.test(text))) errors.push(`console.error: ${text}`);
      });
      await use({ errors, allow: (re) => allowed.push(re) });
      expect(errors, 'uncaught page errors or console errors').toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/** Waits until the engine reports ready (the page contract's engine-status). */
export async function waitForEngine(page: Page, timeout = 30_000): Promise<string> {
  const status = page.getByTestId('engine-status');
  await expect(status).toHaveAttribute('data-state', 'ready', { timeout });
  return (await status.getAttribute('data-backend')) ?? '';
}
