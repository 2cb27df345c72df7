/**
 * Drops blobs that are not digits: specks of dust and paper texture (tiny in absolute terms or
 * next to the typical digit), leftovers of ruled lines (long and flat), and blobs that are
 * almost all ink (a smudge or a shadow edge, not a stroke).
 */
import type { ComponentMap } from './components';
import type { Blob } from './geometry';

/** At most this many raw components are looked at: the rest (by ink) is noise anyway. */
export const MAX_CANDIDATES = 400;
/** A blob needs at least this share of the typical digit's contrast with the paper... */
export const FAINT_CONTRAST = 0.45;
/** ...and this share when it touches the image border (where shadow wedges are). */
export const BORDER_CONTRAST = 0.75;
/** At most this many digits per image. */
export const MAX_DIGITS = 200;

export const RULE_TUNING = {
  /** A rule spans at least this share of the image along its length... */
  minSpan: 0.6,
  /** ...and is at most this thick for its length... */
  maxThinness: 0.03,
  /** ...and next to the image's other side (a pen-drawn "1" is wider than both). */
  maxAcross: 0.01,
  /** In a small image (a strip of ruled paper): spanning at least this share, */
  stripSpan: 0.85,
  /** ink per unit length at most this share of the length (a hairline), */
  stripInkThinness: 0.025,
  /** its box at most this thick for its length (a dilated hairline margin: 8% of a strip), */
  stripThinness: 0.1,
  /** and the image's other side at least this share of the length (a tight crop's "1" is not). */
  stripMinAcross: 0.8,
} as const;

export const NOISE_TUNING = {
  /** A blob whose longer side is under this share of the reference height is a speck. */
  minSize: 0.35,
  /** A blob flatter than this share of the reference height is a line remnant or a dash. */
  minHeight: 0.2,
} as const;

export function dropSpecks(blobs: Blob[], minBoxSize: number): Blob[] {
  const kept = blobs.filter((b) => Math.max(b.w, b.h) >= minBoxSize);
  if (kept.length <= MAX_CANDIDATES) return kept;
  return kept.sort((a, b) => b.ink - a.ink).slice(0, MAX_CANDIDATES);
}

/**
 * A lone straight rule on a page: a notebook's margin line, a table edge. It spans most of the
 * image, is hair-thin for its length, and hair-thin next to the page's other side too. A "1"
 * drawn across a whole canvas is pen-wide (several percent of its length), and a thin "1" in a
 * tight crop is thick next to the crop's narrow width, so both stay. Ruled paper's repeated
 * lines are removed earlier; this catches the single one left alone.
 */
export function isRule(b: Blob, imageWidth: number, imageHeight: number): boolean {
  const vertical = b.h >= b.w;
  const length = vertical ? b.h : b.w;
  const thickness = vertical ? b.w : b.h;
  const span = vertical ? imageHeight : imageWidth;
  const across = vertical ? imageWidth : imageHeight;
  const t = RULE_TUNING;
  if (
    length >= t.minSpan * span &&
    thickness <= t.maxThinness * length &&
    thickness <= t.maxAcross * across
  ) {
    return true;
  }
  // In a small image (a strip of ruled paper) the margin line is thick next to the width but
  // its ink is still a hairline: ink per unit length, not the dilated box, says so. A "1" in a
  // tight crop is narrower than it is long, so `across` keeps it.
  const inkThickness = b.ink / Math.max(1, length);
  return (
    length >= t.stripSpan * span &&
    inkThickness <= t.stripInkThinness * length &&
    thickness <= t.stripThinness * length &&
    across >= t.stripMinAcross * length
  );
}

export function dropRules(blobs: Blob[], imageWidth: number, imageHeight: number): Blob[] {
  return blobs.filter((b) => !isRule(b, imageWidth, imageHeight));
}

export function isNoise(b: Blob, refH: number): boolean {
  const longer = Math.max(b.w, b.h);
  if (longer < NOISE_TUNING.minSize * refH) return true;
  // Flat: a line remnant, an underline, a dash. Bars of real digits were merged before this.
  if (b.h < NOISE_TUNING.minHeight * refH) return true;
  return false;
}

export function dropNoise(blobs: Blob[], refH: number): Blob[] {
  const kept = blobs.filter((b) => !isNoise(b, refH));
  if (kept.length <= MAX_DIGITS) return kept;
  return kept.sort((a, b) => b.ink - a.ink).slice(0, MAX_DIGITS);
}

/**
 * Drops blobs much fainter than the typical digit: the corner of a shadow or a crease passes
 * the threshold but is only somewhat darker than paper, while ink is a lot darker. Shadow
 * wedges run into the image border, so blobs touching it must be nearly as dark as the digits.
 * Needs the lighting-normalised levels (default threshold method); otherwise a no-op.
 */
export function dropFaint(
  blobs: Blob[],
  refH: number,
  image: { offsetX: number; offsetY: number; imageWidth: number; imageHeight: number },
): Blob[] {
  const { offsetX: ox, offsetY: oy, imageWidth: width, imageHeight: height } = image;
  const level = (b: Blob): number | null =>
    b.levelSum === undefined ? null : b.levelSum / Math.max(1, b.ink);
  const levels = blobs
    .filter((b) => b.h >= 0.5 * refH)
    .map(level)
    .filter((l): l is number => l !== null)
    .sort((p, q) => p - q);
  if (levels.length === 0) return blobs;
  // The darker quartile: shadow pieces can outnumber the digits.
  const typical = 255 - levels[levels.length >> 2]!;
  return blobs.filter((b) => {
    const l = level(b);
    if (l === null) return true;
    const touches =
      b.x + ox <= 0 || b.y + oy <= 0 || b.x + ox + b.w >= width || b.y + oy + b.h >= height;
    return 255 - l >= (touches ? BORDER_CONTRAST : FAINT_CONTRAST) * typical;
  });
}

/**
 * The edge of the sheet or of the desk caught along the frame (a photo cropped a little
 * outside the page): ink lying in a thin band along the image borders, much longer than a digit
 * is tall (often an L round a corner). A digit cut by the frame (a tight crop) runs across the
 * border into the image, so most of its ink is away from the band.
 */
export function isFrameEdge(b: Blob, refH: number, map: ComponentMap): boolean {
  if (!touchesFrame(b, map) || Math.max(b.w, b.h) < 2 * refH) return false;
  const band = Math.max(3, 0.25 * refH);
  const own = new Set(b.labels);
  let ink = 0;
  let inBand = 0;
  for (let y = b.y; y < b.y + b.h; y++) {
    const gy = y + map.offsetY;
    for (let x = b.x; x < b.x + b.w; x++) {
      const p = y * map.width + x;
      if (!map.ink[p] || !own.has(map.labels[p]!)) continue;
      ink++;
      const gx = x + map.offsetX;
      if (Math.min(gx, gy, map.imageWidth - 1 - gx, map.imageHeight - 1 - gy) < band) inBand++;
    }
  }
  return ink > 0 && inBand >= 0.8 * ink;
}

export function dropFrameEdges(blobs: Blob[], refH: number, map: ComponentMap): Blob[] {
  return refH > 0 ? blobs.filter((b) => !isFrameEdge(b, refH, map)) : blobs;
}

export function touchesFrame(
  b: Blob,
  image: { offsetX: number; offsetY: number; imageWidth: number; imageHeight: number },
): boolean {
  const x0 = b.x + image.offsetX;
  const y0 = b.y + image.offsetY;
  return (
    x0 <= 1 || y0 <= 1 || x0 + b.w >= image.imageWidth - 1 || y0 + b.h >= image.imageHeight - 1
  );
}
