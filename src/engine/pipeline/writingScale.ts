/**
 * Scale from the writing: pass 1 reads at the bounded working size; when the digits it found are
 * small there (an A4 scan with many rows shrunk to 1024 px, 20 px digits on ruled paper) or their
 * strokes hair-thin, a second pass reads the ink's region again at the resolution that gives each
 * digit enough pixels: from the full-resolution original, upsampled at most 2x beyond it.
 */
import type { Rect } from '../segment/geometry';
import type { SegmentedDigit } from '../segment/segment';
import {
  compose,
  invert,
  isIdentity,
  mapRect,
  scaling,
  translation,
  type Homography,
} from './homography';
import type { Mat, MatScope } from './matScope';
import { compositeAlpha } from './gray';
import type { RgbaImage } from '../types';

/** Digits shorter than this (ink height, working px) are read again, larger... */
export const MIN_DIGIT_PX = 26;
/** ...at about this height... */
export const TARGET_DIGIT_PX = 44;
/** ...and so are digits up to this height whose strokes are thinner than MIN_STROKE_PX. */
const THIN_DIGIT_PX = 40;
export const MIN_STROKE_PX = 1.5;
const TARGET_STROKE_PX = 2.5;
/** At most this many pixels in the second pass (a 10-row A4 page at 300 dpi needs ~5 MP). */
export const ZOOM_BUDGET_PX = 6_000_000;
/** Never more than this many reading pixels per original pixel (interpolation adds nothing). */
const MAX_UPSAMPLE = 2;

export interface WritingScale {
  /** Median ink height of the digits found, reading px. */
  digitHeight: number;
  /** Median stroke width, reading px. */
  strokeWidth: number;
}

const median = (v: number[]): number => {
  const s = [...v].sort((a, b) => a - b);
  return s.length ? s[s.length >> 1]! : 0;
};

/** Stroke width of a crop: ink area over half its outline (ink/paper pixel edges; two sides). */
export function strokeWidth(pixels: Uint8Array, w: number, h: number): number {
  let area = 0;
  let edges = 0;
  const on = (x: number, y: number): boolean =>
    x >= 0 && y >= 0 && x < w && y < h && pixels[y * w + x]! >= 128;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      if (!on(x, y)) continue;
      area++;
      edges += +!on(x - 1, y) + +!on(x + 1, y) + +!on(x, y - 1) + +!on(x, y + 1);
    }
  }
  return edges === 0 ? 0 : (2 * area) / edges;
}

export function measureWriting(digits: SegmentedDigit[]): WritingScale | null {
  if (digits.length === 0) return null;
  return {
    digitHeight: median(digits.map((d) => d.crop.rect.h)),
    strokeWidth: median(
      digits.map((d) => strokeWidth(d.crop.pixels, d.crop.rect.w, d.crop.rect.h)),
    ),
  };
}

export interface Zoom {
  /** Reading px of pass 2 per reading px of pass 1. */
  factor: number;
  /** The part of the pass-1 frame read again. */
  region: Rect;
}

/**
 * `originalPerReading`: original-image pixels per pass-1 pixel (1/scale): how far the second
 * pass can zoom before it only interpolates.
 */
export function chooseZoom(
  digits: SegmentedDigit[],
  frame: { width: number; height: number },
  originalPerReading: number,
): Zoom | null {
  const m = measureWriting(digits);
  if (!m || m.digitHeight <= 0) return null;
  let want = 1;
  if (m.digitHeight < MIN_DIGIT_PX) want = TARGET_DIGIT_PX / m.digitHeight;
  if (m.digitHeight < THIN_DIGIT_PX && m.strokeWidth > 0 && m.strokeWidth < MIN_STROKE_PX) {
    want = Math.max(want, TARGET_STROKE_PX / m.strokeWidth);
  }
  let factor = Math.min(want, MAX_UPSAMPLE * originalPerReading, 4);
  if (factor < 1.3) return null;
  const pad = 1.5 * m.digitHeight;
  const x0 = Math.max(0, Math.min(...digits.map((d) => d.crop.rect.x)) - pad);
  const y0 = Math.max(0, Math.min(...digits.map((d) => d.crop.rect.y)) - pad);
  const x1 = Math.min(
    frame.width,
    Math.max(...digits.map((d) => d.crop.rect.x + d.crop.rect.w)) + pad,
  );
  const y1 = Math.min(
    frame.height,
    Math.max(...digits.map((d) => d.crop.rect.y + d.crop.rect.h)) + pad,
  );
  const region = {
    x: Math.floor(x0),
    y: Math.floor(y0),
    w: Math.ceil(x1 - x0),
    h: Math.ceil(y1 - y0),
  };
  const budget = Math.sqrt(ZOOM_BUDGET_PX / Math.max(1, region.w * region.h));
  factor = Math.min(factor, budget);
  return factor < 1.3 ? null : { factor, region };
}

