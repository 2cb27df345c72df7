/**
 * The one error model of the engine and its worker. Every failure is an EngineError with a code;
 * it crosses the worker boundary as plain EngineErrorData ({code, message, userMessage}) and is
 * rebuilt on the other side with EngineError.fromData, so the UI branches on `code` and shows
 * `userMessage` whichever side the error began on.
 */

export type EngineErrorCode =
  // The engine (src/engine):
  | 'opencv-load-failed'
  | 'model-load-failed'
  | 'backend-unavailable'
  | 'invalid-image'
  | 'image-too-large'
  | 'invalid-samples'
  | 'cancelled'
  | 'disposed'
  | 'internal'
  // The worker and its client (src/worker): files it decodes, its own life cycle.
  | 'empty-file'
  | 'unsupported-file'
  | 'decode-failed'
  | 'not-ready'
  | 'worker-crashed';

export interface EngineErrorData {
  code: EngineErrorCode;
  message: string;
  /** A sentence a person understands, and what to do. */
  userMessage: string;
}

const USER_MESSAGES: Record<EngineErrorCode, string> = {
  'opencv-load-failed':
    'The image-processing module could not be loaded. Check your connection and reload the page.',
  'model-load-failed':
    'The digit-recognition model could not be loaded. Check your connection and reload the page.',
  'backend-unavailable':
    'This browser cannot run the recognition model. Try a current version of Chrome, Firefox or Safari.',
  'invalid-image':
    'This image could not be read. Try another file (PNG or JPEG) or draw the digits again.',
  'image-too-large':
    'This image is too large to process. Try a smaller image (under 50 megapixels) or crop it.',
  'invalid-samples':
    'These handwriting samples could not be used. Import a file exported by Digit Lens, or forget the samples and correct digits again.',
  cancelled: 'This reading was replaced by a newer one.',
  disposed: 'The recognizer was shut down. Reload the page to start it again.',
  internal: 'Something went wrong while reading the digits. Try again, or try another image.',
  'empty-file': 'This file is empty (0 bytes). Choose another file.',
  'unsupported-file': 'This file is not an image this app can read. Use a PNG or JPEG image.',
  'decode-failed': 'This file could not be decoded: it looks damaged or incomplete.',
  'not-ready': 'The recognition engine is not running. Press "Retry" to start it.',
  'worker-crashed': 'The recognition engine stopped unexpectedly. It is being restarted.',
};

/**
 * What went wrong where the failure is not an EngineError (a bug, a browser API throwing): the
 * sentence depends on what the user was doing, so callers of toEngineErrorData/userMessageOf
 * pass the one that fits.
 */
export const FALLBACK_MESSAGES = {
  start: 'The recognition engine could not start. Check your connection and press "Retry".',
  read: 'Something went wrong while reading this image. Please try again.',
  samples: 'Your handwriting samples could not be used. Try importing them again.',
} as const;

export interface EngineErrorOptions {
  cause?: unknown;
  /** A sentence naming the file or sample at fault; the code's general sentence otherwise. */
  userMessage?: string;
}

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly userMessage: string;

  constructor(code: EngineErrorCode, message: string, options: EngineErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'EngineError';
    this.code = code;
    this.userMessage = options.userMessage ?? USER_MESSAGES[code];
  }

  toJSON(): EngineErrorData {
    return { code: this.code, message: this.message, userMessage: this.userMessage };
  }

  /** The error again on the far side of the worker boundary. */
  static fromData(data: EngineErrorData): EngineError {
    return new EngineError(data.code, data.message, { userMessage: data.userMessage });
  }
}

export function isEngineError(err: unknown): err is EngineError {
  return err instanceof EngineError;
}

export function isCancelled(err: unknown): boolean {
  return err instanceof EngineError && err.code === 'cancelled';
}

/**
 * Plain-data form of any thrown value, to post across the worker boundary. Anything that is not
 * an EngineError becomes 'internal', told to the user with `fallback`.
 */
export function toEngineErrorData(
  err: unknown,
  fallback: string = USER_MESSAGES.internal,
): EngineErrorData {
  if (err instanceof EngineError) return err.toJSON();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message, userMessage: fallback };
}

/** The sentence to show for any thrown value (`fallback` when it is not an EngineError). */
export function userMessageOf(err: unknown, fallback: string = USER_MESSAGES.internal): string {
  return toEngineErrorData(err, fallback).userMessage;
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EngineError('cancelled', 'Recognition aborted by the caller');
}
