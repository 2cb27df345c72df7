/**
 * The measured sessions after start-up, each in its own browser context: strokes and photo
 * uploads on the default backend, both again on each backend, and memory over many readings.
 */
import type { Browser, Page } from '@playwright/test';
import type { BackendName } from '../../src/engine/types';
import { workerStats } from './batch';
import { drawCycle, openPage, uploadCycle, type Cycle } from './pageDriver';
import type { BenchPhoto } from './photo';
import type { ProbeSample } from './probe';
import type { BackendRun, MemorySnapshot, StageTimings } from './results';

/** Opens the app in a mode, runs `warmUps` unrecorded cycles, then `n` recorded ones. */
export async function measureCycles(
  browser: Browser,
  url: string,
  mode: 'draw' | 'upload',
  warmUps: number,
  n: number,
  cycle: Cycle,
): Promise<{ samples: ProbeSample[]; timings: StageTimings[] }> {
  const context = await browser.newContext();
  try {
    const { page } = await openPage(context, url);
    await page.getByTestId(`mode-${mode}`).click();
    const samples: ProbeSample[] = [];
    const timings: StageTimings[] = [];
    for (let i = -warmUps; i < n; i++) {
      const { sample, timings: t } = await cycle(page, i + warmUps);
      if (i < 0) continue;
      samples.push(sample);
      if (t) timings.push(t);
    }
    return { samples, timings };
  } finally {
    await context.close();
  }
}

// Two warm-up strokes first: the first runs compile shaders and JIT the pipeline.
export const measureStrokes = (browser: Browser, url: string, n: number) =>
  measureCycles(browser, url, 'draw', 2, n, (page, i) => drawCycle(page, i, true));

export const measurePhotos = (browser: Browser, url: string, photo: BenchPhoto, n: number) =>
  measureCycles(browser, url, 'upload', 1, n, (page) => uploadCycle(page, photo));

export async function measureBackend(
  browser: Browser,
  url: string,
  backend: BackendName,
  photo: BenchPhoto,
  n: number,
): Promise<BackendRun> {
  const context = await browser.newContext();
  const run: BackendRun = {
    requested: backend,
    used: '',
    engineState: '',
    engineReady: null,
    classify: [],
    total: [],
    photo: [],
    stroke: [],
    strokeClassify: [],
  };
  try {
    const { page, state, backend: used } = await openPage(context, `${url}/?backend=${backend}`);
    run.used = used;
    run.engineState = state;
    run.engineReady = await page.evaluate(
      () => performance.getEntriesByName('digit-lens:engine-ready')[0]?.startTime ?? null,
    );
    await page.getByTestId('mode-draw').click();
    for (let i = -2; i < n; i++) {
      const { sample, timings } = await drawCycle(page, i + 2, true);
      if (i < 0) continue;
      run.stroke.push(sample);
      if (timings?.classify !== undefined) run.strokeClassify.push(timings.classify);
    }
    await page.getByTestId('mode-upload').click();
    for (let i = -1; i < n; i++) {
      const { sample, timings } = await uploadCycle(page, photo);
      if (i < 0) continue;
      run.photo.push(sample);
      if (timings?.classify !== undefined) run.classify.push(timings.classify);
      if (timings?.total !== undefined) run.total.push(timings.total);
    }
  } catch (err) {
    run.error = err instanceof Error ? err.message.split('\n')[0] : String(err);
  } finally {
    await context.close();
  }
  return run;
}

export async function snapshot(page: Page, recognitions: number): Promise<MemorySnapshot> {
  const heap = await page.evaluate(async () => {
    const w = window as unknown as { gc?: () => void };
    // Several passes with a pause: finalizers and the tenured generation need more than one.
    for (let i = 0; i < 4; i++) {
      w.gc?.();
      await new Promise((r) => setTimeout(r, 100));
    }
    return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize;
  });
  const stats = await workerStats(page);
  return {
    recognitions,
    jsHeap: heap,
    numTensors: stats?.numTensors ?? null,
    tfBytes: stats?.tfBytes ?? null,
    openCvHeapBytes: stats?.openCvHeapBytes ?? null,
  };
}

export async function measureMemory(
  browser: Browser,
  url: string,
  low: number,
  high: number,
): Promise<MemorySnapshot[]> {
  const context = await browser.newContext();
  try {
    const { page } = await openPage(context, url);
    await page.getByTestId('mode-draw').click();
    const out: MemorySnapshot[] = [];
    for (let i = 1; i <= high; i++) {
      await drawCycle(page, i);
      if (i === low || i === high) out.push(await snapshot(page, i));
    }
    return out;
  } finally {
    await context.close();
  }
}
