/// <reference lib="webworker" />
/**
 * The engine worker: hosts OpenCV.js + tfjs off the main thread. The only way in is the
 * typed protocol (see engineClient.ts).
 *
 * This entry is small on purpose: it starts OpenCV's download and compile (the longest step of
 * start-up) at once, then loads the rest of the engine (engineRuntime.ts) alongside. Messages
 * that arrive meanwhile (the UI's init) are held and replayed.
 */
import { loadOpenCV, setOpenCvLoader } from '../engine/opencv';
import { createDownloadProgress } from './downloadProgress';
import { loadOpenCvStreaming } from './openCvStreaming';

declare const self: DedicatedWorkerGlobalScope;

let listener: ((loaded: number, total: number) => void) | undefined;
let last: [number, number] | null = null;
const progress = createDownloadProgress((loaded, total) => {
  last = [loaded, total];
  listener?.(loaded, total);
});
setOpenCvLoader(() => loadOpenCvStreaming(progress));
void loadOpenCV().catch(() => undefined); // its failure is reported by createRecognizer

const held: unknown[] = [];
const hold = (event: MessageEvent): void => void held.push(event.data);
self.addEventListener('message', hold);

void import('./engineRuntime').then(({ runEngine }) => {
  runEngine(self, {
    progress,
    listen(l) {
      listener = l;
      if (last) l(...last); // byte counts seen before anyone listened
    },
  });
  self.removeEventListener('message', hold);
  for (const data of held) self.dispatchEvent(new MessageEvent('message', { data }));
});
