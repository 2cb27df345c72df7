/** BENCHMARKS.md from one run's results: conditions first, then each measurement against its target. */
import { sum, type FileCost } from './bytes';
import type { BackendRun, BenchResults, LoadSample, MemorySnapshot } from './results';
import { summarize, type Summary } from './stats';

const ms = (v: number): string => `${Math.round(v)} ms`;
const kb = (bytes: number): string => `${(bytes / 1024).toFixed(1)} KB`;
const mb = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

type Verdict = 'PASS' | 'MISS' | 'n/a';
const verdict = (value: number | null | undefined, limit: number): Verdict =>
  value === null || value === undefined ? 'n/a' : value <= limit ? 'PASS' : 'MISS';

function timingRow(label: string, values: number[], target: number, note = ''): string {
  const s: Summary | null = summarize(values);
  if (!s) return `| ${label} | n/a | | | | 0 | <= ${ms(target)} | n/a ${note} |`;
  return `| ${label} | **${ms(s.median)}** | ${ms(s.min)} | ${ms(s.p90)} | ${ms(s.max)} | ${s.n} | <= ${ms(target)} | ${verdict(s.median, target)} ${note} |`;
}

const marks = (samples: LoadSample[], key: 'interactive' | 'engineReady'): number[] =>
  samples.map((s) => s[key]).filter((v): v is number => v !== null);

function medianOf(values: number[]): string {
  const s = summarize(values);
  return s ? ms(s.median) : 'n/a';
}

function stageSplit(timings: Record<string, number>[]): string {
  if (timings.length === 0) return 'n/a';
  const keys = Object.keys(timings[0]!);
  return keys
    .map((k) => {
      const s = summarize(timings.map((t) => t[k]).filter((v): v is number => v !== undefined));
      return s ? `${k} ${s.median.toFixed(1)}` : '';
    })
    .filter(Boolean)
    .join(', ');
}

/** Median end-to-end minus median engine total: what the pipeline timings do not cover. */
function outside(endToEnd: number[], timings: Record<string, number>[]): string {
  const e = summarize(endToEnd);
  const t = summarize(timings.map((x) => x.total).filter((v): v is number => v !== undefined));
  return e && t ? `about ${ms(e.median - t.median)} (${ms(e.median)} - ${ms(t.median)})` : 'n/a';
}

const STEPS = [
  ['opencv', 'OpenCV.js loaded (wasm streamed and compiled, runtime up)'],
  ['backend', 'tfjs backend ready'],
  ['model', 'models loaded (digits + pair check)'],
  ['warmup', 'warm-up done'],
] as const;

/** Engine start-up: when each step was done. OpenCV loads alongside the other three. */
function stepRows(cold: LoadSample[], warm: LoadSample[]): string[] {
  if (!cold.some((s) => Object.values(s.steps).some((v) => v != null))) return [];
  const at = (samples: LoadSample[], k: (typeof STEPS)[number][0]): number[] =>
    samples.map((s) => s.steps[k]).filter((v): v is number => v != null);
  const lines = [
    '| engine start-up step done (ms after navigation start, median) | cold | warm |',
    '|---|---|---|',
  ];
  for (const [k, name] of STEPS) {
    lines.push(`| ${name} | ${medianOf(at(cold, k))} | ${medianOf(at(warm, k))} |`);
  }
  lines.push(
    '',
    'OpenCV.js (its wasm fetched and compiled while it downloads, started by the worker before',
    'the UI asks) runs alongside the tfjs steps, which follow one another; ready is the later of',
    'the two. Read from `digit-lens:<step>-done` performance marks the page sets.',
  );
  return lines;
}

function backendTable(runs: BackendRun[]): string[] {
  const lines = [
    '| requested | used | engine ready (cold) | classify, 8 digits: median | min | max | n | photo pipeline total, median | photo to batch item done, median | classify, 1 drawn digit: median | stroke to result, median |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of runs) {
    const s = summarize(r.classify);
    const used = r.used === r.requested ? r.used : `**${r.used || 'none'}** (fallback)`;
    const ready =
      r.engineReady === null ? `n/a (${r.engineState || 'no state'})` : ms(r.engineReady);
    const photoE2e = medianOf(r.photo.filter((x) => x.status === 'done').map((x) => x.ms));
    const stroke = `${medianOf(r.strokeClassify)} | ${medianOf(r.stroke.filter((x) => x.status === 'done').map((x) => x.ms))}`;
    lines.push(
      s
        ? `| ${r.requested} | ${used} | ${ready} | **${ms(s.median)}** | ${ms(s.min)} | ${ms(s.max)} | ${s.n} | ${medianOf(r.total)} | ${photoE2e} | ${stroke} |`
        : `| ${r.requested} | ${used} | ${ready} | n/a${r.error ? ` (${r.error})` : ''} | | | 0 | | | ${stroke} |`,
    );
  }
  return lines;
}

