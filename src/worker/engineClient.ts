/**
 * The one typed bridge into the engine worker. The UI calls this; it never posts raw messages.
 * Every call takes an AbortSignal; aborting posts a cancel so the worker drops the work.
 */
import { EngineError } from '../engine/errors';
import type {
  LoadStep,
  PersonalSample,
  PipelineParams,
  RecognizeResult,
  RgbaImage,
} from '../engine/types';
import {
  readReply,
  type AnsweredRequest,
  type AnsweredType,
  type CrashKind,
  type EngineStats,
  type InitOptions,
  type MessagePortLike,
  type ReadyInfo,
  type RecognizeInput,
  type Replies,
  type Reply,
  type Request,
  type Response,
} from './protocol';

export type { ReadyInfo } from './protocol';

export interface ProgressEvent {
  step: LoadStep;
  done: boolean;
  detail?: string;
}

/** Bytes received of the engine's downloads while it loads. */
export type DownloadListener = (loaded: number, total: number) => void;

export interface RecognizeRequest {
  params?: Partial<PipelineParams>;
  stages?: boolean;
  signal?: AbortSignal;
}

export interface EngineClient {
  init(
    options: InitOptions,
    onProgress?: (p: ProgressEvent) => void,
    onDownload?: DownloadListener,
  ): Promise<ReadyInfo>;
  /**
   * Pixels are copied (the caller keeps its image); files are decoded inside the worker; an
   * ImageBitmap (a live camera frame) is transferred, so it is closed for the caller.
   */
  recognize(
    input: RgbaImage | File | ImageBitmap,
    request?: RecognizeRequest,
  ): Promise<RecognizeResult>;
  /** Replaces the engine's personal samples (copied); resolves to the number in use. */
  setPersonalSamples(samples: readonly PersonalSample[]): Promise<number>;
  /** Tensor count and OpenCV heap size once queued work is done (leak checks, benchmarks). */
  stats(): Promise<EngineStats>;
  /** Test hook: makes the worker crash (an uncaught error, or a lost WebGL context). */
  crash(how?: CrashKind): void;
  dispose(): void;
}

/** Start-up listeners of an init request. */
interface UpdateListeners {
  onProgress?: (p: ProgressEvent) => void;
  onDownload?: DownloadListener;
}

/** A request awaiting its reply; `settle` resolves it with the value its own reply type holds. */
interface Pending extends UpdateListeners {
  settle: (reply: Reply) => void;
  reject: (err: unknown) => void;
}

export type EnginePort = MessagePortLike<Response, Request> & {
  terminate?: () => void;
  /** A Worker reports an uncaught error in its scope (a crash) as an 'error' event. */
  addEventListener(type: 'error', listener: (event: Event) => void): void;
};

export interface EngineClientOptions {
  /** Called once when the worker dies; every pending request has been rejected by then. */
  onCrash?: () => void;
}

/** The requests awaiting the worker's replies, and the port they go out on. */
class PendingRequests {
  private readonly pending = new Map<number, Pending>();
  private lastId = 0;
  private crashed = false;

  constructor(private readonly port: EnginePort) {}

  nextId(): number {
    return ++this.lastId;
  }

  post(message: Request, transfer: Transferable[] = []): void {
    this.port.postMessage(message, transfer);
  }

  /** Posts an answered request; resolves with the value of its own reply type. */
  send<T extends AnsweredType>(
    request: AnsweredRequest<T>,
    listeners: UpdateListeners = {},
    transfer: Transferable[] = [],
  ): Promise<Replies[T]['value']> {
    return new Promise((resolve, reject) => {
      if (this.crashed) {
        reject(new EngineError('worker-crashed', 'worker crashed'));
        return;
      }
      const read = readReply[request.type];
      const settle = (reply: Reply): void => {
        const value = read(reply);
        if (value === undefined) {
          reject(
            new EngineError('internal', `'${reply.type}' reply to a '${request.type}' request`),
          );
        } else resolve(value);
      };
      this.pending.set(request.id, { settle, reject, ...listeners });
      this.post(request, transfer);
    });
  }

