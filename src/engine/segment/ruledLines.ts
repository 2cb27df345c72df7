/**
 * Removes ruled and grid notebook lines from the ink mask before contouring.
 *
 * 1. Candidates: on a coarse copy (any ink in an f x f cell = ink; long-kernel openings cost time
 *    proportional to the kernel, so both image and kernel shrink), an opening with a long thin
 *    kernel keeps straight runs; a projection along the best slope finds every straight line
 *    covering >= 40% of the image (notebook lines are parallel).
 * 2. Digits written across two lines join them into one component, so lines are found by
 *    projection rather than per component.
 * 3. At working resolution, walking along the fitted line, the ink run crossing it in each
 *    column is cleared when it is no longer than the line is thick. Where a digit stroke
 *    crosses or touches the line, the run is longer and stays: digits are neither erased nor cut.
 *    A candidate whose typical run is thick (a canvas stroke, a marker "7") is not a line.
 */
import type { Mat, MatScope } from '../pipeline/matScope';

/** A line must span at least this fraction of the image width (height for vertical lines). */
export const LINE_MIN_SPAN = 0.4;
/** Lines are removed only when at least this many parallel ones are found. */
export const MIN_RULES = 2;

export const RULED_LINE_TUNING = {
  /** The coarse copy shrinks by one per this many pixels of the shorter side... */
  coarsePixels: 100,
  /** ...by at most this factor. */
  maxCoarseFactor: 4,
  /** The opening keeps straight runs of along / runDivisor coarse cells (at least minRun). */
  runDivisor: 30,
  minRun: 6,
  /** A rule is no thicker than this share of the shorter side (at least minThickness pixels). */
  maxThicknessShare: 0.006,
  minThickness: 4,
  /** The ink run crossing the fitted line is looked for this many pixels beyond the coarse cell. */
  searchSlack: 2,
  /** Faint rules threshold into dashes: ink in this share of the columns is enough. */
  minCoverage: 0.35,
  /** A run this much longer than the rule is thick is a stroke crossing it, and stays. */
  runSlack: 2,
  /** A grid crossing lies within half a horizontal rule's thickness plus this of its centre. */
  crossingSlack: 1.5,
} as const;

export interface LineRemovalResult {
  /** Ink with lines removed (a new Mat, owned by the scope). */
  cleaned: Mat;
  horizontal: number;
  vertical: number;
}

export interface Candidate {
  /** Fitted centre line in working pixels: across = a + b * along. */
  a: number;
  b: number;
  from: number;
  to: number;
}

/** Views the ink as (along, across) so one code path serves horizontal and vertical lines. */
export interface Axis {
  along: number;
  across: number;
  get(along: number, across: number): number;
  clear(along: number, across: number): void;
  /** Lighting-normalised level (0 black .. 255 paper), when known. */
  level: ((along: number, across: number) => number) | null;
}

export function axis(
  ink: Uint8Array,
  levels: Uint8Array | null,
  W: number,
  H: number,
  horizontal: boolean,
): Axis {
  const index = horizontal
    ? (u: number, v: number) => v * W + u
    : (u: number, v: number) => u * W + v;
  return {
    along: horizontal ? W : H,
    across: horizontal ? H : W,
    get: (u, v) => ink[index(u, v)]!,
    clear: (u, v) => {
      ink[index(u, v)] = 0;
    },
    level: levels ? (u, v) => levels[index(u, v)]! : null,
  };
}

/** Printed rules lighter than the ink by this many levels are told apart from ink by level. */
const LINE_INK_SEPARATION = 40;

/** Slopes tried for the line direction: rotations up to ~3 degrees. */
const MAX_SLOPE = 0.05;

/**
 * Finds straight lines among the pixels that survived the opening. Notebook lines are parallel,
 * so one slope is chosen for all of them (the one giving the sharpest projection), then every
 * projection peak covering >= LINE_MIN_SPAN of the image is a candidate. Unlike fitting each
 * connected component, this separates two rule lines joined by the digits written across them.
 */
