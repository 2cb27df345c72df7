/**
 * The engine worker, spawned by the page's first, tiny module (src/boot.ts) before the app's
 * bundle is fetched and parsed: OpenCV's download and compile start that much sooner. The
 * engine store adopts it for its first start and spawns fresh ones after a crash.
 */
let early: Worker | null = null;

export function spawnEngineWorker(): Worker {
  return new Worker(new URL('./engine.worker.ts', import.meta.url), {
    type: 'module',
    name: 'digit-lens-engine',
  });
}

export function startEarlyWorker(): void {
  early ??= spawnEngineWorker();
}

/** The early worker, once; null when there is none or it was taken. */
export function takeEarlyWorker(): Worker | null {
  const w = early;
  early = null;
  return w;
}
