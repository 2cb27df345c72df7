/**
 * The engine proper: tfjs, the recognizer and the message host. engine.worker.ts loads it after
 * starting OpenCV's download, so its ~2 MB never delay that download.
 */
import wasmPlainUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimdUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreadedUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import * as tf from '@tensorflow/tfjs';
import { loadOpenCV, openCvHeapBytes } from '../engine/opencv';
import { createRecognizer } from '../engine/recognize';
import { decodeFile, readBitmap } from './decodeFile';
import type { DownloadProgress } from './downloadProgress';
import { serveEngine } from './engineHost';
import type { MessagePortLike, Request, Response } from './protocol';

/** The downloads the worker entry started, and a way to hear their byte counts. */
export interface EarlyDownloads {
  progress: DownloadProgress;
  listen(listener: (loaded: number, total: number) => void): void;
}

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

export function runEngine(
  port: MessagePortLike<Request, Response>,
  downloads: EarlyDownloads,
): void {
  serveEngine(port, {
    createRecognizer: async ({ onDownload, ...options }) => {
      if (onDownload) downloads.listen(onDownload);
      // The model files through the same byte counter as OpenCV's wasm.
      const fetchFunc: typeof fetch = (input, init) => downloads.progress.fetch(input, init);
      const counted = (url: string) => tf.io.http(url, { fetchFunc });
      const recognizer = await createRecognizer({
        ...options,
        model: counted(options.model),
        ...(options.pairModel ? { pairModel: counted(options.pairModel) } : {}),
        wasmPaths,
      });
      restartOnContextLoss();
      return recognizer;
    },
    loseWebglContext: () => {
      const ext = webglContext()?.getExtension('WEBGL_lose_context');
      ext?.loseContext();
      return Boolean(ext);
    },
    decodeFile,
    readBitmap,
    stats: async () => {
      const memory = tf.memory();
      return {
        numTensors: memory.numTensors,
        tfBytes: memory.numBytes,
        openCvHeapBytes: openCvHeapBytes(await loadOpenCV()),
      };
    },
  });
}
