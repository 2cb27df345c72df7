/**
 * Node image I/O for the CLI, benchmarks and fixtures: PNG (pngjs) and JPEG (jpeg-js) files
 * <-> RgbaImage. JPEG decoding is bounded so a hostile or huge file fails fast instead of
 * exhausting memory.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import jpeg from 'jpeg-js';
import { PNG } from 'pngjs';
import { EngineError } from '../engine/errors';
import type { RgbaImage } from '../engine/types';

export const MAX_JPEG_MEGAPIXELS = 50;
export const MAX_JPEG_MEMORY_MB = 1024;

export type ImageFormat = 'png' | 'jpeg';

export function sniffFormat(bytes: Uint8Array): ImageFormat | null {
  if (
    bytes.length >= 8 &&
    bytes[0] === 0x89 &&
    bytes[1] === 0x50 &&
    bytes[2] === 0x4e &&
    bytes[3] === 0x47
  ) {
    return 'png';
  }
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff)
    return 'jpeg';
  return null;
}

/** Decodes PNG or JPEG bytes; failures are EngineErrors ('invalid-image' / 'image-too-large'). */
export function decodeImage(bytes: Uint8Array, name = 'image'): RgbaImage {
  try {
    return decodeUnchecked(bytes, name);
  } catch (err) {
    if (err instanceof EngineError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    const tooLarge = /maxResolutionInMP|maxMemoryUsage/i.test(message);
    throw new EngineError(tooLarge ? 'image-too-large' : 'invalid-image', `${name}: ${message}`, {
      cause: err,
    });
  }
}

function decodeUnchecked(bytes: Uint8Array, name: string): RgbaImage {
  const format = sniffFormat(bytes);
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (format === 'png') {
    const png = PNG.sync.read(buffer);
    return {
      width: png.width,
      height: png.height,
      data: new Uint8ClampedArray(png.data.buffer, png.data.byteOffset, png.data.byteLength),
    };
  }
  if (format === 'jpeg') {
    const img = jpeg.decode(buffer, {
      useTArray: true,
      formatAsRGBA: true,
      maxResolutionInMP: MAX_JPEG_MEGAPIXELS,
      maxMemoryUsageInMB: MAX_JPEG_MEMORY_MB,
    });
    return {
      width: img.width,
      height: img.height,
      data: new Uint8ClampedArray(img.data.buffer, img.data.byteOffset, img.data.byteLength),
    };
  }
  throw new EngineError('invalid-image', `${name}: not a PNG or JPEG file`);
}

export function readImage(path: string): RgbaImage {
  return decodeImage(readFileSync(path), path);
}

export function encodePng(image: RgbaImage): Buffer {
  const png = new PNG({ width: image.width, height: image.height });
  png.data = Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength);
  return PNG.sync.write(png);
}

export function encodeJpeg(image: RgbaImage, quality = 90): Buffer {
  const out = jpeg.encode(
    {
      width: image.width,
      height: image.height,
      data: Buffer.from(image.data.buffer, image.data.byteOffset, image.data.byteLength),
    },
    quality,
  );
  return out.data;
}

export function writeImage(path: string, image: RgbaImage, quality = 90): void {
  const bytes = /\.jpe?g$/i.test(path) ? encodeJpeg(image, quality) : encodePng(image);
  writeFileSync(path, bytes);
}
