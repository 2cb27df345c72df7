/**
 * Privacy and security: after load the app talks to nobody but its own origin, no request
 * carries image data, and the production build runs under a strict Content-Security-Policy.
 */
import type { Request } from '@playwright/test';
import { makeUploadFixtures } from './fixtures/makeUploadFixtures';
import { expectRead, write } from './pen';
import { expect, test, waitForEngine } from './support';

test('no request leaves the origin and none carries image data', async ({
  page,
  context,
  baseURL,
}) => {
  const requests: Request[] = [];
  context.on('request', (r) => requests.push(r));
  await page.goto('/');
  await waitForEngine(page);
  const loaded = requests.length;

  // Use the app: draw, upload two images.
  await write(page, page.getByTestId('draw-canvas'), '17', { left: 0.2, top: 0.2, size: 0.55 });
  await expectRead(page.getByTestId('result'), '17');
  const files = makeUploadFixtures()
    .filter((f) => f.expected !== null)
    .slice(0, 2);
  await page.getByTestId('mode-upload').click();
  await page.getByTestId('file-input').setInputFiles(files.map((f) => f.path));
  for (const f of files) {
    await expect(page.locator(`[data-testid="batch-item"][data-name="${f.name}"]`)).toHaveAttribute(
      'data-status',
      'done',
      { timeout: 30_000 },
    );
  }

  const origin = new URL(baseURL!).origin;
  expect(requests.length).toBeGreaterThan(0);
  for (const r of requests) {
    const url = new URL(r.url());
    // blob: and data: URLs are in-page object URLs (thumbnails), not network traffic.
    if (url.protocol === 'blob:' || url.protocol === 'data:') continue;
    expect(url.origin, r.url()).toBe(origin);
    expect(r.method(), r.url()).toBe('GET');
    expect(r.postDataBuffer(), r.url()).toBeNull();
  }
  // Reading images fetched nothing new (the service worker's own precaching aside).
  const afterUse = requests
    .slice(loaded)
    .filter((r) => !/^(blob|data):/.test(r.url()) && !r.serviceWorker());
  expect(afterUse.map((r) => r.url())).toEqual([]);
});

test('the production build runs under a strict Content-Security-Policy', async ({
  page,
  problems,
}) => {
  problems.allow(/Refused to (evaluate|execute)|unsafe-eval|unsafe-inline/);
  const response = await page.goto('/');
  const header = response?.headers()['content-security-policy'] ?? '';
  const meta = await page
    .locator('meta[http-equiv="Content-Security-Policy"]')
    .getAttribute('content');
  for (const policy of [header, meta ?? '']) {
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain('unsafe-inline');
    expect(policy).not.toContain('unsafe-eval');
    expect(policy).not.toMatch(/https?:\/\//);
  }
  await page.evaluate(() => {
    (window as unknown as { violations: string[] }).violations = [];
    document.addEventListener('securitypolicyviolation', (e) =>
      (window as unknown as { violations: string[] }).violations.push(
        `${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`,
      ),
    );
  });
  // The policy is enforced: string-to-code and injected inline script are refused. (A string
  // timer is compiled when it fires, outside DevTools' evaluate, which CSP does not police.)
  const evalRan = await page.evaluate(async () => {
    (setTimeout as unknown as (code: string, ms: number) => number)('window.__evalRan = 1', 0);
    await new Promise((r) => setTimeout(r, 100));
    return (window as unknown as { __evalRan?: number }).__evalRan === 1;
  });
  expect(evalRan).toBe(false);
  const inlineRan = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.body.appendChild(s);
    await new Promise((r) => setTimeout(r, 50));
    return (window as unknown as { __inline?: number }).__inline === 1;
  });
  expect(inlineRan).toBe(false);
  // ...and the app works under it, worker, OpenCV.js and model included.
  await waitForEngine(page);
  await write(page, page.getByTestId('draw-canvas'), '7', { left: 0.35, top: 0.2, size: 0.6 });
  await expectRead(page.getByTestId('result'), '7');
  const violations = await page.evaluate(
    () => (window as unknown as { violations: string[] }).violations,
  );
  // Only the two deliberate probes above were refused (each once per policy: meta and header).
  const refused = new Set(violations.map((v) => v.split(' ').slice(0, 2).join(' ')));
  expect([...refused].sort(), violations.join('\n')).toEqual([
    'script-src eval',
    'script-src-elem inline',
  ]);
});