function recommendation(runs: BackendRun[]): string {
  const measured = runs
    .filter((r) => r.used === r.requested && r.classify.length > 0)
    .map((r) => ({
      backend: r.requested,
      median: summarize(r.classify)!.median,
      single: summarize(r.strokeClassify)?.median ?? null,
      ready: r.engineReady,
    }))
    .sort((a, b) => a.median - b.median);
  if (measured.length === 0)
    return 'No backend classified the photo: no recommendation from this run.';
  const order = measured.map((m) => `${m.backend} (${ms(m.median)})`).join(' < ');
  const singles = measured.filter((m) => m.single !== null).sort((a, b) => a.single! - b.single!);
  const singleOrder = singles.map((m) => `${m.backend} (${ms(m.single!)})`).join(' < ');
  const agree = singles[0]?.backend === measured[0]!.backend;
  const readyNote = measured
    .map((m) => `${m.backend} ${m.ready === null ? 'n/a' : ms(m.ready)}`)
    .join(', ');
  return (
    `Fastest inference for a batch of 8 digits: **${measured[0]!.backend}** (${order}). ` +
    (singles.length
      ? `For one drawn digit: ${singleOrder}${agree ? ', the same winner' : ', a different winner'}. `
      : '') +
    `Recommended default backend order by this measurement: **${measured.map((m) => m.backend).join(', ')}**` +
    `${singles.length && !agree ? ' for photos; see the single-digit order for drawings' : ''}. ` +
    `Engine ready (cold) by backend: ${readyNote}.`
  );
}

function memoryRows(snaps: MemorySnapshot[]): string[] {
  const [low, high] = [snaps[0], snaps[snaps.length - 1]];
  if (!low || !high || low === high) return ['Memory was not measured (see notes).'];
  const row = (
    label: string,
    a: number | null,
    b: number | null,
    fmt: (v: number) => string,
  ): string =>
    a === null || b === null
      ? `| ${label} | n/a | n/a | n/a |`
      : `| ${label} | ${fmt(a)} | ${fmt(b)} | ${b - a >= 0 ? '+' : ''}${fmt(b - a)}${a > 0 ? ` (${(((b - a) / a) * 100).toFixed(1)} %)` : ''} |`;
  const heapGrowth = (high.jsHeap - low.jsHeap) / low.jsHeap;
  const tensorVerdict: Verdict =
    low.numTensors === null || high.numTensors === null
      ? 'n/a'
      : high.numTensors <= low.numTensors
        ? 'PASS'
        : 'MISS';
  return [
    `| | after ${low.recognitions} recognitions | after ${high.recognitions} | change |`,
    '|---|---|---|---|',
    row('main-thread JS heap (after gc)', low.jsHeap, high.jsHeap, mb),
    row('tfjs tensors (worker)', low.numTensors, high.numTensors, (v) => String(v)),
    row('tfjs bytes (worker)', low.tfBytes, high.tfBytes, kb),
    row('OpenCV WASM heap (worker)', low.openCvHeapBytes, high.openCvHeapBytes, mb),
    '',
    `- No growth in tensors: **${tensorVerdict}**`,
    `- JS heap within 10 %: **${heapGrowth <= 0.1 ? 'PASS' : 'MISS'}** (${(heapGrowth * 100).toFixed(1)} %)`,
    `- The OpenCV heap never shrinks (WASM memory); growth here means a Mat leaked or a larger image was seen.`,
  ];
}

