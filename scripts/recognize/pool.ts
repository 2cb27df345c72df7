/**
 * Reads files on every core: one worker thread per core, each with its own engine (OpenCV.js
 * and tfjs are single-threaded), fed one file at a time so a slow image never holds others.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { BackendName, PipelineParams } from '../../src/engine/types';
import type { FileRow } from './rows';
import type { Input } from './walk';

export type ToWorker = { type: 'read'; id: number; path: string; name: string } | { type: 'stop' };
export type FromWorker =
  | { type: 'ready' }
  | { type: 'failed'; message: string }
  | { type: 'row'; id: number; row: FileRow };

export interface PoolOptions {
  workers?: number;
  modelPath: string;
  backend?: BackendName;
  params: Partial<PipelineParams>;
}

/** Reads every input, calling onRow as each finishes (completion order). */
export async function readAll(
  inputs: readonly Input[],
  options: PoolOptions,
  onRow: (row: FileRow) => void,
): Promise<void> {
  if (inputs.length === 0) return;
  const count = Math.max(1, Math.min(options.workers ?? availableParallelism(), inputs.length));
  let next = 0;
  const { workers: _w, ...workerData } = options;
  const run = (): Promise<void> =>
    new Promise((resolve, reject) => {
      // The worker is TypeScript: its entry loads tsx first, as the CLI itself runs on it.
      const worker = new Worker(new URL('./worker-entry.mjs', import.meta.url), { workerData });
      const feed = (): void => {
        const input = inputs[next];
        if (!input) {
          worker.postMessage({ type: 'stop' } satisfies ToWorker);
          return;
        }
        worker.postMessage({ type: 'read', id: next++, ...input } satisfies ToWorker);
      };
      worker.on('message', (msg: FromWorker) => {
        if (msg.type === 'failed') {
          void worker.terminate();
          reject(new Error(`A reader could not start: ${msg.message}`));
          return;
        }
        if (msg.type === 'row') onRow(msg.row);
        feed();
      });
      worker.on('error', reject);
      worker.on('exit', () => resolve());
    });
  await Promise.all(Array.from({ length: count }, run));
}
