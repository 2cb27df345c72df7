import { expect, test, waitForEngine } from './support';

test('the page loads, the engine becomes ready and reports its backend', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Digit Lens' })).toBeVisible();
  // The UI is usable while the engine loads: the mode tabs respond at once.
  await page.getByTestId('mode-upload').click();
  await expect(page.getByTestId('mode-upload')).toHaveAttribute('aria-selected', 'true');
  await page.getByTestId('mode-draw').click();
  const backend = await waitForEngine(page, 20_000);
  expect(['webgl', 'wasm', 'cpu']).toContain(backend);
});

test('a forced backend is honoured and reported', async ({ page }) => {
  await page.goto('/?backend=cpu');
  expect(await waitForEngine(page)).toBe('cpu');
});