function bytesRows(r: BenchResults): string[] {
  const b = r.bytes;
  if (!b) return ['Bytes were not measured (see notes).'];
  const list = (files: FileCost[]): string => files.map((f) => `\`${f.path}\``).join(', ');
  const mainGz = sum(b.mainJs, 'gzip');
  const isOpenCv = (f: FileCost): boolean => /\/opencv-[\w-]+\.wasm$/.test(f.path);
  const wasm = b.precache.files.filter((f) => f.path.endsWith('.wasm') && !isOpenCv(f));
  const openCv = b.precache.files.filter(isOpenCv);
  return [
    '| what | raw | gzip | target | result | files |',
    '|---|---|---|---|---|---|',
    `| main-thread JS | ${kb(sum(b.mainJs, 'raw'))} | **${kb(mainGz)}** | <= 250 KB gzip | ${verdict(mainGz, 250 * 1024)} | ${list(b.mainJs)} |`,
    `| worker JS (worker, tfjs, OpenCV.js glue) | ${kb(sum(b.workerJs, 'raw'))} | **${kb(sum(b.workerJs, 'gzip'))}** | | | ${list(b.workerJs)} |`,
    `| OpenCV.js WebAssembly (own file, stream-compiled) | ${kb(sum(openCv, 'raw'))} | ${kb(sum(openCv, 'gzip'))} | | | ${list(openCv)} |`,
    `| tfjs WASM binaries (precached; fetched when the wasm backend runs) | ${kb(sum(wasm, 'raw'))} | ${kb(sum(wasm, 'gzip'))} | | | ${wasm.length} files |`,
    b.model.length > 0
      ? `| models: digits, pair check, line reader (model.json + shards) | **${kb(sum(b.model, 'raw'))}** | ${kb(sum(b.model, 'gzip'))} | <= 2.5 MB raw | ${verdict(sum(b.model, 'raw'), 2.5 * 1024 * 1024)} | ${list(b.model)} |`
      : '| models (model.json + shards) | n/a: no public/model/model.json in this build | | | | |',
    `| total precache (sw.js manifest) | **${mb(sum(b.precache.files, 'raw'))}** | ${mb(sum(b.precache.files, 'gzip'))} | | | ${b.precache.files.length} files${b.precache.duplicates ? ` (${b.precache.entries} manifest entries, ${b.precache.duplicates} listed twice)` : ''} |`,
  ];
}