  /** Routes a worker message to the request it belongs to. */
  deliver(msg: Response): void {
    const p = this.pending.get(msg.id);
    if (!p) return; // a late answer to a cancelled request
    switch (msg.type) {
      case 'progress':
        p.onProgress?.({ step: msg.step, done: msg.done, detail: msg.detail });
        return;
      case 'download':
        p.onDownload?.(msg.loaded, msg.total);
        return;
      case 'error':
        this.pending.delete(msg.id);
        p.reject(EngineError.fromData(msg.error));
        return;
      default:
        this.pending.delete(msg.id);
        p.settle(msg);
    }
  }

  /** Drops one request (the worker is told to cancel it) and rejects it. */
  cancel(id: number, error: EngineError): void {
    const p = this.pending.get(id);
    this.pending.delete(id);
    this.post({ type: 'cancel', id });
    p?.reject(error);
  }

  /** The worker died: every pending request fails, and so does every later one. Once only. */
  crash(message: string): boolean {
    if (this.crashed) return false;
    this.crashed = true;
    this.rejectAll(new EngineError('worker-crashed', message));
    return true;
  }

  rejectAll(error: EngineError): void {
    for (const p of this.pending.values()) p.reject(error);
    this.pending.clear();
  }
}

function recognizeVia(
  requests: PendingRequests,
  source: RgbaImage | File | ImageBitmap,
  { signal, params, stages = false }: RecognizeRequest,
): Promise<RecognizeResult> {
  const id = requests.nextId();
  if (signal?.aborted) return Promise.reject(cancelled());
  const input = toInput(source);
  const transfer = input.kind === 'bitmap' ? [input.bitmap] : [];
  const result = requests.send({ type: 'recognize', id, input, params, stages }, {}, transfer);
  if (!signal) return result;
  const onAbort = (): void => requests.cancel(id, cancelled());
  signal.addEventListener('abort', onAbort, { once: true });
  return result.finally(() => signal.removeEventListener('abort', onAbort));
}

export function createEngineClient(
  port: EnginePort,
  options: EngineClientOptions = {},
): EngineClient {
  const requests = new PendingRequests(port);
  const onError = (event: Event): void => {
    event.preventDefault?.(); // handled here: not an uncaught page error
    if (!requests.crash('message' in event ? String(event.message) : 'worker error')) return;
    port.terminate?.();
    options.onCrash?.();
  };
  port.addEventListener('error', onError);
  const onMessage = (event: MessageEvent<Response>): void => requests.deliver(event.data);
  port.addEventListener('message', onMessage);

  return {
    init(options, onProgress, onDownload) {
      const id = requests.nextId();
      return requests.send({ type: 'init', id, options }, { onProgress, onDownload });
    },
    recognize(source, request = {}) {
      return recognizeVia(requests, source, request);
    },
    setPersonalSamples(samples) {
      const copy = samples.map((s) => ({ label: s.label, crop28: Float32Array.from(s.crop28) }));
      return requests.send({ type: 'personal', id: requests.nextId(), samples: copy });
    },
    stats() {
      return requests.send({ type: 'stats', id: requests.nextId() });
    },
    crash(how = 'throw') {
      requests.post({ type: 'crash', id: requests.nextId(), how });
    },
    dispose() {
      port.removeEventListener('message', onMessage);
      requests.rejectAll(new EngineError('disposed', 'engine client disposed'));
      port.terminate?.();
    },
  };
}

function isBlob(source: RgbaImage | Blob | ImageBitmap): source is Blob {
  return typeof Blob !== 'undefined' && source instanceof Blob;
}

function isBitmap(source: RgbaImage | Blob | ImageBitmap): source is ImageBitmap {
  return typeof ImageBitmap !== 'undefined' && source instanceof ImageBitmap;
}

function toInput(source: RgbaImage | File | ImageBitmap): RecognizeInput {
  if (isBlob(source)) return { kind: 'file', file: source, name: source.name || 'image' };
  if (isBitmap(source)) return { kind: 'bitmap', bitmap: source };
  // Copy the pixels: the caller keeps its image (undo history, re-runs with new parameters).
  const image = {
    width: source.width,
    height: source.height,
    data: new Uint8ClampedArray(source.data),
  };
  return { kind: 'pixels', image };
}

function cancelled(): EngineError {
  return new EngineError('cancelled', 'cancelled');
}
