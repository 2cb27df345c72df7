/**
 * Removes ruled and grid notebook lines from the ink mask before contouring.
 *
 * A line is a structure that survives a morphological opening with a long thin kernel, spans a
 * large part of the image and is thin. Digit strokes survive the opening too when they are long
 * and straight (the bar of a 7), but they are either short relative to the image or, on a
 * canvas, thick - so the span and thickness tests keep them. Where a digit crosses a removed
 * line, its ink on both sides of the line is bridged again, so the digit is not cut in two.
 *
 * Detection runs on a coarse copy (any ink in a f x f cell = ink): long-kernel openings cost
 * time proportional to the kernel length, and at 1/4 scale both the image and the kernel shrink.
 */
import type { Mat, MatScope } from '../pipeline/matScope';

/** A line must span at least this fraction of the image width (height for vertical lines). */
export const LINE_MIN_SPAN = 0.4;

export interface LineRemovalResult {
  /** Ink with lines removed (a new Mat, owned by the scope). */
  cleaned: Mat;
  horizontal: number;
  vertical: number;
}

interface CoarseLines {
  /** Coarse-cell mask, 1 = part of a line. */
  cells: Uint8Array;
  count: number;
  /** Thickest accepted line, in coarse cells. */
  thickness: number;
}

function detectCoarseLines(
  scope: MatScope,
  coarse: Mat,
  horizontal: boolean,
  factor: number,
): CoarseLines {
  const cv = scope.cv;
  const W = coarse.cols;
  const H = coarse.rows;
  const along = horizontal ? W : H;
  // Short enough that a slightly rotated thin line still has straight runs this long.
  const runLength = Math.max(6, Math.round(along / 30));
  const maxThickness = Math.max(2.5, Math.max(4, Math.min(W, H) * factor * 0.006) / factor + 1);
  const kernel = scope.track(
    cv.getStructuringElement(
      cv.MORPH_RECT,
      horizontal ? new cv.Size(runLength, 1) : new cv.Size(1, runLength),
    ),
  );
  const opened = scope.mat();
  cv.morphologyEx(coarse, opened, cv.MORPH_OPEN, kernel);
  scope.release(kernel);
  const labels = scope.mat();
  const stats = scope.mat();
  const centroids = scope.mat();
  const n = cv.connectedComponentsWithStats(opened, labels, stats, centroids, 8, cv.CV_32S);
  scope.release(opened);
  scope.release(centroids);
  const isLine = new Uint8Array(n);
  let count = 0;
  let thickness = 0;
  const s = stats.data32S;
  for (let i = 1; i < n; i++) {
    const span = horizontal ? s[i * 5 + 2]! : s[i * 5 + 3]!;
    const thick = s[i * 5 + 4]! / Math.max(1, span);
    if (span >= LINE_MIN_SPAN * along && thick <= maxThickness) {
      isLine[i] = 1;
      count++;
      thickness = Math.max(thickness, thick);
    }
  }
  scope.release(stats);
  const cells = new Uint8Array(W * H);
  if (count > 0) {
    const lab = labels.data32S;
    for (let p = 0; p < lab.length; p++) if (isLine[lab[p]!]) cells[p] = 1;
  }
  scope.release(labels);
  return { cells, count, thickness };
}

/**
 * Clears ink in line cells (and one working pixel either side across the line, for the
 * anti-aliased fringe), then restores cleared pixels that have ink on both sides within `reach`
 * across the line: a stroke crossing it.
 */
function clearAndRepair(
  ink: Uint8Array,
  W: number,
  H: number,
  lines: CoarseLines,
  cw: number,
  factor: number,
  horizontal: boolean,
): void {
  const isLineAt = (x: number, y: number): boolean =>
    x >= 0 &&
    y >= 0 &&
    x < W &&
    y < H &&
    lines.cells[Math.floor(y / factor) * cw + Math.floor(x / factor)] === 1;
  const removed: number[] = [];
  for (let y = 0; y < H; y++) {
    const row = Math.floor(y / factor) * cw;
    for (let x = 0; x < W; x++) {
      const p = y * W + x;
      if (!ink[p]) continue;
      let hit = lines.cells[row + Math.floor(x / factor)] === 1;
      if (!hit)
        hit = horizontal
          ? isLineAt(x, y - 1) || isLineAt(x, y + 1)
          : isLineAt(x - 1, y) || isLineAt(x + 1, y);
      if (hit) {
        ink[p] = 0;
        removed.push(p);
      }
    }
  }
  const reach = Math.ceil((lines.thickness + 2) * factor) + 2;
  const restore: number[] = [];
  for (const p of removed) {
    const x = p % W;
    const y = (p - x) / W;
    let before = false;
    let after = false;
    for (let d = 1; d <= reach && !before; d++) {
      const q = horizontal ? (y - d >= 0 ? p - d * W : -1) : x - d >= 0 ? p - d : -1;
      if (q >= 0 && ink[q]) before = true;
    }
    if (!before) continue;
    for (let d = 1; d <= reach && !after; d++) {
      const q = horizontal ? (y + d < H ? p + d * W : -1) : x + d < W ? p + d : -1;
      if (q >= 0 && ink[q]) after = true;
    }
    if (after) restore.push(p);
  }
  for (const p of restore) ink[p] = 255;
}

export function removeRuledLines(scope: MatScope, binary: Mat): LineRemovalResult {
  const cv = scope.cv;
  const W = binary.cols;
  const H = binary.rows;
  const factor = Math.max(1, Math.min(4, Math.floor(Math.min(W, H) / 100)));
  const coarse = scope.mat();
  if (factor > 1) {
    const shrunk = scope.mat();
    cv.resize(
      binary,
      shrunk,
      new cv.Size(Math.ceil(W / factor), Math.ceil(H / factor)),
      0,
      0,
      cv.INTER_AREA,
    );
    cv.threshold(shrunk, coarse, 0, 255, cv.THRESH_BINARY);
    scope.release(shrunk);
  } else {
    binary.copyTo(coarse);
  }
  const cw = coarse.cols;
  const h = detectCoarseLines(scope, coarse, true, factor);
  const v = detectCoarseLines(scope, coarse, false, factor);
  scope.release(coarse);
  const cleaned = scope.mat();
  binary.copyTo(cleaned);
  if (h.count > 0 || v.count > 0) {
    const ink = cleaned.data;
    if (h.count > 0) clearAndRepair(ink, W, H, h, cw, factor, true);
    if (v.count > 0) clearAndRepair(ink, W, H, v, cw, factor, false);
  }
  return { cleaned, horizontal: h.count, vertical: v.count };
}
