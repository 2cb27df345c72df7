/**
 * The shape of a benchmark run: how many samples each section takes, and what it records.
 * .bench/results.json holds one BenchResults; report.ts renders it.
 */
import type { BackendName } from '../../src/engine/types';
import type { ByteCosts } from './bytes';
import type { LiveBench } from './live';
import type { MachineInfo } from './machine';
import type { BenchPhoto } from './photo';
import type { LoadSteps, ProbeSample } from './probe';

export interface Counts {
  loads: number;
  strokes: number;
  photos: number;
  inference: number;
  memoryLow: number;
  memoryHigh: number;
}
export const FULL: Counts = {
  loads: 5,
  strokes: 20,
  photos: 10,
  inference: 6,
  memoryLow: 20,
  memoryHigh: 500,
};
export const QUICK: Counts = {
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
  requested: BackendName;
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

export interface StageTimings {
  [stage: string]: number;
}
