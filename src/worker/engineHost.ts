/**
 * Serves the engine over a message port. Framework-free and DOM-free so Node tests can drive
 * it through a MessageChannel exactly as the browser drives it through a Worker.
 */
import type {
  BackendName,
  LoadStep,
  PersonalSample,
  RecognizeOptions,
  RecognizeResult,
  RgbaImage,
} from '../engine/types';
import { EngineError, FALLBACK_MESSAGES, toEngineErrorData } from '../engine/errors';
import type {
  CrashKind,
  EngineStats,
  InitOptions,
  MessagePortLike,
  RecognizeInput,
  Request,
  Response,
} from './protocol';
import { resultTransferables } from './protocol';

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

type Post = (message: Response, transfer?: Transferable[]) => void;

/** The engine, started once by the first 'init' and shared by every later one. */
class EngineSlot {
  private starting: Promise<HostedRecognizer> | null = null;
  private loaded: HostedRecognizer | null = null;

  constructor(
    private readonly create: RecognizerFactory,
    private readonly post: Post,
  ) {}

  init(id: number, options: InitOptions): void {
    const post = this.post;
    if (this.starting) {
      // Repeated init (React StrictMode, a second tab of the UI): answer from the same engine.
      this.starting.then(
        (r) => post({ type: 'ready', id, backend: r.backend, loadMs: 0 }),
        () => undefined,
      );
      return;
    }
    const started = performance.now();
    this.starting = this.create({
      model: options.modelUrl,
      ...(options.pairModelUrl ? { pairModel: options.pairModelUrl } : {}),
      ...(options.lineModelUrl ? { lineModel: options.lineModelUrl } : {}),
      backends: options.backends,
      onProgress: (p) => post({ type: 'progress', id, ...p }),
      onDownload: (loaded, total) => post({ type: 'download', id, loaded, total }),
    });
    this.starting.then(
      (r) => {
        this.loaded = r;
        post({ type: 'ready', id, backend: r.backend, loadMs: performance.now() - started });
      },
      (err: unknown) => {
        this.starting = null; // allow a retry
        post({ type: 'error', id, error: toEngineErrorData(err, FALLBACK_MESSAGES.start) });
      },
    );
  }

  /** The engine once it has started; 'not-ready' when no init came first. */
  async ready(): Promise<HostedRecognizer> {
    if (!this.starting) throw new EngineError('not-ready', 'engine not initialised');
    return this.starting;
  }

  dispose(): void {
    this.loaded?.dispose();
  }
}

export function serveEngine(
  port: MessagePortLike<Request, Response>,
  deps: EngineHostDeps,
): () => void {
  const post: Post = (message, transfer = []) => port.postMessage(message, transfer);
  const engine = new EngineSlot(deps.createRecognizer, post);
  const controllers = new Map<number, AbortController>();
  // One request at a time: tfjs and OpenCV are single-threaded here anyway, and a queue lets a
  // cancel drop work that has not started. A failure is posted as the request's error reply.
  let queue: Promise<void> = Promise.resolve();
  const enqueue: Enqueue = (id, fallback, work) => {
    queue = queue.then(work).catch((err: unknown) => {
      post({ type: 'error', id, error: toEngineErrorData(err, fallback) });
    });
  };

  const host: Host = { engine, post, deps, controllers, enqueue };

  const onMessage = (event: MessageEvent<Request>): void => {
    const request = event.data;
    switch (request.type) {
      case 'init':
        engine.init(request.id, request.options);
        break;
      case 'recognize':
        queueRecognize(host, request);
        break;
      case 'cancel':
        controllers.get(request.id)?.abort();
        break;
      case 'crash':
        crash(request.how, deps);
        break;
      case 'personal':
        // Behind the queue: a reading already asked for finishes with the samples it began with.
        enqueue(request.id, FALLBACK_MESSAGES.samples, () => setPersonal(engine, request, post));
        break;
      case 'stats':
        // Behind the queue, so the numbers describe a quiet engine.
        enqueue(request.id, FALLBACK_MESSAGES.read, () => answerStats(deps, request, post));
        break;
    }
  };
  port.addEventListener('message', onMessage);
  return () => {
    port.removeEventListener('message', onMessage);
    for (const c of controllers.values()) c.abort();
    engine.dispose();
  };
}

/** Queued work; a failure becomes the request's error reply, told with `fallback`. */
type Enqueue = (id: number, fallback: string, work: () => Promise<void>) => void;

interface Host {
  engine: EngineSlot;
  post: Post;
  deps: EngineHostDeps;
  /** The readings queued or running, by request id, so a cancel can abort them. */
  controllers: Map<number, AbortController>;
  enqueue: Enqueue;
}

function queueRecognize(host: Host, request: Extract<Request, { type: 'recognize' }>): void {
  const { engine, post, deps, controllers } = host;
  const controller = new AbortController();
  controllers.set(request.id, controller);
  host.enqueue(request.id, FALLBACK_MESSAGES.read, async () => {
    try {
      const r = await engine.ready();
      const result = await recognizeRequest(r, request, controller.signal, deps);
      post({ type: 'result', id: request.id, result }, resultTransferables(result));
    } finally {
      controllers.delete(request.id);
    }
  });
}

async function setPersonal(
  engine: EngineSlot,
  request: Extract<Request, { type: 'personal' }>,
  post: Post,
): Promise<void> {
  const r = await engine.ready();
  if (!r.setPersonalSamples) throw new Error('personal samples are not supported');
  const count = await r.setPersonalSamples(request.samples);
  post({ type: 'personal', id: request.id, count });
}

async function answerStats(
  deps: EngineHostDeps,
  request: Extract<Request, { type: 'stats' }>,
  post: Post,
): Promise<void> {
  if (!deps.stats) throw new Error('stats are not available');
  post({ type: 'stats', id: request.id, stats: await deps.stats() });
}

/** Reads one request's input, checking between the steps whether it was cancelled meanwhile. */
async function recognizeRequest(
  r: HostedRecognizer,
  request: Extract<Request, { type: 'recognize' }>,
  signal: AbortSignal,
  deps: EngineHostDeps,
): Promise<RecognizeResult> {
  throwIfCancelled(signal);
  const image = await inputPixels(request.input, deps);
  throwIfCancelled(signal);
  const result = await r.recognize(image, {
    params: request.params,
    stages: request.stages,
    signal,
  });
  throwIfCancelled(signal);
  return result;
}

function inputPixels(input: RecognizeInput, deps: EngineHostDeps): Promise<RgbaImage> | RgbaImage {
  switch (input.kind) {
    case 'pixels':
      return input.image;
    case 'file':
      return deps.decodeFile(input.file, input.name);
    case 'bitmap':
      return bitmapPixels(input.bitmap, deps.readBitmap);
  }
}

function crash(how: CrashKind, { loseWebglContext }: EngineHostDeps): void {
  if (how === 'webgl-context-lost' && loseWebglContext?.()) return;
  // Test hook for crash recovery: an uncaught error in the worker scope.
  setTimeout(() => {
    throw new Error('engine worker crash requested');
  });
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new EngineError('cancelled', 'cancelled');
}

function bitmapPixels(bitmap: ImageBitmap, read: BitmapReader | undefined): RgbaImage {
  if (!read) {
    bitmap.close();
    throw new Error('this engine host cannot read ImageBitmaps');
  }
  return read(bitmap);
}
