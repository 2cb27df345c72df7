/// <reference lib="webworker" />
/**
 * The engine worker: hosts OpenCV.js + tfjs off the main thread. The only way in is the
 * typed protocol (see engineClient.ts).
 */
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs';
import { loadOpenCV, openCvHeapBytes } from '../engine/opencv';
import { createRecognizer } from '../engine/recognize';
import { decodeFile } from './decodeFile';
import { serveEngine } from './engineHost';
import type { MessagePortLike, Request, Response } from './protocol';

declare const self: DedicatedWorkerGlobalScope;

const wasmPaths = {
  'tfjs-backend-wasm.wasm': wasmPlainUrl,
  'tfjs-backend-wasm-simd.wasm': wasmSimdUrl,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreadedUrl,
};

serveEngine(self as unknown as MessagePortLike<Request, Response>, {
  createRecognizer: (options) => createRecognizer({ ...options, wasmPaths }),
  decodeFile,
  stats: async () => {
    const memory = tf.memory();
    return {
      numTensors: memory.numTensors,
      tfBytes: memory.numBytes,
      openCvHeapBytes: openCvHeapBytes(await loadOpenCV()),
    };
  },
});