export function projectionPeaks(
  pixels: [number, number][],
  along: number,
  across: number,
): { a: number; b: number }[] {
  if (pixels.length === 0) return [];
  const step = 0.5 / along;
  const offset = Math.ceil(MAX_SLOPE * along) + 1;
  const bins = across + 2 * offset;
  let best: Int32Array | null = null;
  let bestSlope = 0;
  let bestScore = -1;
  for (let b = -MAX_SLOPE; b <= MAX_SLOPE + 1e-9; b += step) {
    const hist = new Int32Array(bins);
    for (const [u, v] of pixels) {
      const k = Math.round(v - b * u) + offset;
      if (k >= 0 && k < bins) hist[k]!++;
    }
    let score = 0;
    for (const c of hist) score += c * c;
    if (score > bestScore) {
      bestScore = score;
      best = hist;
      bestSlope = b;
    }
  }
  const hist = best!;
  const smooth = (k: number): number => (hist[k - 1] ?? 0) + hist[k]! + (hist[k + 1] ?? 0);
  const peaks: { a: number; b: number }[] = [];
  for (let k = 0; k < bins; k++) {
    const v = smooth(k);
    if (v < LINE_MIN_SPAN * along) continue;
    if (v < smooth(k - 1) || v <= smooth(k + 1)) continue;
    // Sub-bin centre: weighted mean of the three bins.
    const m = ((hist[k - 1] ?? 0) * -1 + (hist[k + 1] ?? 0)) / Math.max(1, v);
    peaks.push({ a: k - offset + m, b: bestSlope });
  }
  return peaks;
}

function coarseCandidates(
  scope: MatScope,
  coarse: Mat,
  horizontal: boolean,
  factor: number,
): Candidate[] {
  const cv = scope.cv;
  const W = coarse.cols;
  const H = coarse.rows;
  const along = horizontal ? W : H;
  // Short enough that a slightly rotated thin line still has straight runs this long.
  const t = RULED_LINE_TUNING;
  const runLength = Math.max(t.minRun, Math.round(along / t.runDivisor));
  const kernel = scope.track(
    cv.getStructuringElement(
      cv.MORPH_RECT,
      horizontal ? new cv.Size(runLength, 1) : new cv.Size(1, runLength),
    ),
  );
  const opened = scope.mat();
  cv.morphologyEx(coarse, opened, cv.MORPH_OPEN, kernel);
  scope.release(kernel);
  const data = opened.data;
  const pixels: [number, number][] = [];
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      if (data[y * W + x]) pixels.push(horizontal ? [x, y] : [y, x]);
    }
  }
  scope.release(opened);
  return projectionPeaks(pixels, along, horizontal ? H : W).map(({ a: ac, b }) => ({
    // Coarse cell centres -> working pixels: v_w = (v_c + 0.5) f - 0.5, u_c = (u_w + 0.5) / f - 0.5.
    a: (ac + 0.5 + b * (0.5 / factor - 0.5)) * factor - 0.5,
    b,
    from: 0,
    to: along * factor,
  }));
}

export interface AcceptedLine {
  a: number;
  b: number;
  thickness: number;
}

/** The ink run crossing a candidate line in one column: across-coordinates [start, end]. */
interface Run {
  u: number;
  start: number;
  end: number;
}

/**
 * Walking along the fitted line: in each column, the ink run nearest the line (within `window`)
 * that crosses it, or null where the column has no ink there.
 */
function crossingRuns(ax: Axis, c: Candidate, window: number): (Run | null)[] {
  const runs: (Run | null)[] = [];
  const to = Math.min(ax.along, c.to);
  for (let u = Math.max(0, c.from); u < to; u++) {
    const centre = c.a + c.b * u;
    let best = -1;
    for (let d = 0; d <= window && best < 0; d++) {
      for (const v of [Math.round(centre - d), Math.round(centre + d)]) {
        if (v >= 0 && v < ax.across && ax.get(u, v)) {
          best = v;
          break;
        }
      }
    }
    if (best < 0) {
      runs.push(null);
      continue;
    }
    let start = best;
    let end = best;
    while (start > 0 && ax.get(u, start - 1)) start--;
    while (end < ax.across - 1 && ax.get(u, end + 1)) end++;
    runs.push({ u, start, end });
  }
  return runs;
}

/**
 * Notebook rules are usually printed lighter than pen ink. Then a pixel where a stroke lies on
 * the rule (a "1" along a grid line, the bar of a 7 on a ruled line) is darker than the rule and
 * stays: the level below which a pixel is ink, or -1 when the rule is not told apart by level.
 */
function ruleCutoff(found: readonly Run[], ax: Axis, inkLevel: number | null): number {
  const level = ax.level;
  if (!level || inkLevel === null) return -1;
  const means = found.map((r) => {
    let sum = 0;
    for (let v = r.start; v <= r.end; v++) sum += level(r.u, v);
    return sum / (r.end - r.start + 1);
  });
  means.sort((p, q) => p - q);
  const lineLevel = means[means.length >> 1]!;
  return lineLevel - inkLevel >= LINE_INK_SEPARATION ? (lineLevel + inkLevel) / 2 : -1;
}

