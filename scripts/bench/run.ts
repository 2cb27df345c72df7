/**
 * `npm run bench`: builds the app, serves the production build on a free 127.0.0.1 port, drives
 * it in headless Chromium and writes BENCHMARKS.md (and the raw numbers to .bench/results.json).
 *
 *   tsx scripts/bench/run.ts [--no-build] [--quick] [--out FILE]
 *
 * --quick runs a few samples of each measurement (for working on this script, not for numbers).
 */
import { appendFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { batchReport, measureBatch, workerStats } from './batch';
import { byteCosts, distPath, type ByteCosts } from './bytes';
import { machineInfo, sampleLoad, type MachineInfo } from './machine';
import { writeBenchPhoto, type BenchPhoto } from './photo';
import { liveSection, measureLive, type LiveBench } from './live';
import {
  LOAD_STEPS,
  PROBE_SOURCE,
  type LoadSteps,
  type ProbeSample,
  type ProbeState,
} from './probe';
import { renderReport } from './report';
import { build, freePort, startPreview } from './server';

const BENCH_DIR = '.bench';
const OUT_DIR = join(BENCH_DIR, 'dist');
const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
type Backend = (typeof BACKENDS)[number];

interface Counts {
  loads: number;
  strokes: number;
  photos: number;
  inference: number;
  memoryLow: number;
  memoryHigh: number;
}
const FULL: Counts = {
  loads: 5,
  strokes: 20,
  photos: 10,
  inference: 6,
  memoryLow: 20,
  memoryHigh: 500,
};
const QUICK: Counts = {
  loads: 2,
  strokes: 4,
  photos: 2,
  inference: 2,
  memoryLow: 4,
  memoryHigh: 12,
};

export interface LoadSample {
  /** `digit-lens:interactive` mark, ms after navigation start. */
  interactive: number | null;
  /** `digit-lens:engine-ready` mark; null when the engine did not become ready. */
  engineReady: number | null;
  engineState: string;
  backend: string;
  controlled: boolean;
  steps: LoadSteps;
}

export interface BackendRun {
  requested: Backend;
  used: string;
  engineState: string;
  engineReady: number | null;
  classify: number[];
  total: number[];
  photo: ProbeSample[];
  /** A single drawn digit: stroke-to-result and its classify time on this backend. */
  stroke: ProbeSample[];
  strokeClassify: number[];
  error?: string;
}

export interface MemorySnapshot {
  recognitions: number;
  jsHeap: number;
  numTensors: number | null;
  tfBytes: number | null;
  openCvHeapBytes: number | null;
}

export interface BenchResults {
  startedAt: string;
  finishedAt: string;
  durationS: number;
  machine: MachineInfo;
  loadAvgEnd: number[];
  /** 1-minute load average sampled during the run. */
  loadDuring: { min: number; mean: number; max: number; samples: number };
  otherLoadEnd: string[];
  chromium: string;
  counts: Counts;
  photo: BenchPhoto;
  engineError: string | null;
  cold: LoadSample[];
  warm: LoadSample[];
  strokes: ProbeSample[];
  strokeTimings: Record<string, number>[];
  photos: ProbeSample[];
  photoTimings: Record<string, number>[];
  backends: BackendRun[];
  memory: MemorySnapshot[];
  bytes: ByteCosts | null;
  live: LiveBench | null;
  notes: string[];
}

interface StageTimings {
  [stage: string]: number;
}

const ENGINE_TIMEOUT = 90_000;
const RESULT_TIMEOUT = 60_000;

async function engineSettled(page: Page): Promise<{ state: string; backend: string }> {
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

async function readLoad(page: Page): Promise<LoadSample> {
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

async function engineErrorText(page: Page): Promise<string | null> {
  const status = await page.getByTestId('engine-status').getAttribute('data-state');
  if (status !== 'error') return null;
  const msg = page.getByTestId('error-message').first();
  return (await msg.count()) > 0 ? ((await msg.textContent()) ?? 'error').trim() : 'error';
}

/** Cold: a fresh context (empty HTTP cache, no service worker). Warm: reload once it controls. */
async function measureLoads(
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

type JsSeen = Record<'main' | 'worker', string[]>;

/**
 * Which JS each thread loads: the main window's resource timing lists only main-thread fetches
 * (plus the worker's own script, known from the `worker` event); everything else the page's
 * network saw was fetched by the worker.
 */
function watchScripts(page: Page): { collect: () => Promise<JsSeen> } {
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

async function openPage(
  context: BrowserContext,
  url: string,
): Promise<{ page: Page; state: string; backend: string }> {
  const page = await context.newPage();
  await page.goto(url);
  await page.evaluate(PROBE_SOURCE);
  const { state, backend } = await engineSettled(page);
  return { page, state, backend };
}

async function probe(page: Page): Promise<ProbeState> {
  return page.evaluate(() => (window as unknown as { __bench: ProbeState }).__bench);
}

async function lastTimings(page: Page): Promise<StageTimings | null> {
  return page.evaluate(() =>
    (
      window as unknown as { digitLens: { lastTimings: () => StageTimings | null } }
    ).digitLens.lastTimings(),
  );
}

/** A "1": one vertical mouse stroke, shifted a little each time. */
async function strokeOne(page: Page, i: number): Promise<void> {
  const box = await page.getByTestId('draw-canvas').boundingBox();
  if (!box) throw new Error('draw-canvas has no box');
  const x = box.x + box.width * (0.42 + 0.02 * (i % 8));
  await page.mouse.move(x + 6, box.y + box.height * 0.2);
  await page.mouse.down();
  await page.mouse.move(x, box.y + box.height * 0.8, { steps: 6 });
  await page.mouse.up();
}

/** Draws, waits for the result, reads its stage timings, clears. */
async function drawCycle(
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

type Cycle = (
  page: Page,
  i: number,
) => Promise<{ sample: ProbeSample; timings: StageTimings | null }>;

/** Opens the app in a mode, runs `warmUps` unrecorded cycles, then `n` recorded ones. */
async function measureCycles(
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
const measureStrokes = (browser: Browser, url: string, n: number) =>
  measureCycles(browser, url, 'draw', 2, n, (page, i) => drawCycle(page, i, true));

/** Uploads the photo (after clearing earlier ones); returns the sample and the stage timings. */
async function uploadCycle(
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

const measurePhotos = (browser: Browser, url: string, photo: BenchPhoto, n: number) =>
  measureCycles(browser, url, 'upload', 1, n, (page) => uploadCycle(page, photo));

async function measureBackend(
  browser: Browser,
  url: string,
  backend: Backend,
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

async function snapshot(page: Page, recognitions: number): Promise<MemorySnapshot> {
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

async function measureMemory(
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

async function section<T>(name: string, notes: string[], fn: () => Promise<T>): Promise<T | null> {
  const t0 = Date.now();
  process.stdout.write(`bench: ${name}... `);
  try {
    const r = await fn();
    console.log(`${((Date.now() - t0) / 1000).toFixed(1)} s`);
    return r;
  } catch (err) {
    const msg = err instanceof Error ? err.message.split('\n')[0]! : String(err);
    console.log(`failed: ${msg}`);
    notes.push(`${name} failed: ${msg}`);
    return null;
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const counts = args.includes('--quick') ? QUICK : FULL;
  const outIndex = args.indexOf('--out');
  const outFile = outIndex >= 0 ? args[outIndex + 1]! : 'BENCHMARKS.md';
  const started = new Date();
  const machine = machineInfo();
  const sampler = sampleLoad();
  console.log(
    `bench: load average ${machine.loadAvg.map((l) => l.toFixed(2)).join(' ')}` +
      (machine.otherLoad.length ? `; also running: ${machine.otherLoad.join(', ')}` : ''),
  );

  if (!args.includes('--no-build')) build(OUT_DIR);
  const photo = writeBenchPhoto(join(BENCH_DIR, 'photo-2000x1500-8.jpg'));
  const port = await freePort();
  const server = await startPreview(OUT_DIR, port);
  const notes: string[] = [];
  let browser: Browser | null = null;
  try {
    browser = await chromium.launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: [
        ...chromiumArgs,
        '--enable-precise-memory-info',
        '--js-flags=--expose-gc',
        // Nothing but the preview server: no name resolves, and any other address goes to a
        // dead proxy (Chromium never proxies loopback).
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
        '--proxy-server=http://127.0.0.1:9',
      ],
    });
    const b = browser;
    const url = server.url;
    const loads = await section('cold and warm loads', notes, () =>
      measureLoads(b, `${url}/`, counts.loads, notes),
    );
    const strokes = await section('canvas strokes', notes, () =>
      measureStrokes(b, `${url}/`, counts.strokes),
    );
    const photos = await section('photo uploads', notes, () =>
      measurePhotos(b, `${url}/`, photo, counts.photos),
    );
    const backends: BackendRun[] = [];
    for (const backend of BACKENDS) {
      const r = await section(`inference on ${backend}`, notes, () =>
        measureBackend(b, url, backend, photo, counts.inference),
      );
      if (r) backends.push(r);
    }
    const memory = await section('memory', notes, () =>
      measureMemory(b, `${url}/`, counts.memoryLow, counts.memoryHigh),
    );
    const live = await section('live camera', notes, () => measureLive(url));
    const bytes = loads ? byteCosts(OUT_DIR, loads.js.main, loads.js.worker) : null;
    const finished = new Date();
    const results: BenchResults = {
      startedAt: started.toISOString(),
      finishedAt: finished.toISOString(),
      durationS: Math.round((finished.getTime() - started.getTime()) / 1000),
      machine,
      loadAvgEnd: machineInfo().loadAvg,
      loadDuring: sampler.stop(),
      otherLoadEnd: machineInfo().otherLoad,
      chromium: b.version(),
      counts,
      photo,
      engineError: loads?.engineError ?? null,
      cold: loads?.cold ?? [],
      warm: loads?.warm ?? [],
      strokes: strokes?.samples ?? [],
      strokeTimings: strokes?.timings ?? [],
      photos: photos?.samples ?? [],
      photoTimings: photos?.timings ?? [],
      backends,
      memory: memory ?? [],
      bytes,
      live,
      notes,
    };
    writeFileSync(join(BENCH_DIR, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
    const report = renderReport(results) + liveSection(live).join('\n');
    writeFileSync(outFile, report);
    appendFileSync(
      outFile,
      batchReport(await section('500-photo batch', notes, () => measureBatch(b, url, photo))),
    );
    console.log(`\n${report}`);
    console.log(`bench: wrote ${outFile} and ${join(BENCH_DIR, 'results.json')}`);
  } finally {
    await browser?.close();
    server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
