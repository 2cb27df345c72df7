/**
 * Writer adaptation on the digit model's penultimate features: the user's corrected digits
 * (personal samples) pull a new digit towards the label of the samples it resembles. Pure
 * arithmetic on plain arrays (no tensors), so the benchmark and the engine run the same code.
 *
 * The model's log-probabilities get a bonus per class, beta * k(c), where k(c) is a kernel on
 * the cosine similarity between the digit's features and the class's samples:
 * exp((cos - 1) / tau) for samples above `minSimilarity` (far samples add nothing). How the
 * samples of a class combine (the nearest one, their sum, or the class mean) and the constants
 * were chosen on the tuning half of the UNIPEN development writers (scripts/bench-adapt.ts).
 */

export type Aggregate = 'nearest' | 'sum' | 'prototype';

export interface AdaptConfig {
  aggregate: Aggregate;
  /** Weight of the kernel bonus against the model's log-probabilities. */
  beta: number;
  /** Kernel width in cosine similarity. */
  tau: number;
  /** Samples less similar than this are ignored. */
  minSimilarity: number;
}

/**
 * Chosen by `npm run bench:adapt -- --tune` on the 44 tuning writers: of 288 settings, the one
 * whose worse score (k = 3 per digit, or corrections only) was best. See README.
 */
export const DEFAULT_ADAPT: AdaptConfig = {
  aggregate: 'nearest',
  beta: 16,
  tau: 0.2,
  minSimilarity: 0.6,
};

export interface PersonalIndex {
  /** L2-normalised features, one per sample (or per class for 'prototype'). */
  vectors: Float32Array[];
  labels: number[];
}

export const EMPTY_INDEX: PersonalIndex = { vectors: [], labels: [] };

export function l2Normalize(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  const s = n > 0 ? 1 / Math.sqrt(n) : 0;
  return v.map((x) => x * s);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/** Builds the index the adaptation searches: one vector per sample, or per class mean. */
export function buildIndex(
  features: readonly Float32Array[],
  labels: readonly number[],
  aggregate: Aggregate = DEFAULT_ADAPT.aggregate,
): PersonalIndex {
  if (aggregate !== 'prototype') {
    return { vectors: features.map(l2Normalize), labels: [...labels] };
  }
  const sums = new Map<number, Float32Array>();
  features.forEach((f, i) => {
    const n = l2Normalize(f);
    const sum = sums.get(labels[i]!) ?? new Float32Array(n.length);
    for (let j = 0; j < n.length; j++) sum[j] = sum[j]! + n[j]!;
    sums.set(labels[i]!, sum);
  });
  const entries = [...sums.entries()].sort((a, b) => a[0] - b[0]);
  return { vectors: entries.map(([, s]) => l2Normalize(s)), labels: entries.map(([l]) => l) };
}

export interface Adapted {
  probabilities: Float32Array;
  /** The samples changed the most likely label. */
  changed: boolean;
}

function argmax(v: Float32Array): number {
  let best = 0;
  for (let i = 1; i < v.length; i++) if (v[i]! > v[best]!) best = i;
  return best;
}

/** The model's probabilities for one digit, adapted to the personal samples. */
export function adapt(
  probabilities: Float32Array,
  features: Float32Array,
  index: PersonalIndex,
  config: AdaptConfig = DEFAULT_ADAPT,
): Adapted {
  if (index.vectors.length === 0) return { probabilities, changed: false };
  const f = l2Normalize(features);
  const bonus = new Float64Array(probabilities.length);
  let any = false;
  index.vectors.forEach((v, i) => {
    const cos = dot(f, v);
    if (cos < config.minSimilarity) return;
    const k = Math.exp((cos - 1) / config.tau);
    const c = index.labels[i]!;
    any = true;
    if (config.aggregate === 'sum') bonus[c] = bonus[c]! + k;
    else bonus[c] = Math.max(bonus[c]!, k);
  });
  if (!any) return { probabilities, changed: false };
  const logits = Array.from(
    probabilities,
    (p, c) => Math.log(Math.max(p, 1e-12)) + config.beta * bonus[c]!,
  );
  const max = Math.max(...logits);
  const exp = logits.map((l) => Math.exp(l - max));
  const total = exp.reduce((a, b) => a + b, 0);
  const out = Float32Array.from(exp, (e) => e / total);
  return { probabilities: out, changed: argmax(out) !== argmax(probabilities) };
}
