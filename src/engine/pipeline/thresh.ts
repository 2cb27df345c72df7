/**
 * Stage 3 (thresh): ink white (255) on black (0), whatever the input looked like.
 *
 * - Polarity: ink is the minority that deviates strongly from the local background. We compare
 *   how many pixels are much darker vs much lighter than a large median filter (the median is
 *   not pulled towards the ink, unlike a mean), on a 1/4-scale copy for speed.
 * - 'normalized-otsu' (default): divide by a background estimate (morphological close at 1/4
 *   scale removes the ink, keeps shadows and gradients), so uneven light becomes flat paper;
 *   then Otsu, capped so that flat paper with noise does not turn into ink.
 * - 'adaptive': mean adaptive threshold (block size, C).
 * - 'otsu': one global Otsu threshold (breaks under shadows; kept for comparison).
 */
import type { Polarity, ThresholdMethod } from '../types';
import { MIN_WORKING_SIDE } from './gray';
import type { Mat, MatScope } from './matScope';

/** In the normalised image paper is ~255; ink must be at least this much darker. */
export const NORMALIZED_MAX_THRESHOLD = 205;
/**
 * After normalisation paper is flat: the brighter 60% of pixels (paper is the majority) span a
 * narrow range of levels. When they spread wider than this there is no paper at all - sensor
 * noise, a texture, a photo of something else - and thresholding would only invent digits.
 */
export const MAX_PAPER_SPREAD = 40;
/** A pixel counts as a strong deviation from the local median when it differs by more than this. */
const POLARITY_DEVIATION = 24;

export interface ThreshOptions {
  method: ThresholdMethod;
  adaptiveBlockSize: number;
  adaptiveC: number;
}

export interface ThreshOutput {
  /** Ink 255 on 0. */
  binary: Mat;
  polarity: Polarity;
  /** Ink-dark gray (inverted for light-on-dark input). */
  inkDark: Mat;
  /** Lighting-normalised ink-dark gray (paper ~255), for per-blob contrast; 'normalized-otsu' only. */
  normalized: Mat | null;
}

/** A small image (a tight crop of one or two digits, enlarged to the working minimum). */
export function isCrop(m: Mat): boolean {
  return Math.max(m.cols, m.rows) <= MIN_WORKING_SIDE;
}

function oddAtLeast(v: number, min: number): number {
  const r = Math.max(min, Math.round(v));
  return r % 2 === 0 ? r + 1 : r;
}

/** A downscaled copy (area interpolation) by `factor`, keeping >= `minSide` px on the shorter side. */
export function shrink(scope: MatScope, gray: Mat, factor: number, minSide = 16): Mat {
  const cv = scope.cv;
  const f = Math.min(factor, Math.max(1, Math.min(gray.cols, gray.rows) / minSide));
  const small = scope.mat();
  cv.resize(
    gray,
    small,
    new cv.Size(Math.max(1, Math.round(gray.cols / f)), Math.max(1, Math.round(gray.rows / f))),
    0,
    0,
    cv.INTER_AREA,
  );
  return small;
}

/** Quantiles of 8-bit data, sampling every `stride`-th pixel (plenty for a histogram). */
export function quantiles8u(data: Uint8Array, qs: number[], stride = 7): number[] {
  const hist = new Uint32Array(256);
  let n = 0;
  for (let i = 0; i < data.length; i += stride) {
    hist[data[i]!]!++;
    n++;
  }
  return qs.map((q) => {
    let acc = 0;
    for (let v = 0; v < 256; v++) {
      acc += hist[v]!;
      if (acc >= q * n) return v;
    }
    return 255;
  });
}

