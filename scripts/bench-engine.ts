/**
 * Engine speed and memory in Node.
 *
 *   npm run bench:engine -- [--runs 30] [--leak-runs 500] [--backends cpu,wasm]
 *                           [--model public/model/model.json]
 *
 * 1. For each backend: `recognize` on a 1600x1200 photo-like image with 8 digits, median over
 *    --runs after warm-up, with per-stage medians.
 * 2. With the faster backend: --leak-runs recognitions in a row; tf.memory().numTensors must
 *    not change and the OpenCV heap must not grow.
 * Uses the trained model when it exists, otherwise a random-weights model of the same contract.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { loadOpenCV, openCvHeapBytes } from '../src/engine/opencv';
import { createRecognizer, type Recognizer } from '../src/engine/recognize';
import { tinyModelHandler } from '../src/engine/testing/tinyModel';
import type { BackendName } from '../src/engine/types';
import { renderBenchPhoto } from '../src/node/evalset/compose';
import { digitSource, HELD_OUT_SEED, jpegRoundTrip } from '../src/node/evalset/generate';
import { createRng } from '../src/node/evalset/prng';
import { fsModelHandler } from '../src/node/fsModelHandler';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '30' },
    'leak-runs': { type: 'string', default: '500' },
    backends: { type: 'string', default: 'cpu,wasm' },
    model: { type: 'string', default: 'public/model/model.json' },
  },
});

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  const runs = Number(values.runs);
  const leakRuns = Number(values['leak-runs']);
  const realModel = existsSync(values.model);
  const sample = renderBenchPhoto(
    createRng(HELD_OUT_SEED),
    digitSource(HELD_OUT_SEED),
    jpegRoundTrip,
  );
  console.log(
    `image ${sample.image.width}x${sample.image.height}, ${sample.text.length} digits ("${sample.text}"), ` +
      `model: ${realModel ? values.model : 'random-weights stand-in (no trained model found)'}`,
  );
  const medians: Partial<Record<BackendName, number>> = {};
  let last: Recognizer | null = null;
  for (const backend of values.backends.split(',') as BackendName[]) {
    last?.dispose();
    const model = realModel ? fsModelHandler(values.model) : await tinyModelHandler();
    const r = await createRecognizer({ model, backends: [backend] });
    last = r;
    for (let i = 0; i < 5; i++) await r.recognize(sample.image);
    const totals: number[] = [];
    const stages: Record<string, number[]> = {};
    let text = '';
    // CPU time too: on a shared machine wall time includes waiting for a core.
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < runs; i++) {
      const out = await r.recognize(sample.image);
      text = out.text;
      totals.push(out.timings.total!);
      for (const [k, v] of Object.entries(out.timings)) (stages[k] ??= []).push(v);
    }
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000 / runs;
    medians[backend] = median(totals);
    const stageText = Object.entries(stages)
      .filter(([k]) => k !== 'total')
      .map(([k, v]) => `${k} ${median(v).toFixed(1)}`)
      .join(', ');
    console.log(
      `${r.backend.padEnd(5)} median ${median(totals).toFixed(1)} ms over ${runs} runs ` +
        `(min ${Math.min(...totals).toFixed(1)}, max ${Math.max(...totals).toFixed(1)}; ` +
        `mean CPU time ${cpuMs.toFixed(1)} ms); read ${JSON.stringify(text)}`,
    );
    console.log(`      stages (median ms): ${stageText}`);
  }
  const fastest = (Object.entries(medians) as [BackendName, number][]).sort(
    (a, b) => a[1] - b[1],
  )[0]!;
  console.log(`faster backend in Node: ${fastest[0]} (${fastest[1].toFixed(1)} ms)`);
  last?.dispose();

  const cv = await loadOpenCV();
  const model = realModel ? fsModelHandler(values.model) : await tinyModelHandler();
  const r = await createRecognizer({ model, backends: [fastest[0]] });
  for (let i = 0; i < 3; i++) await r.recognize(sample.image, { stages: true });
  const tensorsBefore = tf.memory().numTensors;
  const heapBefore = openCvHeapBytes(cv);
  const t0 = performance.now();
  for (let i = 0; i < leakRuns; i++) await r.recognize(sample.image, { stages: i % 50 === 0 });
  const seconds = (performance.now() - t0) / 1000;
  const tensorsAfter = tf.memory().numTensors;
  const heapAfter = openCvHeapBytes(cv);
  console.log(
    `${leakRuns} recognitions in ${seconds.toFixed(1)} s on ${r.backend}: ` +
      `tensors ${tensorsBefore} -> ${tensorsAfter}, OpenCV heap ${(heapBefore / 2 ** 20).toFixed(1)} -> ` +
      `${(heapAfter / 2 ** 20).toFixed(1)} MiB`,
  );
  r.dispose();
  const ok = tensorsAfter === tensorsBefore && heapAfter <= heapBefore;
  console.log(ok ? 'memory: OK (no growth)' : 'memory: LEAK');
  process.exitCode = ok ? 0 : 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