export function renderReport(r: BenchResults): string {
  const m = r.machine;
  const others = [...new Set([...m.otherLoad, ...r.otherLoadEnd])];
  const idle =
    others.length === 0 && m.loadAvg[0]! < 1
      ? 'yes'
      : `**no**: ${others.length ? `also running \`${others.join('`, `')}\`` : `load average ${m.loadAvg[0]!.toFixed(2)} before the benchmark started`}`;
  const backendUsed =
    [...new Set(r.cold.map((s) => s.backend).filter(Boolean))].join(', ') || 'none';
  const strokesDone = r.strokes.filter((s) => s.status === 'done');
  const photosDone = r.photos.filter((s) => s.status === 'done');
  const errors = (n: number, total: number): string =>
    total - n > 0 ? `(${total - n} of ${total} ended in error, not counted)` : '';
  const photoTexts = [...new Set(photosDone.map((s) => s.text))];

  const lines = [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (scripts/bench/run.ts): a production build served by `vite preview` on',
    '127.0.0.1, driven in headless Chromium. Medians with min, p90 and max; times in ms. Re-run it after',
    'any change that could move these numbers, on an otherwise idle machine.',
    '',
    '## Conditions',
    '',
    `- Date: ${r.startedAt} (run took ${r.durationS} s)`,
    `- Machine: ${m.cpu}, ${m.cores} cores, ${m.ramGiB} GiB RAM; ${m.os}`,
    `- Node ${m.node}; Chromium ${r.chromium} (headless)`,
    `- Load average at start ${m.loadAvg.map((l) => l.toFixed(2)).join(' / ')}, at end ${r.loadAvgEnd.map((l) => l.toFixed(2)).join(' / ')} (1/5/15 min); during the run ${r.loadDuring.min.toFixed(1)} to ${r.loadDuring.max.toFixed(1)}, mean ${r.loadDuring.mean.toFixed(1)} (1 min, every 5 s; the benchmark itself keeps about 2 busy). Otherwise idle: ${idle}`,
    `- Default tfjs backend chosen by the app (no query parameter): ${backendUsed}`,
    `- Engine: ${r.engineError ? `**error state**: "${r.engineError}" (recognition numbers below are missing)` : r.cold.length ? 'ready' : 'unknown (loads not measured)'}`,
    `- Photo: ${r.photo.bytes} bytes JPEG, 2000x1500, 8 MNIST test digits "${r.photo.text}" (scripts/bench/photo.ts)`,
    '',
    '## Load and response times',
    '',
    '| measurement | median | min | p90 | max | n | target | result |',
    '|---|---|---|---|---|---|---|---|',
    timingRow(
      'cold load: interactive UI (`digit-lens:interactive`)',
      marks(r.cold, 'interactive'),
      1000,
    ),
    timingRow(
      'cold load: engine ready (`digit-lens:engine-ready`)',
      marks(r.cold, 'engineReady'),
      1000,
    ),
    timingRow('warm load (service worker): interactive UI', marks(r.warm, 'interactive'), 1000),
    timingRow('warm load (service worker): engine ready', marks(r.warm, 'engineReady'), 500),
    timingRow(
      'canvas: pointerup to result done',
      strokesDone.map((s) => s.ms),
      60,
      errors(strokesDone.length, r.strokes.length),
    ),
    timingRow(
      'photo 2000x1500, 8 digits: file chosen to batch item done',
      photosDone.map((s) => s.ms),
      400,
      errors(photosDone.length, r.photos.length),
    ),
    '',
    'Cold: a fresh browser context (empty HTTP cache, no service worker). Warm: the same context',
    'reloaded after `navigator.serviceWorker.ready`, with the page controlled by the service worker.',
    'Canvas: a mouse stroke (a "1") on `draw-canvas`, timed in the page from the `pointerup` capture',
    'listener to the MutationObserver seeing `result` at `data-status=done`; the pad is cleared between',
    'strokes; 2 warm-up strokes are not counted. Photo: `change` on `file-input` to the batch item at',
    '`data-status=done` (decoding in the worker, pipeline with stage images, classification,',
    'transfer, render); 1 warm-up upload is not counted.',
    '',
    ...stepRows(r.cold, r.warm),
    '',
    `- Stage split, canvas stroke (engine timings, median ms): ${stageSplit(r.strokeTimings)}`,
    `- Stage split, photo (engine timings, median ms): ${stageSplit(r.photoTimings)}`,
    `- Photo, outside the engine's timed pipeline (file decode in the worker, messages, React render): ${outside(
      photosDone.map((x) => x.ms),
      r.photoTimings,
    )}`,
    `- Canvas stroke, outside the engine's timed pipeline (pad export, messages, render): ${outside(
      strokesDone.map((x) => x.ms),
      r.strokeTimings,
    )}`,
    `- Photo read as: ${photoTexts.length ? photoTexts.map((t) => `"${t.replace(/\n/g, '\\n')}"`).join(', ') : 'n/a'} (expected "${r.photo.text}")`,
    `- Canvas strokes read as: ${[...new Set(strokesDone.map((s) => `"${s.text}"`))].join(', ') || 'n/a'} (a vertical stroke, expected "1")`,
    '',
    '## tfjs inference per backend (8 digits, one batch)',
    '',
    '`/?backend=X` in a fresh context: first a drawn "1" (2 warm-up strokes, then',
    `${r.counts.inference} strokes), then the photo uploaded once as warm-up and then ${r.counts.inference} times;`,
    '`window.digitLens.lastTimings().classify` of each result.',
    '',
    ...backendTable(r.backends),
    '',
    recommendation(r.backends),
    '',
    '## Memory (drawing: stroke, result, clear)',
    '',
    'Main thread: `performance.memory.usedJSHeapSize` (`--enable-precise-memory-info`) after `gc()`',
    '(`--js-flags=--expose-gc`). Worker: `window.digitLens.stats()`.',
    '',
    ...memoryRows(r.memory),
    '',
    '## Bytes',
    '',
    "gzip at zlib level 6 of the files in the build. Main thread: every JS file in the main window's",
    'resource timing on a cold load. Worker: the worker script and what it fetched.',
    '',
    ...bytesRows(r),
    '',
  ];
  if (r.notes.length) lines.push('## Notes', '', ...r.notes.map((n) => `- ${n}`), '');
  return `${lines.join('\n')}`;
}
