/**
 * What went wrong with the camera, in words a person can act on. getUserMedia reports
 * failures as DOMExceptions whose `name` is the only reliable signal across browsers.
 */

export type CameraProblemKind = 'insecure' | 'denied' | 'not-found' | 'busy' | 'ended' | 'unknown';

export interface CameraProblem {
  kind: CameraProblemKind;
  message: string;
}

const MESSAGES: Record<CameraProblemKind, string> = {
  insecure:
    'The camera needs a secure connection: open this page over https or on localhost. Until then, take a photo and use Upload.',
  denied:
    'Camera access is blocked for this site. Allow it in the browser’s site settings (the camera or lock icon in the address bar), then press “Try again” — or use Upload with a photo instead.',
  'not-found':
    'No camera was found. Connect a camera and press “Try again”, or use Upload with a photo instead.',
  busy: 'The camera is in use by another app or tab. Close the other app (a video call, another tab), then press “Try again”.',
  ended:
    'The camera stopped — it was unplugged or switched off. Reconnect it and press “Try again”.',
  unknown: 'The camera could not start. Press “Try again”, or use Upload with a photo instead.',
};

export function cameraProblem(kind: CameraProblemKind): CameraProblem {
  return { kind, message: MESSAGES[kind] };
}

const KIND_BY_ERROR_NAME: Record<string, CameraProblemKind> = {
  NotAllowedError: 'denied',
  // A permissions policy or browser setting forbids the camera outright.
  SecurityError: 'denied',
  PermissionDeniedError: 'denied',
  NotFoundError: 'not-found',
  DevicesNotFoundError: 'not-found',
  // No camera can satisfy the constraints: for the user, there is no usable camera.
  OverconstrainedError: 'not-found',
  ConstraintNotSatisfiedError: 'not-found',
  NotReadableError: 'busy',
  TrackStartError: 'busy',
};

/** Maps a getUserMedia rejection (or anything thrown while starting) to a problem. */
export function cameraProblemFor(error: unknown): CameraProblem {
  const name =
    error && typeof error === 'object' && 'name' in error ? String(error.name) : undefined;
  return cameraProblem((name && KIND_BY_ERROR_NAME[name]) || 'unknown');
}
