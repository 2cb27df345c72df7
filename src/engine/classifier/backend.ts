/**
 * tfjs backend choice: try each preference in order, one at a time. Initialising two backends
 * concurrently (React StrictMode mounting twice, two recognizers) corrupts tfjs' engine state,
 * so every selection is chained on one module-level promise.
 */
import * as tf from '@tensorflow/tfjs';
// Registers the 'wasm' backend with tfjs.
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { EngineError } from '../errors';
import { BACKENDS } from '../backends';
import type { BackendName } from '../types';

/** The engine's default preference: the one list in ../backends.ts. */
export const DEFAULT_BACKENDS: readonly BackendName[] = BACKENDS;

let queue: Promise<unknown> = Promise.resolve();
let wasmPathsSet = false;

async function trySelect(
  preferences: readonly BackendName[],
  wasmPaths: string | Record<string, string> | undefined,
  onAttempt?: (name: BackendName, ok: boolean, reason?: string) => void,
): Promise<BackendName> {
  const reasons: string[] = [];
  for (const name of preferences) {
    if (name === 'wasm' && wasmPaths !== undefined && !wasmPathsSet) {
      // Only effective before the wasm backend first initialises.
      if (typeof wasmPaths === 'string') setWasmPaths(wasmPaths);
      else setWasmPaths(wasmPaths);
      wasmPathsSet = true;
    }
    try {
      // setBackend is cheap when the backend is already initialised (it is cached).
      const ok = await tf.setBackend(name);
      if (!ok) throw new Error(`tf.setBackend('${name}') returned false`);
      await tf.ready();
      if (tf.getBackend() !== name) throw new Error(`active backend is ${tf.getBackend()}`);
      onAttempt?.(name, true);
      return name;
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      reasons.push(`${name}: ${reason}`);
      onAttempt?.(name, false, reason);
    }
  }
  throw new EngineError(
    'backend-unavailable',
    `No tfjs backend could be initialised (${reasons.join('; ') || 'no preferences given'})`,
  );
}

export function selectBackend(
  preferences: readonly BackendName[] = DEFAULT_BACKENDS,
  wasmPaths?: string | Record<string, string>,
  onAttempt?: (name: BackendName, ok: boolean, reason?: string) => void,
): Promise<BackendName> {
  const run = queue.then(() => trySelect(preferences, wasmPaths, onAttempt));
  queue = run.catch(() => undefined);
  return run;
}
