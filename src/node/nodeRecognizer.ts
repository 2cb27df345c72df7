/**
 * The engine in Node (CLI, benchmarks): the model from public/model read through an fs
 * IOHandler, the tfjs backend that measured fastest here by default.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRecognizer, type Recognizer, type RecognizerOptions } from '../engine/recognize';
import type { BackendName } from '../engine/types';
import { fsModelHandler } from './fsModelHandler';

export const DEFAULT_MODEL_PATH = 'public/model/model.json';
/**
 * wasm: for the production CNN architecture (5 conv layers, 353k parameters) a batch of 8
 * digits took ~14 ms of CPU time on wasm vs ~420 ms on the pure-JS cpu backend here; the
 * OpenCV part is the same for both. Re-check with `npm run bench:engine`.
 */
export const NODE_DEFAULT_BACKEND: BackendName = 'wasm';

export function createNodeRecognizer(
  options: {
    modelPath?: string;
    backend?: BackendName;
    onProgress?: RecognizerOptions['onProgress'];
    /** Leave out the line reader (public/model/line) or the pair check, to measure without. */
    lineReader?: boolean;
    pairCheck?: boolean;
  } = {},
): Promise<Recognizer> {
  const backend = options.backend ?? NODE_DEFAULT_BACKEND;
  const modelPath = resolve(options.modelPath ?? DEFAULT_MODEL_PATH);
  // The pair check ships beside the digit model (public/model/pair); a model without one reads
  // as before.
  const pairPath = join(dirname(modelPath), 'pair', 'model.json');
  const linePath = join(dirname(modelPath), 'line', 'model.json');
  const withPair = options.pairCheck !== false && existsSync(pairPath);
  const withLines = options.lineReader !== false && existsSync(linePath);
  return createRecognizer({
    model: fsModelHandler(modelPath),
    ...(withPair ? { pairModel: fsModelHandler(pairPath) } : {}),
    ...(withLines ? { lineModel: fsModelHandler(linePath) } : {}),
    backends: backend === 'cpu' ? ['cpu'] : [backend, 'cpu'],
    onProgress: options.onProgress,
  });
}
