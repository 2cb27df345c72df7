/** Provided by scripts/vite/opencvWasm.ts: OpenCV.js's glue and its extracted WebAssembly. */
declare module 'virtual:opencv-wasm' {
  /** URL of the extracted opencv.wasm (hashed, precached). */
  export const wasmUrl: string;
  /** Its size in bytes: the total for the progress display. */
  export const wasmBytes: number;
}

declare module 'virtual:opencv-glue' {
  /** Runs the Emscripten glue with the given Module overrides; returns the (thenable) Module. */
  export function createOpenCv(module: object): unknown;
}
