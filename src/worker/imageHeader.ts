/**
 * Reads an image's format and pixel size from its first bytes, before anything is decoded,
 * so a decompression bomb or a file that is not an image is refused without touching memory.
 */
export type ImageFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'bmp';

export interface ImageHeader {
  format: ImageFormat;
  width: number;
  height: number;
}

export const SUPPORTED_FORMATS_TEXT = 'PNG, JPEG, WebP, GIF or BMP';

/** What a file looks like when it is not an image we read; used for a precise message. */
export function sniffNonImage(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return 'empty';
  const head = new TextDecoder().decode(bytes.subarray(0, 256)).trimStart().toLowerCase();
  if (head.startsWith('%pdf')) return 'PDF document';
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg')))
    return 'SVG drawing';
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'HTML page';
  if (bytes[0] === 0x00 && bytes[4] === 0x66 && bytes[5] === 0x74 && bytes[6] === 0x79) {
    return 'HEIC/AVIF or video file';
  }
  return null;
}

export function readImageHeader(bytes: Uint8Array): ImageHeader | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const has = (n: number): boolean => bytes.length >= n;
  // PNG: signature, then the IHDR chunk with big-endian width/height.
  if (has(24) && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e && bytes[3] === 0x47) {
    return { format: 'png', width: view.getUint32(16), height: view.getUint32(20) };
  }
  // GIF: logical screen size, little-endian.
  if (has(10) && bytes[0] === 0x47 && bytes[1] === 0x49 && bytes[2] === 0x46) {
    return { format: 'gif', width: view.getUint16(6, true), height: view.getUint16(8, true) };
  }
  // BMP: BITMAPINFOHEADER width/height (height may be negative for top-down rows).
  if (has(26) && bytes[0] === 0x42 && bytes[1] === 0x4d) {
    return {
      format: 'bmp',
      width: Math.abs(view.getInt32(18, true)),
      height: Math.abs(view.getInt32(22, true)),
    };
  }
  if (has(30) && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') {
    return readWebpSize(bytes, view);
  }
  if (has(4) && bytes[0] === 0xff && bytes[1] === 0xd8) return readJpegSize(bytes, view);
  return null;
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length));
}

function readWebpSize(bytes: Uint8Array, view: DataView): ImageHeader | null {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X') {
    const w = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16));
    const h = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16));
    return { format: 'webp', width: w, height: h };
  }
  if (chunk === 'VP8L') {
    const b = view.getUint32(21, true);
    return { format: 'webp', width: (b & 0x3fff) + 1, height: ((b >> 14) & 0x3fff) + 1 };
  }
  if (chunk === 'VP8 ') {
    return {
      format: 'webp',
      width: view.getUint16(26, true) & 0x3fff,
      height: view.getUint16(28, true) & 0x3fff,
    };
  }
  return null;
}

/** Walks JPEG markers to the first start-of-frame; null when the file ends before one. */
function readJpegSize(bytes: Uint8Array, view: DataView): ImageHeader | null {
  let i = 2;
  while (i + 9 < bytes.length) {
    if (bytes[i] !== 0xff) return null;
    const marker = bytes[i + 1]!;
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2;
      continue;
    }
    const length = view.getUint16(i + 2);
    const isSof =
      marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isSof) {
      return { format: 'jpeg', height: view.getUint16(i + 5), width: view.getUint16(i + 7) };
    }
    i += 2 + length;
  }
  return null;
}
