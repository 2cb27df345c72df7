/**
 * The one typed bridge into the engine worker. The UI calls this; it never posts raw messages.
 * Every call takes an AbortSignal; aborting posts a cancel so the worker drops the work.
 */
import type {
  BackendName,
  PersonalSample,
  PipelineParams,
  RecognizeResult,
  RgbaImage,
} from '../engine/types';
import type {
  CrashKind,
  EngineErrorData,
  EngineStats,
  InitOptions,
  LoadStep,
  MessagePortLike,
  RecognizeInput,
  Request,
  Response,
} from './protocol';

export class EngineRequestError extends Error {
  readonly code: string;
  readonly userMessage: string;
  constructor(data: EngineErrorData) {
    super(data.message);
    this.name = 'EngineRequestError';
    this.code = data.code;
    this.userMessage = data.userMessage;
  }
}

export interface ReadyInfo {
  backend: BackendName;
  loadMs: number;
}

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

interface Pending {
  resolve: (value: never) => void;
  reject: (err: unknown) => void;
  onProgress?: (p: ProgressEvent) => void;
  onDownload?: DownloadListener;
}

export type EnginePort = MessagePortLike<Response, Request> & {
  terminate?: () => void;
  /** A Worker reports an uncaught error in its scope (a crash) as an 'error' event. */
  addEventListener(type: 'error', listener: (event: Event) => void): void;
};

export const WORKER_CRASHED = 'worker-crashed';

export interface EngineClientOptions {
  /** Called once when the worker dies; every pending request has been rejected by then. */
  onCrash?: () => void;
}

export function createEngineClient(
  port: EnginePort,
  options: EngineClientOptions = {},
): EngineClient {
  let nextId = 1;
  const pending = new Map<number, Pending>();
  let crashed = false;

  const onError = (event: Event): void => {
    event.preventDefault?.(); // handled here: not an uncaught page error
    if (crashed) return;
    crashed = true;
    const error = new EngineRequestError({
      code: WORKER_CRASHED,
      message: 'message' in event ? String(event.message) : 'worker error',
      userMessage: 'The recognition engine stopped unexpectedly. It is being restarted.',
    });
    for (const p of pending.values()) p.reject(error);
    pending.clear();
    port.terminate?.();
    options.onCrash?.();
  };
  port.addEventListener('error', onError);

  const onMessage = (event: MessageEvent<Response>): void => {
    const msg = event.data;
    const p = pending.get(msg.id);
    if (!p) return; // a late answer to a cancelled request
    switch (msg.type) {
      case 'progress':
        p.onProgress?.({ step: msg.step, done: msg.done, detail: msg.detail });
        return;
      case 'download':
        p.onDownload?.(msg.loaded, msg.total);
        return;
      case 'ready':
        pending.delete(msg.id);
        (p.resolve as (v: ReadyInfo) => void)({ backend: msg.backend, loadMs: msg.loadMs });
        return;
      case 'result':
        pending.delete(msg.id);
        (p.resolve as (v: RecognizeResult) => void)(msg.result);
        return;
      case 'stats':
        pending.delete(msg.id);
        (p.resolve as (v: EngineStats) => void)(msg.stats);
        return;
      case 'personal':
        pending.delete(msg.id);
        (p.resolve as (v: number) => void)(msg.count);
        return;
      case 'error':
        pending.delete(msg.id);
        p.reject(new EngineRequestError(msg.error));
        return;
    }
  };
  port.addEventListener('message', onMessage);

  function send<T>(
    request: Request,
    entry: Omit<Pending, 'resolve' | 'reject'> = {},
    transfer: Transferable[] = [],
  ): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      if (crashed) {
        reject(
          new EngineRequestError({
            code: WORKER_CRASHED,
            message: 'worker crashed',
            userMessage: 'The recognition engine stopped unexpectedly. It is being restarted.',
          }),
        );
        return;
      }
      pending.set(request.id, { resolve: resolve as (v: never) => void, reject, ...entry });
      port.postMessage(request, transfer);
    });
  }

  return {
    init(options, onProgress, onDownload) {
      return send<ReadyInfo>({ type: 'init', id: nextId++, options }, { onProgress, onDownload });
    },
    recognize(source, request = {}) {
      const { signal } = request;
      const id = nextId++;
      if (signal?.aborted) return Promise.reject(cancelled());
      const input = toInput(source);
      const result = send<RecognizeResult>(
        {
          type: 'recognize',
          id,
          input,
          params: request.params,
          stages: request.stages ?? false,
        },
        {},
        input.kind === 'bitmap' ? [input.bitmap] : [],
      );
      if (!signal) return result;
      const onAbort = (): void => {
        const p = pending.get(id);
        pending.delete(id);
        port.postMessage({ type: 'cancel', id });
        p?.reject(cancelled());
      };
      signal.addEventListener('abort', onAbort, { once: true });
      return result.finally(() => signal.removeEventListener('abort', onAbort));
    },
    setPersonalSamples(samples) {
      const copy = samples.map((s) => ({ label: s.label, crop28: Float32Array.from(s.crop28) }));
      return send<number>({ type: 'personal', id: nextId++, samples: copy });
    },
    stats() {
      return send<EngineStats>({ type: 'stats', id: nextId++ });
    },
    crash(how = 'throw') {
      port.postMessage({ type: 'crash', id: nextId++, how });
    },
    dispose() {
      port.removeEventListener('message', onMessage);
      for (const p of pending.values()) p.reject(new EngineRequestError(disposedError));
      pending.clear();
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

const disposedError: EngineErrorData = {
  code: 'disposed',
  message: 'engine client disposed',
  userMessage: 'The recognition engine was stopped.',
};

function cancelled(): EngineRequestError {
  return new EngineRequestError({
    code: 'cancelled',
    message: 'cancelled',
    userMessage: 'This reading was replaced by a newer one.',
  });
}

export function isCancelled(err: unknown): boolean {
  return err instanceof EngineRequestError && err.code === 'cancelled';
}
