/**
 * Driving the app in a page: open it with the probe installed, wait for the engine, and one
 * measured cycle each of drawing a digit and uploading the photo.
 */
import type { BrowserContext, Page } from '@playwright/test';
import type { BenchPhoto } from './photo';
import {
  LOAD_STEPS,
  PROBE_SOURCE,
  type LoadSteps,
  type ProbeSample,
  type ProbeState,
} from './probe';
import type { LoadSample, StageTimings } from './results';

export const ENGINE_TIMEOUT = 90_000;
export const RESULT_TIMEOUT = 60_000;

export async function engineSettled(page: Page): Promise<{ state: string; backend: string }> {
  await page.waitForFunction(
    () => {
      const s = document.querySelector('[data-testid="engine-status"]')?.getAttribute('data-state');
      return s === 'ready' || s === 'error';
    },
    null,
    { timeout: ENGINE_TIMEOUT },
  );
  const status = page.getByTestId('engine-status');
  return {
    state: (await status.getAttribute('data-state')) ?? '',
    backend: (await status.getAttribute('data-backend')) ?? '',
  };
}

export async function readLoad(page: Page): Promise<LoadSample> {
  const { state, backend } = await engineSettled(page);
  // No named helpers inside evaluate(): tsx would wrap them in a __name() the page lacks.
  const marks = await page.evaluate(() => ({
    interactive: performance.getEntriesByName('digit-lens:interactive')[0]?.startTime ?? null,
    engineReady: performance.getEntriesByName('digit-lens:engine-ready')[0]?.startTime ?? null,
    controlled: navigator.serviceWorker?.controller != null,
  }));
  const steps = await page.evaluate<LoadSteps>(LOAD_STEPS);
  return { ...marks, steps, engineState: state, backend };
}

export async function engineErrorText(page: Page): Promise<string | null> {
  const status = await page.getByTestId('engine-status').getAttribute('data-state');
  if (status !== 'error') return null;
  const msg = page.getByTestId('error-message').first();
  return (await msg.count()) > 0 ? ((await msg.textContent()) ?? 'error').trim() : 'error';
}

export async function openPage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; state: string; backend: string }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(PROBE_SOURCE);
  const { state, backend } = await engineSettled(page);
  return { page, state, backend };
}

export async function probe(page: Page): Promise<ProbeState> {
  return page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench);
}

export async function lastTimings(page: Page): Promise<StageTimings | null> {
  return page.evaluate(() =>
    (
      window as unknown as { digitLens: { lastTimings: () => StageTimings | null } }
    ).digitLens.lastTimings(),
  );
}

/** A "1": one vertical mouse stroke, shifted a little each time. */
export async function strokeOne(page: Page, i: number): Promise<void> {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('draw-canvas has no box');
  const x = box.x + box.width * (0.42 + 0.02 * (i % 8));
  await page.mouse.move(x + 6, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height * 0.8, { steps: 6 });
  await page.mouse.up();
}

/** Draws, waits for the result, reads its stage timings, clears. */
export async function drawCycle(
  page: Page,
  i: number,
  withTimings = false,
): Promise<{ sample: ProbeSample; timings: StageTimings | null }> {
  const before = (await probe(page)).strokes.length;
  await strokeOne(page, i);
  await page.waitForFunction(
    (n) => (window as unknown as { __bench: ProbeState }).__bench.strokes.length > n,
    before,
    { timeout: RESULT_TIMEOUT },
  );
  const sample = (await probe(page)).strokes[before]!;
  const timings = withTimings && sample.status === 'done' ? await lastTimings(page) : null;
  await page.getByTestId('clear').click();
  await page.waitForFunction(
    () => document.querySelector('[data-testid="result"]')?.getAttribute('data-status') === 'idle',
    null,
    { timeout: RESULT_TIMEOUT },
  );
  return { sample, timings };
}

export type Cycle = (
  page: Page,
  i: number,
) => Promise<{ sample: ProbeSample; timings: StageTimings | null }>;

/** Uploads the photo (after clearing earlier ones); returns the sample and the stage timings. */
export async function uploadCycle(
  page: Page,
  photo: BenchPhoto,
): Promise<{ sample: ProbeSample; timings: StageTimings | null }> {
  if ((await page.getByTestId('batch-item').count()) > 0) {
    await page.getByTestId('clear-uploads').click();
    await page.getByTestId('batch-item').first().waitFor({ state: 'detached' });
  }
  const before = (await probe(page)).photos.length;
  await page.getByTestId('file-input').setInputFiles(photo.path);
  await page.waitForFunction(
    (n) => (window as unknown as { __bench: ProbeState }).__bench.photos.length > n,
    before,
    { timeout: RESULT_TIMEOUT },
  );
  const sample = (await probe(page)).photos[before]!;
  return { sample, timings: sample.status === 'done' ? await lastTimings(page) : null };
}
