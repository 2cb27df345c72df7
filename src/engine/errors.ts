/**
 * Typed engine errors. They cross the worker boundary as plain data ({code, message, userMessage}),
 * so the UI can show `userMessage` and branch on `code` without instanceof.
 */

export type EngineErrorCode =
  | 'opencv-load-failed'
  | 'model-load-failed'
  | 'backend-unavailable'
  | 'invalid-image'
  | 'image-too-large'
  | 'invalid-samples'
  | 'cancelled'
  | 'disposed'
  | 'internal';

export interface EngineErrorData {
  code: EngineErrorCode;
  message: string;
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
  cancelled: 'Recognition was cancelled because a newer request replaced it.',
  disposed: 'The recognizer was shut down. Reload the page to start it again.',
  internal: 'Something went wrong while reading the digits. Try again, or try another image.',
};

export class EngineError extends Error {
  readonly code: EngineErrorCode;
  readonly userMessage: string;

  constructor(code: EngineErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'EngineError';
    this.code = code;
    this.userMessage = USER_MESSAGES[code];
  }

  toJSON(): EngineErrorData {
    return { code: this.code, message: this.message, userMessage: this.userMessage };
  }
}

export function userMessageFor(code: EngineErrorCode): string {
  return USER_MESSAGES[code];
}

export function isEngineError(err: unknown): err is EngineError {
  return err instanceof EngineError;
}

/** Plain-data form of any thrown value; unknown errors become 'internal'. */
export function toEngineErrorData(err: unknown): EngineErrorData {
  if (err instanceof EngineError) return err.toJSON();
  const message = err instanceof Error ? err.message : String(err);
  return { code: 'internal', message, userMessage: USER_MESSAGES.internal };
}

export function throwIfAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new EngineError('cancelled', 'Recognition aborted by the caller');
}
