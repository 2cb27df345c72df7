/**
 * A form box's printed frame along the edges of a tight crop. Cut out of a form, a digit keeps
 * bits of its box: hairlines running the whole length of a side, just inside the cut, which
 * read as 1s either side of the digit ("3" read "131"). A pen stroke is never that straight for
 * that long, and where one is (a 7's bar, a 2's base filling the crop), it is as thick as the
 * pen, several times a printed hairline.
 */

/** Lines covered by ink over at least this share of their length are straight rules... */
export const FRAME_COVERAGE = 0.75;
/** ...within this share of the crop's side from an edge... */
export const FRAME_BAND = 0.12;
/** ...at most this share of the crop's longer side thick (a hairline, not a pen's bar). */
export const FRAME_THICKNESS = 0.05;
/** The ink left must outweigh the ink erased this much: a digit, not a flag off a "1"'s stem. */
export const MIN_LEFT_SHARE = 0.5;

export interface FrameLines {
  rows: number[];
  cols: number[];
}

/**
 * Rows and columns of a binary mask (ink > 0, row-major) that belong to frame lines: runs of
 * nearly full lines in the band along each edge, thin enough for print, with a pixel of fringe
 * each side. Nothing unless the ink left clearly outweighs it (a "1"'s stem is not a frame).
 */
export function findFrameLines(mask: Uint8Array, width: number, height: number): FrameLines {
  const rowInk = new Uint32Array(height);
  const colInk = new Uint32Array(width);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++)
      if (mask[y * width + x]) {
        rowInk[y]!++;
        colInk[x]!++;
      }
  const maxThick = Math.max(2, Math.round(FRAME_THICKNESS * Math.max(width, height)));
  const rows = frameRuns(rowInk, width, maxThick);
  const cols = frameRuns(colInk, height, maxThick);
  const erased = new Uint8Array(width * height);
  for (const y of rows) erased.fill(1, y * width, (y + 1) * width);
  for (const x of cols) for (let y = 0; y < height; y++) erased[y * width + x] = 1;
  let left = 0;
  let gone = 0;
  for (let i = 0; i < mask.length; i++) {
    if (!mask[i]) continue;
    if (erased[i]) gone++;
    else left++;
  }
  return gone > 0 && left >= MIN_LEFT_SHARE * gone ? { rows, cols } : { rows: [], cols: [] };
}

/** Indices of thin runs of full lines in the band at either end of `ink` (per-line counts). */
function frameRuns(ink: Uint32Array, length: number, maxThick: number): number[] {
  const n = ink.length;
  const band = Math.max(2, Math.ceil(FRAME_BAND * n));
  const full = (i: number): boolean => ink[i]! >= FRAME_COVERAGE * length;
  const out: number[] = [];
  const scan = (start: number, step: 1 | -1): void => {
    for (let i = start; i >= 0 && i < n && Math.abs(i - start) < band; i += step) {
      if (!full(i)) continue;
      let j = i;
      while (j + step >= 0 && j + step < n && full(j + step)) j += step;
      if (Math.abs(j - i) + 1 <= maxThick) {
        const [a, b] = step > 0 ? [i, j] : [j, i];
        for (let k = Math.max(0, a - 1); k <= Math.min(n - 1, b + 1); k++) out.push(k);
      }
      i = j;
    }
  };
  scan(0, 1);
  scan(n - 1, -1);
  return [...new Set(out)].sort((a, b) => a - b);
}

/** Clears the frame lines' rows and columns in place. */
export function eraseFrameLines(
  mask: Uint8Array,
  width: number,
  height: number,
  lines: FrameLines,
): void {
  for (const y of lines.rows) mask.fill(0, y * width, (y + 1) * width);
  for (const x of lines.cols) for (let y = 0; y < height; y++) mask[y * width + x] = 0;
}