/**
 * Returns the line when the candidate was one (and was removed), else null.
 * `onCrossingLine(u, v)`: the pixel lies on an already removed line across this one - a grid
 * intersection, darker than either line, which must not pass for ink.
 */
export function clearLine(
  ax: Axis,
  c: Candidate,
  maxThickness: number,
  window: number,
  inkLevel: number | null,
  onCrossingLine: (u: number, v: number) => boolean = () => false,
  apply = true,
): AcceptedLine | null {
  const runs = crossingRuns(ax, c, window);
  const found = runs.filter((r): r is Run => r !== null);
  // Faint rules threshold into dashes: a third of the length is enough (the projection
  // already showed a long straight structure here).
  if (found.length < RULED_LINE_TUNING.minCoverage * runs.length || found.length === 0) return null;
  const lengths = found.map((r) => r.end - r.start + 1).sort((p, q) => p - q);
  const thickness = lengths[lengths.length >> 1]!;
  if (thickness > maxThickness) return null;
  if (!apply) return { a: c.a, b: c.b, thickness };
  const cutoff = ruleCutoff(found, ax, inkLevel);
  const level = ax.level;
  for (const r of found) {
    if (r.end - r.start + 1 <= thickness + RULED_LINE_TUNING.runSlack) {
      for (let v = r.start; v <= r.end; v++) {
        if (cutoff < 0 || level!(r.u, v) >= cutoff || onCrossingLine(r.u, v)) ax.clear(r.u, v);
      }
    }
  }
  return { a: c.a, b: c.b, thickness };
}

/** The darker tenth of the ink's levels: what pen ink looks like in this image. */
function inkLevelOf(ink: Uint8Array, levels: Uint8Array): number | null {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let p = 0; p < ink.length; p += 3) {
    if (ink[p]) {
      hist[levels[p]!]!++;
      n++;
    }
  }
  if (n === 0) return null;
  let acc = 0;
  for (let v = 0; v < 256; v++) {
    acc += hist[v]!;
    if (acc >= 0.1 * n) return v;
  }
  return null;
}

/**
 * @param levels lighting-normalised gray (paper ~255), when the threshold method produced it:
 *   lets lines lighter than the ink be removed without taking the ink lying on them.
 */
export function removeRuledLines(
  scope: MatScope,
  binary: Mat,
  levels: Mat | null = null,
): LineRemovalResult {
  const cv = scope.cv;
  const W = binary.cols;
  const H = binary.rows;
  const t = RULED_LINE_TUNING;
  const factor = Math.max(
    1,
    Math.min(t.maxCoarseFactor, Math.floor(Math.min(W, H) / t.coarsePixels)),
  );
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
  const horizontalCandidates = coarseCandidates(scope, coarse, true, factor);
  const verticalCandidates = coarseCandidates(scope, coarse, false, factor);
  scope.release(coarse);
  const cleaned = scope.mat();
  binary.copyTo(cleaned);
  const maxThickness = Math.max(t.minThickness, Math.min(W, H) * t.maxThicknessShare);
  const window = Math.ceil(factor + t.searchSlack);
  let horizontal = 0;
  let vertical = 0;
  if (horizontalCandidates.length || verticalCandidates.length) {
    const ink = cleaned.data;
    const levelData = levels ? levels.data : null;
    const inkLevel = levelData ? inkLevelOf(ink, levelData) : null;
    // Rules come in families of parallel lines; one long straight stroke on its own (a "1"
    // written with a fine pen, filling the image) is left alone.
    const family = (ax: Axis, candidates: Candidate[]): Candidate[] => {
      const lines = candidates.filter((c) =>
        clearLine(ax, c, maxThickness, window, inkLevel, undefined, false),
      );
      return lines.length >= MIN_RULES ? lines : [];
    };
    const hx = axis(ink, levelData, W, H, true);
    const rules: AcceptedLine[] = [];
    for (const c of family(hx, horizontalCandidates)) {
      const line = clearLine(hx, c, maxThickness, window, inkLevel);
      if (line) rules.push(line);
    }
    horizontal = rules.length;
    // Vertical pass: u = y, v = x. On a horizontal rule when |y - (a + b x)| is within its band.
    const onRule = (y: number, x: number): boolean =>
      rules.some((r) => Math.abs(y - (r.a + r.b * x)) <= r.thickness / 2 + t.crossingSlack);
    const vx = axis(ink, levelData, W, H, false);
    for (const c of family(vx, verticalCandidates)) {
      if (clearLine(vx, c, maxThickness, window, inkLevel, onRule)) vertical++;
    }
  }
  return { cleaned, horizontal, vertical };
}
