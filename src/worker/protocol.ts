/**
 * The typed message protocol between the UI thread and the engine worker.
 * Everything here is plain data (structured-clone safe).
 */
import type {
  BackendName,
  PersonalSample,
  PipelineParams,
  RecognizeResult,
  RgbaImage,
} from '../engine/types';

export type LoadStep = 'opencv' | 'backend' | 'model' | 'warmup';

export interface EngineErrorData {
  code: string;
  message: string;
  /** A sentence a person understands, and what to do. */
  userMessage: string;
}

/**
 * Pixels the UI already has (a drawing, a captured frame), a file the worker decodes itself, or a
 * live camera frame as an ImageBitmap (transferred: the UI thread never reads its pixels).
 */
export type RecognizeInput =
  | { kind: 'pixels'; image: RgbaImage }
  | { kind: 'file'; file: Blob; name: string }
  | { kind: 'bitmap'; bitmap: ImageBitmap };

export interface InitOptions {
  /** Backend preference order; the first that initialises wins. */
  backends: BackendName[];
  modelUrl: string;
  /** The pair check's model.json (one digit or two?); optional. */
  pairModelUrl?: string;
  /** The line reader's model.json (reads whole lines of touching digits); optional. */
  lineModelUrl?: string;
}

export type Request =
  | { type: 'init'; id: number; options: InitOptions }
  | {
      type: 'recognize';
      id: number;
      input: RecognizeInput;
      params?: Partial<PipelineParams>;
      stages: boolean;
    }
  | { type: 'cancel'; id: number }
  /** Replaces the personal samples the engine adapts to (an empty list: the model alone). */
  | { type: 'personal'; id: number; samples: PersonalSample[] }
  | { type: 'stats'; id: number }
  | { type: 'crash'; id: number; how: CrashKind };

/** Test hooks for recovery: an uncaught error, or the GPU taking the WebGL context away. */
export type CrashKind = 'throw' | 'webgl-context-lost';

/** Resource counters, for leak checks and the benchmark. */
export interface EngineStats {
  numTensors: number;
  tfBytes: number;
  openCvHeapBytes: number;
}

export type Response =
  | { type: 'progress'; id: number; step: LoadStep; done: boolean; detail?: string }
  /** Bytes of the engine's downloads (OpenCV's wasm, the models) received so far. */
  | { type: 'download'; id: number; loaded: number; total: number }
  | { type: 'ready'; id: number; backend: BackendName; loadMs: number }
  | { type: 'result'; id: number; result: RecognizeResult }
  | { type: 'stats'; id: number; stats: EngineStats }
  /** The personal samples now in use. */
  | { type: 'personal'; id: number; count: number }
  | { type: 'error'; id: number; error: EngineErrorData };

/** The minimal port both a Worker and a worker's global scope (and a MessagePort) satisfy. */
export interface MessagePortLike<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
}

export function toErrorData(err: unknown, fallbackUserMessage: string): EngineErrorData {
  if (err && typeof err === 'object' && 'code' in err && 'userMessage' in err) {
    const e = err as { code: unknown; message?: unknown; userMessage: unknown };
    return {
      code: String(e.code),
      message: typeof e.message === 'string' ? e.message : String(e.code),
      userMessage: String(e.userMessage),
    };
  }
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message, userMessage: fallbackUserMessage };
}

/** Transferable buffers of a result, so stage images and crops move instead of being copied. */
export function resultTransferables(result: RecognizeResult): Transferable[] {
  const buffers = new Set<ArrayBufferLike>();
  for (const stage of Object.values(result.stages ?? {})) buffers.add(stage.data.buffer);
  for (const line of result.lines) for (const d of line.digits) buffers.add(d.crop28.buffer);
  return [...buffers].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
