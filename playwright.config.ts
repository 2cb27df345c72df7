import { defineConfig, devices } from '@playwright/test';
import { PREVIEW_HOST, PREVIEW_PORT } from './scripts/vite/previewAddress.ts';

/** Debian's Chromium by default (Playwright cannot download browsers here); override with CHROMIUM_PATH. */
const executablePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const port = Number(process.env.E2E_PORT ?? PREVIEW_PORT);
const origin = `http://${PREVIEW_HOST}:${port}`;

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export default defineConfig({
  testDir: './e2e',
  timeout: 60_000,
  expect: { timeout: 20_000 },
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: origin,
    trace: 'retain-on-failure',
    launchOptions: { executablePath: executablePath || undefined, args: chromiumArgs },
  },
  projects: [
    {
      name: 'chromium',
      use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 800 } },
    },
  ],
  webServer: {
    // Host and strictPort come from vite.config.ts; only the port may differ (E2E_PORT).
    command: `npx vite preview --port ${port}`,
    url: origin,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
});
