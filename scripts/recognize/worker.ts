/**
 * One engine per worker thread: reads the files the main thread sends, one at a time, and
 * answers a row for each. Started by pool.ts.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { toEngineErrorData } from '../../src/engine/errors';
import type { BackendName, PipelineParams } from '../../src/engine/types';
import { readImage } from '../../src/node/imageio';
import { createNodeRecognizer } from '../../src/node/nodeRecognizer';
import { toRow } from './rows';
import type { FromWorker, ToWorker } from './pool';

const options = workerData as {
  modelPath: string;
  backend?: BackendName;
  params: Partial<PipelineParams>;
};
const port = parentPort!;

type Recognizer = Awaited<ReturnType<typeof createNodeRecognizer>>;
type Read = Extract<ToWorker, { type: 'read' }>;

/** A row for one file; a failure to read it is that row's error, never a rejection. */
async function readRow(recognizer: Recognizer, msg: Read): Promise<FromWorker> {
  try {
    const result = await recognizer.recognize(readImage(msg.path), { params: options.params });
    return { type: 'row', id: msg.id, row: toRow(msg.name, result) };
  } catch (err) {
    const data = toEngineErrorData(err);
    return {
      type: 'row',
      id: msg.id,
      row: { file: msg.name, text: '', digits: [], error: data.userMessage },
    };
  }
}

createNodeRecognizer({ modelPath: options.modelPath, backend: options.backend }).then(
  (recognizer) => {
    port.on('message', (msg: ToWorker) => {
      if (msg.type === 'stop') {
        recognizer.dispose();
        process.exit(0); // in a worker thread: ends this thread only
      }
      // Not awaited: readRow turns every failure into the row it answers, so it never rejects.
      void readRow(recognizer, msg).then((answer) => port.postMessage(answer));
    });
    port.postMessage({ type: 'ready' } satisfies FromWorker);
  },
  (err: unknown) => {
    port.postMessage({
      type: 'failed',
      message: toEngineErrorData(err).message,
    } satisfies FromWorker);
  },
);
