/**
 * Writer-adaptation evaluation (scripts/bench-adapt.ts): for one writer, k corrected samples
 * per digit become personal samples and the writer's other digits are read before and after.
 * Pure: works on digits the real engine already read (label, probabilities, features).
 */
import { adapt, buildIndex, type AdaptConfig } from '../engine/personal/adapt';
import type { Rng } from './evalset/prng';

export interface ReadDigit {
  label: number;
  /** What the engine read for the whole image ("" or several digits = a segmentation miss). */
  text: string;
  /** Only when the engine found exactly one digit. */
  read?: { probabilities: Float32Array; features: Float32Array };
}

export interface WriterScore {
  tests: number;
  errorsBefore: number;
  errorsAfter: number;
  /** Samples used per digit class, on average over the classes the writer wrote. */
  samplesPerClass: number;
}

function shuffled<T>(rng: Rng, items: readonly T[]): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(rng.next() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/**
 * One random draw: per class, up to k digits the engine could segment become samples, always
 * leaving at least one of that class to test. A digit the engine could not segment as one
 * stays an error after adaptation too (samples cannot fix segmentation).
 */
export function scoreDraw(
  digits: readonly ReadDigit[],
  k: number,
  rng: Rng,
  config: AdaptConfig,
): WriterScore {
  const byClass = new Map<number, ReadDigit[]>();
  for (const d of digits) byClass.set(d.label, [...(byClass.get(d.label) ?? []), d]);
  const samples: ReadDigit[] = [];
  const tests: ReadDigit[] = [];
  let used = 0;
  for (const group of byClass.values()) {
    const order = shuffled(rng, group);
    const pickable = order.filter((d) => d.read);
    const take = pickable.slice(0, Math.max(0, Math.min(k, group.length - 1)));
    samples.push(...take);
    used += take.length;
    tests.push(...order.filter((d) => !take.includes(d)));
  }
  const index = buildIndex(
    samples.map((s) => s.read!.features),
    samples.map((s) => s.label),
    config.aggregate,
  );
  let errorsBefore = 0;
  let errorsAfter = 0;
  for (const t of tests) {
    if (t.text !== String(t.label)) errorsBefore++;
    if (!t.read) {
      errorsAfter++;
      continue;
    }
    const p = adapt(t.read.probabilities, t.read.features, index, config).probabilities;
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    if (best !== t.label) errorsAfter++;
  }
  return { tests: tests.length, errorsBefore, errorsAfter, samplesPerClass: used / byClass.size };
}

export interface Summary {
  writers: number;
  /** Mean over writers of each writer's accuracy (mean over draws). */
  accuracyBefore: number;
  accuracyAfter: number;
  /** 1 - errorAfter / errorBefore on those means. */
  errorReduction: number;
  samplesPerClass: number;
  testDigits: number;
}

export function evaluate(
  writers: readonly (readonly ReadDigit[])[],
  k: number,
  draws: number,
  rng: Rng,
  config: AdaptConfig,
): Summary {
  let before = 0;
  let after = 0;
  let perClass = 0;
  let testDigits = 0;
  for (const digits of writers) {
    let b = 0;
    let a = 0;
    for (let d = 0; d < draws; d++) {
      const s = scoreDraw(digits, k, rng, config);
      b += s.tests ? 1 - s.errorsBefore / s.tests : 1;
      a += s.tests ? 1 - s.errorsAfter / s.tests : 1;
      perClass += s.samplesPerClass / draws;
      testDigits += s.tests / draws;
    }
    before += b / draws;
    after += a / draws;
  }
  const n = writers.length;
  const accuracyBefore = before / n;
  const accuracyAfter = after / n;
  const errBefore = 1 - accuracyBefore;
  return {
    writers: n,
    accuracyBefore,
    accuracyAfter,
    errorReduction: errBefore > 0 ? 1 - (1 - accuracyAfter) / errBefore : 0,
    samplesPerClass: perClass / n,
    testDigits: Math.round(testDigits),
  };
}

/** Writers sorted by name: even positions tune, odd positions report (a fixed split). */
export function splitWriters<T>(byWriter: Map<string, T>): { tune: T[]; report: T[] } {
  const names = [...byWriter.keys()].sort();
  return {
    tune: names.filter((_, i) => i % 2 === 0).map((n) => byWriter.get(n)!),
    report: names.filter((_, i) => i % 2 === 1).map((n) => byWriter.get(n)!),
  };
}

/**
 * The way the app is used: the writer's digits in a random order, each read with the samples
 * so far; every misread (segmented) digit is corrected and becomes a sample. Errors on the
 * whole sequence, against the model alone on the same digits. Only classes the user had to
 * correct get samples, so a method that overrides the model too eagerly shows here.
 */
export function scoreCorrections(
  digits: readonly ReadDigit[],
  rng: Rng,
  config: AdaptConfig,
): WriterScore {
  const order = shuffled(rng, digits);
  const features: Float32Array[] = [];
  const labels: number[] = [];
  let index = buildIndex([], [], config.aggregate);
  let errorsBefore = 0;
  let errorsAfter = 0;
  for (const d of order) {
    if (d.text !== String(d.label)) errorsBefore++;
    if (!d.read) {
      errorsAfter++;
      continue;
    }
    const p = adapt(d.read.probabilities, d.read.features, index, config).probabilities;
    let best = 0;
    for (let c = 1; c < p.length; c++) if (p[c]! > p[best]!) best = c;
    if (best === d.label) continue;
    errorsAfter++;
    features.push(d.read.features);
    labels.push(d.label);
    index = buildIndex(features, labels, config.aggregate);
  }
  return { tests: order.length, errorsBefore, errorsAfter, samplesPerClass: labels.length / 10 };
}

/** scoreCorrections over writers and draws: mean accuracy per writer, as evaluate(). */
export function evaluateCorrections(
  writers: readonly (readonly ReadDigit[])[],
  draws: number,
  rng: Rng,
  config: AdaptConfig,
): Summary {
  let before = 0;
  let after = 0;
  let corrections = 0;
  let testDigits = 0;
  for (const digits of writers) {
    for (let d = 0; d < draws; d++) {
      const s = scoreCorrections(digits, rng, config);
      before += (1 - s.errorsBefore / s.tests) / draws;
      after += (1 - s.errorsAfter / s.tests) / draws;
      corrections += (s.samplesPerClass * 10) / draws;
      testDigits += s.tests / draws;
    }
  }
  const n = writers.length;
  const accuracyBefore = before / n;
  const accuracyAfter = after / n;
  return {
    writers: n,
    accuracyBefore,
    accuracyAfter,
    errorReduction: 1 - accuracyBefore < 1e-12 ? 0 : 1 - (1 - accuracyAfter) / (1 - accuracyBefore),
    // For this scenario: corrections per writer.
    samplesPerClass: corrections / n,
    testDigits: Math.round(testDigits),
  };
}
