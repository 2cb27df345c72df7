/**
 * Vite plugin: serves OpenCV.js's WebAssembly as its own .wasm file instead of the base64 string
 * the @techstark/opencv-js UMD build inlines, so the browser can compile it while it downloads
 * (WebAssembly.instantiateStreaming) and keep the compiled code in its code cache.
 *
 * - `virtual:opencv-glue` is the package's Emscripten glue without the base64 (a few hundred KB
 *   instead of 10.8 MB), as `createOpenCv(Module)`.
 * - `virtual:opencv-wasm` gives `wasmUrl` (the extracted file, hashed and emitted like any `?url`
 *   asset, so the service worker precaches it) and `wasmBytes`: tiny, so the worker can start
 *   the download before the glue has even arrived.
 * - In the worker bundle the package itself resolves to a module that throws: the worker loads
 *   OpenCV through the glue (src/worker/openCvStreaming.ts), and the inlined 10.8 MB build must
 *   not be emitted or precached beside it. Node (vitest, scripts) never runs this plugin's worker
 *   half and keeps importing the package as it is.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin } from 'vite';

export const GLUE_ID = 'virtual:opencv-glue';
export const WASM_ID = 'virtual:opencv-wasm';
const RESOLVED_GLUE_ID = '\0' + GLUE_ID;
const RESOLVED_WASM_ID = '\0' + WASM_ID;
const PACKAGE = '@techstark/opencv-js';
const RESOLVED_STUB_ID = '\0opencv-inlined-build-excluded';

const WASM_PREFIX = 'var wasmBinaryFile="data:application/octet-stream;base64,';
const FACTORY_START = 'var cv = (function() {';
const FACTORY_END = "if (typeof exports === 'object' && typeof module === 'object')";

export interface ExtractedOpenCv {
  /** The Emscripten glue, base64 removed: `var cv = (function(){...})();` defines the factory. */
  glue: string;
  wasm: Buffer;
}

/** Splits the UMD build into its glue and its WebAssembly binary. */
export function extractOpenCv(source: string): ExtractedOpenCv {
  const at = source.indexOf(WASM_PREFIX);
  const end = at < 0 ? -1 : source.indexOf('"', at + WASM_PREFIX.length);
  const start = source.indexOf(FACTORY_START);
  const stop = source.indexOf(FACTORY_END);
  if (at < 0 || end < 0 || start < 0 || stop < start || at < start || end > stop) {
    throw new Error(`${PACKAGE}: unexpected build layout (no inlined wasm or factory found)`);
  }
  const wasm = Buffer.from(source.slice(at + WASM_PREFIX.length, end), 'base64');
  if (wasm.readUInt32BE(0) !== 0x0061736d) throw new Error(`${PACKAGE}: inlined data is not wasm`);
  // A plain file name: the glue then asks Module.locateFile, which the loader answers.
  const glue =
    source.slice(start, at) + 'var wasmBinaryFile="opencv.wasm"' + source.slice(end + 1, stop);
  return { glue, wasm };
}

function packageFile(root: string): string {
  return createRequire(join(root, 'package.json')).resolve(PACKAGE);
}

/** Writes the binary once per content under node_modules/.cache, where `?url` can find it. */
function wasmFile(root: string, wasm: Buffer): string {
  const hash = createHash('sha256').update(wasm).digest('hex').slice(0, 12);
  const dir = join(root, 'node_modules', '.cache', 'digit-lens-opencv', hash);
  const file = join(dir, 'opencv.wasm');
  if (!existsSync(file)) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, wasm);
  }
  return file;
}

export function glueModule(glue: string): string {
  return ['export function createOpenCv(Module) {', glue, 'return cv(Module);', '}'].join('\n');
}

export function wasmModule(wasmPath: string, wasmBytes: number): string {
  return [
    `import wasmUrl from ${JSON.stringify(wasmPath + '?url')};`,
    'export { wasmUrl };',
    `export const wasmBytes = ${wasmBytes};`,
  ].join('\n');
}

/**
 * @param options.excludeInlined resolve the package to a throwing stub (the worker bundle).
 */
export function openCvWasm(options: { excludeInlined?: boolean } = {}): Plugin {
  let root = process.cwd();
  let cached: { glue: string; wasm: string } | null = null;
  return {
    name: 'digit-lens-opencv-wasm',
    enforce: 'pre',
    configResolved(config) {
      root = config.root;
    },
    resolveId(id) {
      if (id === GLUE_ID) return RESOLVED_GLUE_ID;
      if (id === WASM_ID) return RESOLVED_WASM_ID;
      if (options.excludeInlined && id === PACKAGE) return RESOLVED_STUB_ID;
      return null;
    },
    load(id) {
      if (id === RESOLVED_STUB_ID) {
        const message = `${PACKAGE} is excluded from this bundle: load OpenCV through ${GLUE_ID}`;
        return `throw new Error(${JSON.stringify(message)});\nexport default undefined;`;
      }
      if (id !== RESOLVED_GLUE_ID && id !== RESOLVED_WASM_ID) return null;
      if (!cached) {
        const { glue, wasm } = extractOpenCv(readFileSync(packageFile(root), 'utf8'));
        cached = { glue: glueModule(glue), wasm: wasmModule(wasmFile(root, wasm), wasm.length) };
      }
      return id === RESOLVED_GLUE_ID ? cached.glue : cached.wasm;
    },
  };
}
