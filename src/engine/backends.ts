/**
 * The tfjs backends the engine can run on, in the order it tries them. The one list: the engine's
 * default, the app's backend setting and the benchmark all read it.
 *
 * Chosen by measurement (BENCHMARKS.md, headless Chromium on 2 cores): a batch of 8 digits
 * classifies in ~19 ms on wasm, ~362 ms on cpu and ~1.1 s on WebGL (software GL), and wasm is
 * ready soonest (no shader compilation). WebGL stays ahead of cpu for machines whose wasm fails,
 * since on a real GPU it beats plain JavaScript.
 */
export const BACKENDS = ['wasm', 'webgl', 'cpu'] as const;

export type BackendName = (typeof BACKENDS)[number];

export function isBackendName(name: unknown): name is BackendName {
  return (BACKENDS as readonly unknown[]).includes(name);
}
