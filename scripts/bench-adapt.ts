/**
 * How much "Learn my handwriting" helps, measured on real writers.
 *
 *   npm run bench:adapt -- [--data ../shared/data/unipen/digits.json] [--draws 10]
 *                          [--min-digits 20] [--tune] [--cache FILE] [--seed 1]
 *
 * Every UNIPEN development digit is rendered the way the drawing pad renders strokes and read
 * by the real engine (public/model, wasm). For each writer, k = 1, 3, 5 digits per class
 * become personal samples (as if the user had corrected them) and the writer's other digits
 * are scored before and after, over --draws random draws; accuracies are averaged over writers.
 * Writers sorted by name: even positions tune the method (--tune runs the grid on them), odd
 * positions report. The data has at most 4 digits per class per writer, so each class keeps at
 * least one digit to test and "k" is capped at (that class's count - 1).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { loadClassifier } from '../src/engine/classifier/model';
import { DEFAULT_ADAPT, type AdaptConfig, type Aggregate } from '../src/engine/personal/adapt';
import {
  evaluate,
  evaluateCorrections,
  splitWriters,
  type ReadDigit,
  type Summary,
} from '../src/node/adaptEval';
import { createRng } from '../src/node/evalset/prng';
import { fsModelHandler } from '../src/node/fsModelHandler';
import { createNodeRecognizer, DEFAULT_MODEL_PATH } from '../src/node/nodeRecognizer';
import { loadUnipenDigits, renderPenDigit, UNIPEN_DIGITS } from '../src/node/unipen';

const { values } = parseArgs({
  options: {
    data: { type: 'string', default: UNIPEN_DIGITS },
    draws: { type: 'string', default: '10' },
    'min-digits': { type: 'string', default: '20' },
    tune: { type: 'boolean', default: false },
    cache: { type: 'string' },
    seed: { type: 'string', default: '1' },
    /** A method to try instead of the shipped one, as JSON (e.g. {"beta":8}). */
    config: { type: 'string' },
  },
});

interface Cached {
  label: number;
  writer: string;
  text: string;
  probabilities?: number[];
  features?: number[];
}

async function readAll(): Promise<Cached[]> {
  if (values.cache && existsSync(values.cache)) {
    return JSON.parse(readFileSync(values.cache, 'utf8')) as Cached[];
  }
  const samples = loadUnipenDigits(values.data);
  const recognizer = await createNodeRecognizer();
  const classifier = await loadClassifier(fsModelHandler(DEFAULT_MODEL_PATH));
  const out: Cached[] = [];
  let mismatches = 0;
  for (const [i, s] of samples.entries()) {
    const result = await recognizer.recognize(renderPenDigit(s));
    const digits = result.lines.flatMap((l) => l.digits);
    const entry: Cached = { label: s.label, writer: s.writer, text: result.text };
    if (digits.length === 1) {
      const [p] = await classifier.predictWithFeatures([digits[0]!.crop28]);
      if (p!.label !== digits[0]!.label) mismatches++;
      entry.probabilities = Array.from(p!.probabilities);
      entry.features = Array.from(p!.features);
    }
    out.push(entry);
    if (i % 500 === 499) process.stderr.write(`read ${i + 1}/${samples.length}\n`);
  }
  recognizer.dispose();
  classifier.dispose();
  // The features come from a second copy of the model: it must read exactly as the engine did.
  if (mismatches > 0) throw new Error(`${mismatches} digits read differently by the feature view`);
  if (values.cache) writeFileSync(values.cache, JSON.stringify(out));
  return out;
}

function byWriter(all: Cached[]): Map<string, ReadDigit[]> {
  const map = new Map<string, ReadDigit[]>();
  for (const c of all) {
    const d: ReadDigit = {
      label: c.label,
      text: c.text,
      ...(c.features && c.probabilities
        ? {
            read: {
              probabilities: Float32Array.from(c.probabilities),
              features: Float32Array.from(c.features),
            },
          }
        : {}),
    };
    map.set(c.writer, [...(map.get(c.writer) ?? []), d]);
  }
  const min = Number(values['min-digits']);
  for (const [w, ds] of map) if (ds.length < min) map.delete(w);
  return map;
}

const pct = (x: number): string => `${(x * 100).toFixed(1)}%`;

function row(k: number, s: Summary): string {
  return `| ${k} | ${s.samplesPerClass.toFixed(2)} | ${pct(s.accuracyBefore)} | ${pct(s.accuracyAfter)} | ${pct(s.errorReduction)} |`;
}

function tune(writers: ReadDigit[][], draws: number, seed: number): AdaptConfig {
  let best: { config: AdaptConfig; score: number } | null = null;
  const aggregates: Aggregate[] = ['nearest', 'sum', 'prototype'];
  for (const aggregate of aggregates)
    for (const beta of [2, 4, 8, 16, 32, 64])
      for (const tau of [0.05, 0.1, 0.2, 0.4])
        for (const minSimilarity of [0.6, 0.7, 0.8, 0.9]) {
          const config = { aggregate, beta, tau, minSimilarity };
          // The goal is set at k = 3 per digit; the corrections-only scenario (samples of the
          // misread classes only) keeps out a method that overrides the model too eagerly.
          const s3 = evaluate(writers, 3, draws, createRng(seed), config);
          const online = evaluateCorrections(writers, draws, createRng(seed), config);
          const score = Math.min(s3.errorReduction, online.errorReduction);
          if (!best || score > best.score) best = { config, score };
        }
  return best!.config;
}

async function main(): Promise<void> {
  const started = performance.now();
  const all = await readAll();
  const writers = byWriter(all);
  const { tune: tuneSet, report } = splitWriters(writers);
  const draws = Number(values.draws);
  const seed = Number(values.seed);
  const segmented = all.filter((c) => c.features).length;
  console.log(
    `${all.length} digits, ${segmented} segmented as one digit; ${writers.size} writers with >= ${values['min-digits']} digits (tune ${tuneSet.length}, report ${report.length}); ${draws} draws each`,
  );
  let config: AdaptConfig = {
    ...DEFAULT_ADAPT,
    ...(values.config ? (JSON.parse(values.config) as Partial<AdaptConfig>) : {}),
  };
  if (values.tune) {
    config = tune(tuneSet, Math.max(2, Math.round(draws / 3)), seed);
    console.log(`tuned on the tuning writers: ${JSON.stringify(config)}`);
  }
  console.log(`method: ${JSON.stringify(config)}`);
  for (const [name, set] of [
    ['tuning writers', tuneSet],
    ['report writers (held out from tuning)', report],
  ] as const) {
    console.log(`\n${name}\n| k | samples per digit used | before | after | fewer errors |`);
    console.log('| - | - | - | - | - |');
    for (const k of [1, 2, 3, 5])
      console.log(row(k, evaluate(set, k, draws, createRng(seed), config)));
    const c = evaluateCorrections(set, draws, createRng(seed), config);
    console.log(
      `corrections only (each misread digit corrected as it comes; ${c.samplesPerClass.toFixed(1)} corrections per writer): ${pct(c.accuracyBefore)} -> ${pct(c.accuracyAfter)}, ${pct(c.errorReduction)} fewer errors`,
    );
  }
  console.log(`\n${((performance.now() - started) / 1000).toFixed(0)} s`);
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
