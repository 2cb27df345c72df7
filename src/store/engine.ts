/**
 * Engine lifecycle: one worker for the page, started at once, restartable after a failure.
 * Safe under React StrictMode: a second start while one is running is a no-op.
 */
import { BACKENDS, isBackendName } from '../engine/backends';
import { FALLBACK_MESSAGES, userMessageOf } from '../engine/errors';
import type { BackendName } from '../engine/types';
import { createEngineClient, type EngineClient, type EnginePort } from '../worker/engineClient';
import { spawnEngineWorker, takeEarlyWorker } from '../worker/earlyWorker';
import type { CrashKind, EngineStats } from '../worker/protocol';
import { useAppStore } from './appStore';

export type WorkerFactory = () => EnginePort;

let client: EngineClient | null = null;
let ready: Promise<EngineClient> | null = null;
let workerFactory: WorkerFactory = () => takeEarlyWorker() ?? spawnEngineWorker();

/** Tests swap the worker for an in-process port. */
export function setWorkerFactory(factory: WorkerFactory): void {
  workerFactory = factory;
}

/** A `?backend=wasm` query parameter wins over the saved setting (tests, support). */
export function backendPreference(): BackendName[] {
  const forced =
    typeof location !== 'undefined' ? new URLSearchParams(location.search).get('backend') : null;
  const chosen: string = forced ?? useAppStore.getState().settings.backend;
  if (isBackendName(chosen)) {
    // The chosen backend first, the others as fallbacks, in order.
    return [chosen, ...BACKENDS.filter((b) => b !== chosen)];
  }
  return [...BACKENDS];
}

export function modelUrl(): string {
  return `${import.meta.env.BASE_URL}model/model.json`;
}

export function pairModelUrl(): string {
  return `${import.meta.env.BASE_URL}model/pair/model.json`;
}

export function lineModelUrl(): string {
  return `${import.meta.env.BASE_URL}model/line/model.json`;
}

export function startEngine(): Promise<EngineClient> {
  if (ready) return ready;
  const store = useAppStore.getState();
  store.engineLoading();
  const c = createEngineClient(workerFactory(), {
    // A crashed worker is replaced at once; recognition.ts retries the request it lost.
    onCrash: () => {
      if (client === c) void restartEngine().catch(() => undefined);
    },
  });
  client = c;
  ready = c
    .init(
      {
        backends: backendPreference(),
        modelUrl: new URL(modelUrl(), location.href).href,
        pairModelUrl: new URL(pairModelUrl(), location.href).href,
        lineModelUrl: new URL(lineModelUrl(), location.href).href,
      },
      (p) => {
        // Marks for the benchmark's start-up split (steps overlap: OpenCV loads beside the rest).
        if (p.done) performance.mark(`digit-lens:${p.step}-done`);
        useAppStore.getState().engineStep(p.step, p.done);
      },
      (loaded, total) => useAppStore.getState().engineDownload(loaded, total),
    )
    .then(
      (info) => {
        performance.mark('digit-lens:engine-ready');
        useAppStore.getState().engineReady(info.backend, info.loadMs);
        return c;
      },
      (err: unknown) => {
        useAppStore.getState().engineFailed(userMessageOf(err, FALLBACK_MESSAGES.start));
        throw err;
      },
    );
  ready.catch(() => undefined);
  return ready;
}

/** Stops the current worker and starts a fresh one (the Retry button, a backend change). */
export function restartEngine(): Promise<EngineClient> {
  client?.dispose();
  client = null;
  ready = null;
  return startEngine();
}

/** The running client, waiting for the engine if it is still loading. */
export function engineClient(): Promise<EngineClient> {
  return ready ?? startEngine();
}

/** Tensor count and OpenCV heap of the running engine (leak checks, the benchmark). */
export async function engineStats(): Promise<EngineStats> {
  return (await engineClient()).stats();
}

/** Test hook: crash the worker (or take its WebGL context away) to exercise recovery. */
export async function crashEngine(how: CrashKind = 'throw'): Promise<void> {
  (await engineClient()).crash(how);
}
