/**
 * Texture, not writing: a photo of fabric, a wall, sensor noise or a mottled surface gives
 * dozens of blobs, and the line reader sees no digit over most of them. Real writing gives
 * almost none it is silent over (none of the 298 blobs in the 36 real photos of ../shared/data).
 * Where a large share of an image's ink is such, the rest is no more trustworthy: each digit
 * keeps only the share of its trust that the image's writing-like ink leaves.
 */
import type { PlannedLine } from '../plan';

/** Blobs needed before an image is judged as a whole (a few marks are judged one by one). */
export const TEXTURE_MIN_DIGITS = 12;
/** The reader saw no digit over this share of the blobs or more: the image is texture. */
export const TEXTURE_SHARE = 0.3;
/** A blob the reader gave at least this not-a-digit probability counts against the image. */
const SILENT_FROM = 0.5;

/** The share of planned digits the reader took for no digit; 0 below TEXTURE_MIN_DIGITS. */
export function textureShare(lines: readonly PlannedLine[]): number {
  const digits = lines.flatMap((l) => l.digits);
  if (digits.length < TEXTURE_MIN_DIGITS) return 0;
  const silent = digits.filter((d) => (d.notDigit ?? 0) >= SILENT_FROM).length;
  return silent / digits.length;
}

/** Lines with every digit's not-a-digit probability raised to the image's texture share. */
export function discountTexture(lines: PlannedLine[]): { lines: PlannedLine[]; texture: boolean } {
  const share = textureShare(lines);
  if (share < TEXTURE_SHARE) return { lines, texture: false };
  return {
    texture: true,
    lines: lines.map((line) => ({
      ...line,
      digits: line.digits.map((d) => ({ ...d, notDigit: Math.max(d.notDigit ?? 0, share) })),
    })),
  };
}
