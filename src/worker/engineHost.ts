/**
 * Serves the engine over a message port. Framework-free and DOM-free so Node tests can drive
 * it through a MessageChannel exactly as the browser drives it through a Worker.
 */
import type {
  BackendName,
  PersonalSample,
  RecognizeOptions,
  RecognizeResult,
  RgbaImage,
} from '../engine/types';
import type {
  EngineStats,
  InitOptions,
  LoadStep,
  MessagePortLike,
  Request,
  Response,
} from './protocol';
import { resultTransferables, toErrorData } from './protocol';

/** The slice of the engine API the host needs (see src/engine/recognize.ts). */
export interface HostedRecognizer {
  backend: BackendName;
  recognize(image: RgbaImage, options?: RecognizeOptions): Promise<RecognizeResult>;
  setPersonalSamples?(samples: readonly PersonalSample[]): Promise<number>;
  dispose(): void;
}

export interface HostedRecognizerOptions {
  model: string;
  pairModel?: string;
  lineModel?: string;
  backends: BackendName[];
  onProgress: (p: { step: LoadStep; done: boolean; detail?: string }) => void;
  /** Bytes received of the downloads the engine needs, for a real percentage. */
  onDownload?: (loaded: number, total: number) => void;
}

export type RecognizerFactory = (options: HostedRecognizerOptions) => Promise<HostedRecognizer>;

/** Turns an uploaded file into pixels (in the browser: createImageBitmap + OffscreenCanvas). */
export type FileDecoder = (file: Blob, name: string) => Promise<RgbaImage>;

/** Reads a transferred ImageBitmap's pixels (and closes it). */
export type BitmapReader = (bitmap: ImageBitmap) => RgbaImage;

export interface EngineHostDeps {
  createRecognizer: RecognizerFactory;
  decodeFile: FileDecoder;
  readBitmap?: BitmapReader;
  /** Tensor count and OpenCV heap size, read after the queue drains. */
  stats?: () => Promise<EngineStats>;
  /** Test hook: make the GPU drop the WebGL context (WEBGL_lose_context). */
  loseWebglContext?: () => boolean;
}

const LOAD_FAILED =
  'The recognition engine could not start. Check your connection and press "Retry".';
const SAMPLES_FAILED = 'Your handwriting samples could not be used. Try importing them again.';
const RECOGNIZE_FAILED = 'Something went wrong while reading this image. Please try again.';

export function serveEngine(
  port: MessagePortLike<Request, Response>,
  { createRecognizer, decodeFile, readBitmap, stats, loseWebglContext }: EngineHostDeps,
): () => void {
  let recognizer: Promise<HostedRecognizer> | null = null;
  let loaded: HostedRecognizer | null = null;
  const controllers = new Map<number, AbortController>();
  // One recognition at a time: tfjs and OpenCV are single-threaded here anyway, and a queue
  // lets a cancel drop work that has not started.
  let queue: Promise<void> = Promise.resolve();

  const post = (message: Response, transfer: Transferable[] = []): void =>
    port.postMessage(message, transfer);

  function init(id: number, options: InitOptions): void {
    if (!recognizer) {
      const started = performance.now();
      recognizer = createRecognizer({
        model: options.modelUrl,
        ...(options.pairModelUrl ? { pairModel: options.pairModelUrl } : {}),
        ...(options.lineModelUrl ? { lineModel: options.lineModelUrl } : {}),
        backends: options.backends,
        onProgress: (p) => post({ type: 'progress', id, ...p }),
        onDownload: (loaded, total) => post({ type: 'download', id, loaded, total }),
      });
      recognizer.then(
        (r) => {
          loaded = r;
          post({ type: 'ready', id, backend: r.backend, loadMs: performance.now() - started });
        },
        (err: unknown) => {
          recognizer = null; // allow a retry
          post({ type: 'error', id, error: toErrorData(err, LOAD_FAILED) });
        },
      );
      return;
    }
    // Repeated init (React StrictMode, a second tab of the UI): answer from the same engine.
    recognizer.then(
      (r) => post({ type: 'ready', id, backend: r.backend, loadMs: 0 }),
      () => undefined,
    );
  }

  function recognize(request: Extract<Request, { type: 'recognize' }>): void {
    const controller = new AbortController();
    controllers.set(request.id, controller);
    queue = queue.then(async () => {
      try {
        if (!recognizer) throw notReadyError();
        const r = await recognizer;
        if (controller.signal.aborted) throw cancelledError();
        const { input } = request;
        const image =
          input.kind === 'pixels'
            ? input.image
            : input.kind === 'file'
              ? await decodeFile(input.file, input.name)
              : bitmapPixels(input.bitmap, readBitmap);
        if (controller.signal.aborted) throw cancelledError();
        const result = await r.recognize(image, {
          params: request.params,
          stages: request.stages,
          signal: controller.signal,
        });
        if (controller.signal.aborted) throw cancelledError();
        post({ type: 'result', id: request.id, result }, resultTransferables(result));
      } catch (err) {
        post({ type: 'error', id: request.id, error: toErrorData(err, RECOGNIZE_FAILED) });
      } finally {
        controllers.delete(request.id);
      }
    });
  }

  const onMessage = (event: MessageEvent<Request>): void => {
    const request = event.data;
    switch (request.type) {
      case 'init':
        init(request.id, request.options);
        break;
      case 'recognize':
        recognize(request);
        break;
      case 'cancel':
        controllers.get(request.id)?.abort();
        break;
      case 'crash':
        if (request.how === 'webgl-context-lost' && loseWebglContext?.()) break;
        // Test hook for crash recovery: an uncaught error in the worker scope.
        setTimeout(() => {
          throw new Error('engine worker crash requested');
        });
        break;
      case 'personal':
        // Behind the queue: a reading already asked for finishes with the samples it began with.
        queue = queue.then(async () => {
          try {
            if (!recognizer) throw notReadyError();
            const r = await recognizer;
            if (!r.setPersonalSamples) throw new Error('personal samples are not supported');
            const count = await r.setPersonalSamples(request.samples);
            post({ type: 'personal', id: request.id, count });
          } catch (err) {
            post({ type: 'error', id: request.id, error: toErrorData(err, SAMPLES_FAILED) });
          }
        });
        break;
      case 'stats':
        // Behind the queue, so the numbers describe a quiet engine.
        queue = queue.then(async () => {
          try {
            if (!stats) throw new Error('stats are not available');
            post({ type: 'stats', id: request.id, stats: await stats() });
          } catch (err) {
            post({ type: 'error', id: request.id, error: toErrorData(err, RECOGNIZE_FAILED) });
          }
        });
        break;
    }
  };
  port.addEventListener('message', onMessage);
  return () => {
    port.removeEventListener('message', onMessage);
    for (const c of controllers.values()) c.abort();
    loaded?.dispose();
  };
}

function notReadyError(): Error {
  return Object.assign(new Error('engine not initialised'), {
    code: 'not-ready',
    userMessage: 'The recognition engine is not running. Press "Retry" to start it.',
  });
}

function bitmapPixels(bitmap: ImageBitmap, read: BitmapReader | undefined): RgbaImage {
  if (!read) {
    bitmap.close();
    throw new Error('this engine host cannot read ImageBitmaps');
  }
  return read(bitmap);
}

function cancelledError(): Error {
  return Object.assign(new Error('cancelled'), {
    code: 'cancelled',
    userMessage: 'This reading was replaced by a newer one.',
  });
}
