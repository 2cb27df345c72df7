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
import { chromium, type Browser } from '@playwright/test';
import { chromiumArgs } from '../../playwright.config';
import { BACKENDS } from '../../src/engine/backends';
import { PREVIEW_HOST } from '../vite/previewAddress';
import { batchReport, measureBatch } from './batch';
import { byteCosts } from './bytes';
import { measureLoads } from './loads';
import { machineInfo, sampleLoad } from './machine';
import { writeBenchPhoto, type BenchPhoto } from './photo';
import { largePhotosReport, measureLargePhotos } from './largePhotos';
import { liveSection, measureLive } from './live';
import { renderReport } from './report';
import { FULL, QUICK, type BackendRun, type BenchResults, type Counts } from './results';
import { build, freePort, startPreview } from './server';
import { measureBackend, measureMemory, measurePhotos, measureStrokes } from './sessions';

const BENCH_DIR = '.bench';
const OUT_DIR = join(BENCH_DIR, 'dist');

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

function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      ...chromiumArgs,
      '--enable-precise-memory-info',
      '--js-flags=--expose-gc',
      // Nothing but the preview server: no name resolves, and any other address goes to a
      // dead proxy (Chromium never proxies loopback).
      `--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE ${PREVIEW_HOST}`,
      '--proxy-server=http://127.0.0.1:9',
    ],
  });
}

/** The run's sections in order; a failed one is noted and left out. */
async function measureAll(b: Browser, url: string, counts: Counts, photo: BenchPhoto) {
  const notes: string[] = [];
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
  // The app's preference order. Each backend gets a fresh context, so the order changes
  // only the order of the report's rows (it was webgl, wasm, cpu before the lists became one).
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
  return { notes, loads, strokes, photos, backends, memory, live };
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
  let browser: Browser | null = null;
  try {
    browser = await launchBrowser();
    const b = browser;
    const url = server.url;
    const { notes, loads, strokes, photos, backends, memory, live } = await measureAll(
      b,
      url,
      counts,
      photo,
    );
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
      largePhotosReport(
        await section('12 and 24 MP photos', notes, () => measureLargePhotos(b, url)),
      ),
    );
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
