/**
 * Default pipeline parameters and validation of caller overrides. Overrides come from a UI
 * slider or a URL, so every value is clamped into a range the stages can run with instead of
 * throwing: a bad slider value must never crash a recognition.
 */
import type { PipelineParams, ThresholdMethod } from '../types';

export type ResolvedParams = Required<PipelineParams>;

export const DEFAULT_PARAMS: Readonly<ResolvedParams> = Object.freeze({
  blurSize: 3,
  thresholdMethod: 'normalized-otsu',
  adaptiveBlockSize: 31,
  adaptiveC: 10,
  cannyLow: 50,
  cannyHigh: 150,
  dilateSize: 3,
  dilateIterations: 1,
  minBoxSize: 8,
  doubtfulBelow: 0.7,
  maxWorkingSize: 1024,
  removeLines: true,
});

export const THRESHOLD_METHODS: readonly ThresholdMethod[] = [
  'normalized-otsu',
  'adaptive',
  'otsu',
];

type NumericKey = {
  [K in keyof ResolvedParams]: ResolvedParams[K] extends number ? K : never;
}[keyof ResolvedParams];

export interface NumericParamSpec {
  key: NumericKey;
  label: string;
  min: number;
  max: number;
  step: number;
  /** Kernel sizes must be odd. */
  odd?: boolean;
}

/** Ranges for UI sliders and for clamping overrides. */
export const NUMERIC_PARAM_SPECS: readonly NumericParamSpec[] = [
  { key: 'blurSize', label: 'Blur kernel size', min: 1, max: 31, step: 2, odd: true },
  { key: 'adaptiveBlockSize', label: 'Adaptive block size', min: 3, max: 255, step: 2, odd: true },
  { key: 'adaptiveC', label: 'Adaptive constant C', min: -50, max: 50, step: 1 },
  { key: 'cannyLow', label: 'Canny low threshold', min: 0, max: 500, step: 1 },
  { key: 'cannyHigh', label: 'Canny high threshold', min: 0, max: 500, step: 1 },
  { key: 'dilateSize', label: 'Dilation kernel size', min: 1, max: 15, step: 2, odd: true },
  { key: 'dilateIterations', label: 'Dilation iterations', min: 0, max: 5, step: 1 },
  { key: 'minBoxSize', label: 'Minimum box size (px)', min: 1, max: 200, step: 1 },
  { key: 'doubtfulBelow', label: 'Doubtful below confidence', min: 0, max: 1, step: 0.01 },
  { key: 'maxWorkingSize', label: 'Working size (px)', min: 256, max: 2400, step: 16 },
];

function clampNumber(value: unknown, spec: NumericParamSpec, fallback: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return fallback;
  let v = Math.min(spec.max, Math.max(spec.min, value));
  if (spec.step >= 1) v = Math.round(v);
  if (spec.odd && v % 2 === 0) v = v + 1 > spec.max ? v - 1 : v + 1;
  return v;
}

/** Merges overrides into the defaults, clamping numbers and ignoring unknown or invalid values. */
export function resolveParams(overrides?: Partial<PipelineParams>): ResolvedParams {
  const out: ResolvedParams = { ...DEFAULT_PARAMS };
  if (!overrides) return out;
  for (const spec of NUMERIC_PARAM_SPECS) {
    if (overrides[spec.key] !== undefined) {
      out[spec.key] = clampNumber(overrides[spec.key], spec, DEFAULT_PARAMS[spec.key]);
    }
  }
  if (THRESHOLD_METHODS.includes(overrides.thresholdMethod as ThresholdMethod)) {
    out.thresholdMethod = overrides.thresholdMethod as ThresholdMethod;
  }
  if (typeof overrides.removeLines === 'boolean') out.removeLines = overrides.removeLines;
  if (out.cannyHigh < out.cannyLow) out.cannyHigh = out.cannyLow;
  return out;
}