export function detectPolarity(scope: MatScope, gray: Mat): Polarity {
  const cv = scope.cv;
  // Up to 1/8 scale: the median filter is the slowest part and strokes still stand out there;
  // small images keep 64 px so that a digit is more than a few pixels.
  const small = shrink(scope, gray, 8, 64);
  const median = scope.mat();
  // In a small image (a tight crop, enlarged to MIN_WORKING_SIDE) one digit fills the frame:
  // only a window of half of it is sure to be mostly paper.
  const k = Math.min(oddAtLeast(Math.min(small.cols, small.rows) / (isCrop(gray) ? 2 : 6), 3), 255);
  cv.medianBlur(small, median, k);
  const s = small.data;
  const m = median.data;
  // Ink deviates by a good part of the image's range; paper between dense grid lines, which
  // a median at this scale may also call "lighter", deviates much less.
  const [lo, hi] = quantiles8u(s, [0.01, 0.99], 1);
  const deviation = Math.max(POLARITY_DEVIATION, 0.35 * (hi! - lo!));
  let darker = 0;
  let lighter = 0;
  for (let i = 0; i < s.length; i++) {
    const d = s[i]! - m[i]!;
    if (d < -deviation) darker++;
    else if (d > deviation) lighter++;
  }
  scope.release(small);
  scope.release(median);
  return lighter > 1.5 * darker + s.length * 0.0005 ? 'light-on-dark' : 'dark-on-light';
}

/** Background of a dark-ink image at full working size: closing removes strokes thinner than k. */
export function estimatePaper(scope: MatScope, inkDark: Mat): Mat {
  const cv = scope.cv;
  const small = shrink(scope, inkDark, 4);
  // A crop's strokes are a tenth of its height: the kernel follows its longer side.
  const side = isCrop(inkDark)
    ? Math.max(small.cols, small.rows)
    : Math.min(small.cols, small.rows);
  const k = oddAtLeast(side / 8, 3);
  const kernel = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(k, k)));
  const closed = scope.mat();
  cv.morphologyEx(
    small,
    closed,
    cv.MORPH_CLOSE,
    kernel,
    new cv.Point(-1, -1),
    1,
    cv.BORDER_REPLICATE,
  );
  // Only a light blur against the rectangular kernel's blockiness: a wide one would smear
  // a shadow's edge into the background estimate and leave a dark band along it.
  const smooth = scope.mat();
  cv.blur(closed, smooth, new cv.Size(3, 3), new cv.Point(-1, -1), cv.BORDER_REPLICATE);
  const paper = scope.mat();
  cv.resize(smooth, paper, new cv.Size(inkDark.cols, inkDark.rows), 0, 0, cv.INTER_LINEAR);
  for (const m of [small, kernel, closed, smooth]) scope.release(m);
  return paper;
}

export function threshStage(scope: MatScope, blurred: Mat, opts: ThreshOptions): ThreshOutput {
  const cv = scope.cv;
  const polarity = detectPolarity(scope, blurred);
  let inkDark = blurred;
  if (polarity === 'light-on-dark') {
    inkDark = scope.mat();
    cv.bitwise_not(blurred, inkDark);
  }
  const binary = scope.mat();
  let normalized: Mat | null = null;
  if (opts.method === 'adaptive') {
    const block = Math.min(
      oddAtLeast(opts.adaptiveBlockSize, 3),
      oddAtLeast(Math.max(inkDark.cols, inkDark.rows), 3),
    );
    cv.adaptiveThreshold(
      inkDark,
      binary,
      255,
      cv.ADAPTIVE_THRESH_MEAN_C,
      cv.THRESH_BINARY_INV,
      block,
      opts.adaptiveC,
    );
  } else if (opts.method === 'otsu') {
    cv.threshold(inkDark, binary, 0, 255, cv.THRESH_BINARY_INV | cv.THRESH_OTSU);
  } else {
    const paper = estimatePaper(scope, inkDark);
    normalized = scope.mat();
    cv.divide(inkDark, paper, normalized, 255);
    scope.release(paper);
    const [p40, p80] = quantiles8u(normalized.data, [0.4, 0.8]);
    if (p80! - p40! > MAX_PAPER_SPREAD) {
      cv.threshold(normalized, binary, 255, 255, cv.THRESH_BINARY); // all zero: no ink
    } else {
      const t = cv.threshold(normalized, binary, 0, 255, cv.THRESH_BINARY_INV | cv.THRESH_OTSU);
      if (t > NORMALIZED_MAX_THRESHOLD) {
        cv.threshold(normalized, binary, NORMALIZED_MAX_THRESHOLD, 255, cv.THRESH_BINARY_INV);
      }
    }
  }
  return { binary, polarity, inkDark, normalized };
}
