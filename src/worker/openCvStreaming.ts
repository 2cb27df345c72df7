/**
 * The browser's OpenCV.js loader (the worker only; Node imports the package as it is): the
 * WebAssembly comes from its own file (scripts/vite/opencvWasm.ts) and compiles while it
 * downloads, and the glue (a few hundred KB) loads meanwhile. Its compiled code is then kept by
 * the browser's code cache, and the service worker serves the file offline.
 */
import { wasmBytes, wasmUrl } from 'virtual:opencv-wasm';
import type { OpenCV } from '../engine/opencv';
import type { DownloadProgress } from './downloadProgress';

interface EmscriptenModule {
  then?: (cb: (m: OpenCV) => void) => unknown;
}

type ReceiveInstance = (instance: WebAssembly.Instance, module: WebAssembly.Module) => void;

/** Streaming compile, or a plain one where the server sends the wrong MIME type. */
async function compile(download: DownloadProgress): Promise<WebAssembly.Module> {
  const response = download.fetch(wasmUrl, { credentials: 'same-origin' }, wasmBytes);
  try {
    return await WebAssembly.compileStreaming(
      response.then((r) => {
        if (!r.ok) throw new Error(`${wasmUrl}: HTTP ${r.status}`);
        return r;
      }),
    );
  } catch (err) {
    const r = await fetch(wasmUrl, { credentials: 'same-origin' });
    if (!r.ok) throw err;
    return WebAssembly.compile(await r.arrayBuffer());
  }
}

export function loadOpenCvStreaming(download: DownloadProgress): Promise<OpenCV> {
  const compiled = compile(download);
  const glue = import('virtual:opencv-glue');
  return Promise.all([compiled, glue]).then(
    ([wasmModule, { createOpenCv }]) =>
      new Promise<OpenCV>((resolve, reject) => {
        const module = createOpenCv({
          // Emscripten's hook: we hand it an instance of the module compiled above.
          instantiateWasm(imports: WebAssembly.Imports, receive: ReceiveInstance) {
            WebAssembly.instantiate(wasmModule, imports).then(
              (instance) => receive(instance, wasmModule),
              reject,
            );
            return {};
          },
          locateFile: () => wasmUrl,
          onAbort: (what: unknown) => reject(new Error(`OpenCV.js aborted: ${String(what)}`)),
        }) as EmscriptenModule;
        // Thenable, not a Promise: resolving with it while it has `then` would never settle.
        module.then?.((m) => {
          delete (m as EmscriptenModule).then;
          resolve(m);
        });
      }),
  );
}
