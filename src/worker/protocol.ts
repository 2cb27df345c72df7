/**
 * The typed message protocol between the UI thread and the engine worker.
 * Everything here is plain data (structured-clone safe).
 */
import type { EngineErrorData } from '../engine/errors';
import type {
  BackendName,
  LoadStep,
  PersonalSample,
  PipelineParams,
  RecognizeResult,
  RgbaImage,
} from '../engine/types';

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

export type RequestType = Request['type'];

/** Messages about a request still running (start-up progress); they do not settle it. */
export type Update =
  | { type: 'progress'; id: number; step: LoadStep; done: boolean; detail?: string }
  /** Bytes of the engine's downloads (OpenCV's wasm, the models) received so far. */
  | { type: 'download'; id: number; loaded: number; total: number };

type ReadyReply = { type: 'ready'; id: number; backend: BackendName; loadMs: number };
type ResultReply = { type: 'result'; id: number; result: RecognizeResult };
type StatsReply = { type: 'stats'; id: number; stats: EngineStats };
/** The personal samples now in use. */
type PersonalReply = { type: 'personal'; id: number; count: number };

export interface ReadyInfo {
  backend: BackendName;
  loadMs: number;
}

/**
 * The reply that settles each kind of request, and the value the client resolves it to. Any
 * of them may settle with an ErrorReply instead; 'cancel' and 'crash' get no reply at all.
 */
export interface Replies {
  init: { reply: ReadyReply; value: ReadyInfo };
  recognize: { reply: ResultReply; value: RecognizeResult };
  stats: { reply: StatsReply; value: EngineStats };
  personal: { reply: PersonalReply; value: number };
}

/** The request types that are answered. */
export type AnsweredType = keyof Replies;

/** A request of type T (its id and its own fields). */
export type AnsweredRequest<T extends AnsweredType = AnsweredType> = Request & {
  type: T;
  id: number;
};

export type Reply = Replies[AnsweredType]['reply'];

export type ErrorReply = { type: 'error'; id: number; error: EngineErrorData };

export type Response = Update | Reply | ErrorReply;

/**
 * Reads the value out of the reply to a request of type T; undefined when the reply is of another
 * kind (a protocol bug, which the client reports as an error rather than resolving wrongly).
 */
export const readReply: {
  [T in AnsweredType]: (reply: Reply) => Replies[T]['value'] | undefined;
} = {
  init: (r) => (r.type === 'ready' ? { backend: r.backend, loadMs: r.loadMs } : undefined),
  recognize: (r) => (r.type === 'result' ? r.result : undefined),
  stats: (r) => (r.type === 'stats' ? r.stats : undefined),
  personal: (r) => (r.type === 'personal' ? r.count : undefined),
};

/** The minimal port both a Worker and a worker's global scope (and a MessagePort) satisfy. */
export interface MessagePortLike<In, Out> {
  postMessage(message: Out, transfer?: Transferable[]): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
  removeEventListener(type: 'message', listener: (event: MessageEvent<In>) => void): void;
}

/** Transferable buffers of a result, so stage images and crops move instead of being copied. */
export function resultTransferables(result: RecognizeResult): Transferable[] {
  const buffers = new Set<ArrayBufferLike>();
  for (const stage of Object.values(result.stages ?? {})) buffers.add(stage.data.buffer);
  for (const line of result.lines) for (const d of line.digits) buffers.add(d.crop28.buffer);
  return [...buffers].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer);
}
