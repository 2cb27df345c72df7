/** Plain geometry shared by the segmentation steps (working-image pixels). */

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A connected component of the dilated mask, or a merged group of them. */
export interface Blob extends Rect {
  /** Ink pixels inside (from the thresholded image, not the dilated mask). */
  ink: number;
  /** Sum over the ink pixels of their lighting-normalised level (0 = black, 255 = paper). */
  levelSum?: number;
  /** Component labels that make up this blob (indices into the label image). */
  labels: number[];
  /** Only ink in columns [x0, x1) belongs to this blob (set when touching digits are split). */
  clip?: { x0: number; x1: number };
}

export function union(a: Rect, b: Rect): Rect {
  const x = Math.min(a.x, b.x);
  const y = Math.min(a.y, b.y);
  return {
    x,
    y,
    w: Math.max(a.x + a.w, b.x + b.w) - x,
    h: Math.max(a.y + a.h, b.y + b.h) - y,
  };
}

/** Overlap length of two intervals (negative = gap). */
export function overlap1d(a0: number, a1: number, b0: number, b1: number): number {
  return Math.min(a1, b1) - Math.max(a0, b0);
}

/** Horizontal and vertical gaps between two rects (0 where they overlap) and the distance. */
export function gaps(a: Rect, b: Rect): { gx: number; gy: number; dist: number } {
  const gx = Math.max(0, -overlap1d(a.x, a.x + a.w, b.x, b.x + b.w));
  const gy = Math.max(0, -overlap1d(a.y, a.y + a.h, b.y, b.y + b.h));
  return { gx, gy, dist: Math.hypot(gx, gy) };
}

export function mergeBlobs(a: Blob, b: Blob): Blob {
  const merged: Blob = {
    ...union(a, b),
    ink: a.ink + b.ink,
    labels: [...new Set([...a.labels, ...b.labels])],
  };
  if (a.levelSum !== undefined && b.levelSum !== undefined)
    merged.levelSum = a.levelSum + b.levelSum;
  return merged;
}

export function median(values: number[]): number {
  if (values.length === 0) return 0;
  const s = [...values].sort((p, q) => p - q);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/**
 * Typical digit height: the median over blobs at least 40% as tall as the tallest, so that
 * specks and detached bars do not drag it down.
 */
export function referenceHeight(blobs: Rect[]): number {
  if (blobs.length === 0) return 0;
  const tallest = Math.max(...blobs.map((b) => b.h));
  return median(blobs.filter((b) => b.h >= 0.4 * tallest).map((b) => b.h));
}