/**
 * The pass-2 gray image, cut from the original (composited, full resolution) and mapped by
 * `toZoom` (original -> pass 2). A pure scale and shift is resized (area averaging when it
 * shrinks); a rectified page is warped.
 */
export function zoomedGray(
  scope: MatScope,
  image: RgbaImage,
  toZoom: Homography,
  width: number,
  height: number,
): Mat {
  const cv = scope.cv;
  const back = invert(toZoom);
  const box = mapRect(back, { x: 0, y: 0, w: width, h: height });
  const ox = Math.max(0, Math.floor(box.x) - 2);
  const oy = Math.max(0, Math.floor(box.y) - 2);
  const rw = Math.min(image.width, Math.ceil(box.x + box.w) + 2) - ox;
  const rh = Math.min(image.height, Math.ceil(box.y + box.h) + 2) - oy;
  // Only the region's rows are copied into the heap: a 24 MP photo's ink may be a strip of it.
  const rgba = scope.track(new cv.Mat(rh, rw, cv.CV_8UC4));
  for (let y = 0; y < rh; y++) {
    const start = ((oy + y) * image.width + ox) * 4;
    rgba.data.set(image.data.subarray(start, start + rw * 4), y * rw * 4);
  }
  compositeAlpha(rgba.data);
  const roiGray = scope.mat();
  cv.cvtColor(rgba, roiGray, cv.COLOR_RGBA2GRAY);
  scope.release(rgba);
  const fromRoi = compose(toZoom, translation(ox, oy));
  const out = scope.mat();
  const affineScale =
    Math.abs(fromRoi[1]!) < 1e-9 &&
    Math.abs(fromRoi[3]!) < 1e-9 &&
    isIdentity([1, 0, 0, 0, 1, 0, ...fromRoi.slice(6)]);
  if (affineScale) {
    // resize maps pixel centres; shift so that the region's corner lands on (0, 0).
    const sx = fromRoi[0]!;
    const sy = fromRoi[4]!;
    const scaled = scope.mat();
    const sw = Math.max(1, Math.round(rw * sx));
    const sh = Math.max(1, Math.round(rh * sy));
    cv.resize(roiGray, scaled, new cv.Size(sw, sh), 0, 0, sx < 1 ? cv.INTER_AREA : cv.INTER_LINEAR);
    const dx = Math.max(0, Math.min(sw - 1, Math.round(-fromRoi[2]!)));
    const dy = Math.max(0, Math.min(sh - 1, Math.round(-fromRoi[5]!)));
    const cw = Math.min(width, sw - dx);
    const ch = Math.min(height, sh - dy);
    const view = scope.track(scaled.roi(new cv.Rect(dx, dy, cw, ch)));
    view.copyTo(out);
    for (const m of [view, scaled]) scope.release(m);
  } else {
    const m = scope.track(cv.matFromArray(3, 3, cv.CV_64FC1, [...fromRoi]));
    cv.warpPerspective(
      roiGray,
      out,
      m,
      new cv.Size(width, height),
      cv.INTER_LINEAR,
      cv.BORDER_REPLICATE,
    );
    scope.release(m);
  }
  scope.release(roiGray);
  return out;
}

/** Working image -> pass 2, given working -> pass 1. */
export function zoomHomography(toReading: Homography, zoom: Zoom): Homography {
  return compose(
    compose(
      translation(-zoom.region.x * zoom.factor, -zoom.region.y * zoom.factor),
      scaling(zoom.factor),
    ),
    toReading,
  );
}
