/**
 * Decodes an uploaded file to RGBA inside the worker (browser only: createImageBitmap +
 * OffscreenCanvas). The header is read first so bombs and impostors never reach the decoder.
 */
import { EngineError, type EngineErrorCode } from '../engine/errors';
import type { RgbaImage } from '../engine/types';
import { readImageHeader, sniffNonImage, SUPPORTED_FORMATS_TEXT } from './imageHeader';

/** Refuse anything above this before decoding (a 30000x30000 PNG is 900 MP). */
export const MAX_SOURCE_PIXELS = 100_000_000;
/** Decode at most this long side; the engine works at a smaller size anyway. */
export const MAX_DECODED_SIDE = 4096;

/** A file the worker cannot read, with a sentence that names it. */
function fileError(code: EngineErrorCode, userMessage: string): EngineError {
  return new EngineError(code, userMessage, { userMessage });
}

export async function decodeFile(file: Blob, name: string): Promise<RgbaImage> {
  const head = new Uint8Array(await file.slice(0, 256 * 1024).arrayBuffer());
  const impostor = sniffNonImage(head);
  if (impostor === 'empty') {
    throw fileError('empty-file', `"${name}" is empty (0 bytes). Choose another file.`);
  }
  if (impostor) {
    throw fileError(
      'unsupported-file',
      `"${name}" is a ${impostor}, not a photo or scan. Use a ${SUPPORTED_FORMATS_TEXT} image.`,
    );
  }
  const header = readImageHeader(head);
  if (!header) {
    throw fileError(
      'unsupported-file',
      `"${name}" is not an image this app can read, or it is damaged. Use a ${SUPPORTED_FORMATS_TEXT} image.`,
    );
  }
  const { width, height } = header;
  if (width === 0 || height === 0) {
    throw fileError('invalid-image', `"${name}" has no pixels. Choose another image.`);
  }
  if (width * height > MAX_SOURCE_PIXELS) {
    throw fileError(
      'image-too-large',
      `"${name}" is ${width}×${height} pixels (${Math.round((width * height) / 1e6)} MP), more than ` +
        `this app can safely open (${MAX_SOURCE_PIXELS / 1e6} MP). Resize it and try again.`,
    );
  }

  let bitmap: ImageBitmap;
  try {
    const scale = Math.min(1, MAX_DECODED_SIDE / Math.max(width, height));
    const options: ImageBitmapOptions = {
      imageOrientation: 'from-image',
      premultiplyAlpha: 'none',
    };
    if (scale < 1) {
      options.resizeWidth = Math.max(1, Math.round(width * scale));
      options.resizeHeight = Math.max(1, Math.round(height * scale));
      options.resizeQuality = 'high';
    }
    bitmap = await createImageBitmap(file, options);
  } catch {
    throw fileError(
      'decode-failed',
      `"${name}" could not be decoded: the file looks damaged or incomplete. Try exporting it again.`,
    );
  }
  return readBitmap(bitmap, `"${name}" could not be read.`, false);
}

let frameCanvas: OffscreenCanvas | null = null;

/**
 * An ImageBitmap's pixels (a decoded file, a live camera frame); closes the bitmap. Live frames
 * (`reuse`) share one canvas: they arrive several times a second at the same size. A decoded
 * file gets its own, so a large photo's canvas is not kept.
 */
export function readBitmap(
  bitmap: ImageBitmap,
  failure = 'The camera frame could not be read.',
  reuse = true,
): RgbaImage {
  try {
    const { width, height } = bitmap;
    let canvas = reuse ? frameCanvas : null;
    if (!canvas || canvas.width !== width || canvas.height !== height) {
      canvas = new OffscreenCanvas(width, height);
      if (reuse) frameCanvas = canvas;
    }
    const ctx = canvas.getContext('2d', { willReadFrequently: true });
    if (!ctx) throw fileError('decode-failed', failure);
    ctx.clearRect(0, 0, width, height);
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, width, height);
    return { width: data.width, height: data.height, data: data.data };
  } finally {
    bitmap.close();
  }
}
