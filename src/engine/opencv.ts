/**
 * Loads OpenCV.js (WASM) once per realm. Used by the worker and by Node (tests, CLI).
 *
 * @techstark/opencv-js 4.12's default export is an Emscripten Module that is thenable but
 * not a Promise: awaiting it spins forever. So we take `then` with a callback, drop it from
 * the Module, and resolve our own Promise with the plain object.
 */
import type CV from '@techstark/opencv-js';

export type OpenCV = typeof CV;

let loading: Promise<OpenCV> | null = null;
let customLoader: (() => Promise<OpenCV>) | null = null;

/**
 * The browser worker loads OpenCV its own way (the WebAssembly streamed from its own file, see
 * src/worker/openCvStreaming.ts); Node keeps the package's inlined build. Call before any load.
 */
export function setOpenCvLoader(load: () => Promise<OpenCV>): void {
  customLoader = load;
  loading = null;
}

interface ThenableModule {
  then?: (cb: (m: OpenCV) => void) => unknown;
  onRuntimeInitialized?: () => void;
  Mat?: unknown;
}

export function loadOpenCV(): Promise<OpenCV> {
  if (customLoader) return (loading ??= customLoader());
  loading ??= import('./opencvModule').then(
    ({ openCvHolder }) =>
      new Promise<OpenCV>((resolve, reject) => {
        const mod = openCvHolder.module as { default?: unknown };
        const candidate = (mod.default ?? mod) as ThenableModule;
        const settle = (m: OpenCV): void => {
          delete (m as ThenableModule).then;
          resolve(m);
        };
        if (candidate instanceof Promise) {
          (candidate as Promise<OpenCV>).then(settle, reject);
        } else if (typeof candidate.then === 'function') {
          candidate.then(settle);
        } else if (candidate.Mat) {
          resolve(candidate as unknown as OpenCV);
        } else {
          candidate.onRuntimeInitialized = () => resolve(candidate as unknown as OpenCV);
        }
      }),
  );
  return loading;
}

/** Bytes in the WASM heap: it never shrinks, so growth across runs means a leaked Mat. */
export function openCvHeapBytes(cv: OpenCV): number {
  const probe = new cv.Mat(1, 1, cv.CV_8UC1);
  try {
    return probe.data.buffer.byteLength;
  } finally {
    probe.delete();
  }
}

/** OpenCV throws C++ exceptions as bare numbers (pointers); turn them into readable Errors. */
export function cvErrorMessage(cv: OpenCV, err: unknown): string {
  if (typeof err === 'number') {
    try {
      const ex = (
        cv as unknown as { exceptionFromPtr(p: number): { msg: string } }
      ).exceptionFromPtr(err);
      return ex.msg;
    } catch {
      return `OpenCV error ${err}`;
    }
  }
  return err instanceof Error ? err.message : String(err);
}
