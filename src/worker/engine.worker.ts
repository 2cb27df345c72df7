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

interface WebglBackendLike {
  gpgpu?: { gl?: WebGLRenderingContext | WebGL2RenderingContext };
}

function webglContext(): WebGLRenderingContext | WebGL2RenderingContext | undefined {
  return tf.getBackend() === 'webgl' ? (tf.backend() as WebglBackendLike).gpgpu?.gl : undefined;
}

/**
 * A lost WebGL context leaves tfjs's textures gone for good. Let the worker die instead: the
 * client restarts it, and a fresh engine picks WebGL again if it works, or wasm, then cpu.
 */
function restartOnContextLoss(): void {
  const canvas = (webglContext() as { canvas?: OffscreenCanvas } | undefined)?.canvas;
  canvas?.addEventListener('webglcontextlost', () => {
    setTimeout(() => {
      throw new Error('WebGL context lost: restarting the engine');
    });
  });
}

serveEngine(self as unknown as MessagePortLike<Request, Response>, {
  createRecognizer: async (options) => {
    const recognizer = await createRecognizer({ ...options, wasmPaths });
    restartOnContextLoss();
    return recognizer;
  },
  loseWebglContext: () => {
    const ext = webglContext()?.getExtension('WEBGL_lose_context');
    ext?.loseContext();
    return Boolean(ext);
  },
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
