/**
 * Page finding: a sheet of paper photographed on a desk is the largest bright, nearly convex
 * region, much brighter than what surrounds it, with straight edges. The digits are read inside
 * it only (the desk's texture and the sheet's own edges otherwise turn into "digits"), and a
 * tilted sheet (four clear corners) is rectified. A scan or a crop (paper to the frame's edges),
 * a shadow (soft edge, only somewhat darker) or noise finds no page and is read as it is.
 */
import type { OpenCV } from '../opencv';
import type { Point } from './homography';
import type { Mat, MatScope } from './matScope';
import { quantiles8u, shrink } from './thresh';

/** The page analysis runs at this longer side: edges of a sheet are long and straight. */
const ANALYSIS_SIDE = 256;
/** The sheet must cover this share of the frame (less: a sticky note far away, say)... */
export const MIN_PAGE_FRACTION = 0.12;
/** ...and leave this much outside it (more: it fills the frame, nothing to cut away). */
export const MAX_PAGE_FRACTION = 0.995;
/** Surround (desk) pixels are darker than this share of the brightest paper. */
const SURROUND_BELOW = 0.62;
/** Outside must be at most this bright relative to the sheet (a shadow keeps ~55-85 %). */
export const MAX_SURROUND_RATIO = 0.6;
/** Area / convex hull area: a sheet is convex; a lit region cut by a shadow's blob is not. */
const MIN_SOLIDITY = 0.9;
/** The sheet's edge must fall from paper to surround within a few pixels at 256 px. */
const MIN_EDGE_SHARPNESS = 0.7;

export interface PageFound {
  /** The sheet's outline in working-image pixels (a quadrilateral when `corners`). */
  outline: Point[];
  /** Four corners (top-left, top-right, bottom-right, bottom-left) when the sheet has them. */
  corners: Point[] | null;
  /** Share of the frame the sheet covers. */
  fraction: number;
}

function matPoints(m: Mat, scale: number): Point[] {
  const pts: Point[] = [];
  for (let i = 0; i < m.rows; i++) {
    pts.push({ x: m.data32S[i * 2]! * scale, y: m.data32S[i * 2 + 1]! * scale });
  }
  return pts;
}

/** Corners ordered TL, TR, BR, BL by the sums and differences of their coordinates. */
export function orderCorners(p: Point[]): Point[] {
  const by = (f: (q: Point) => number): Point =>
    p.reduce((best, q) => (f(q) < f(best) ? q : best), p[0]!);
  return [
    by((q) => q.x + q.y),
    by((q) => q.y - q.x),
    by((q) => -(q.x + q.y)),
    by((q) => q.x - q.y),
  ];
}

/** Mean of `small` over pixels where `mask` is set (or unset). */
function meanWhere(small: Uint8Array, mask: Uint8Array, set: boolean): number {
  let s = 0;
  let n = 0;
  for (let i = 0; i < small.length; i++) {
    if (mask[i]! > 0 === set) {
      s += small[i]!;
      n++;
    }
  }
  return n > 0 ? s / n : 0;
}

/**
 * How abruptly brightness falls across the outline: the mean drop between 3 px inside and 3 px
 * outside, as a share of the paper/surround difference. A desk edge is a step (near 1); a
 * shadow's edge is a ramp (small).
 */
function edgeSharpness(
  small: Uint8Array,
  w: number,
  h: number,
  outline: Point[],
  contrast: number,
): number {
  const cx = outline.reduce((s, p) => s + p.x, 0) / outline.length;
  const cy = outline.reduce((s, p) => s + p.y, 0) / outline.length;
  const at = (x: number, y: number): number | null => {
    const xi = Math.round(x);
    const yi = Math.round(y);
    return xi < 0 || yi < 0 || xi >= w || yi >= h ? null : small[yi * w + xi]!;
  };
  let sum = 0;
  let n = 0;
  for (let i = 0; i < outline.length; i++) {
    const a = outline[i]!;
    const b = outline[(i + 1) % outline.length]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len < 8) continue;
    // Outward normal: pointing away from the centre.
    let nx = (b.y - a.y) / len;
    let ny = -(b.x - a.x) / len;
    const mx = (a.x + b.x) / 2;
    const my = (a.y + b.y) / 2;
    if ((mx - cx) * nx + (my - cy) * ny < 0) {
      nx = -nx;
      ny = -ny;
    }
    for (let t = 0.15; t <= 0.85; t += 0.05) {
      const x = a.x + (b.x - a.x) * t;
      const y = a.y + (b.y - a.y) * t;
      const inside = at(x - 3 * nx, y - 3 * ny);
      const outside = at(x + 3 * nx, y + 3 * ny);
      if (inside === null || outside === null) continue; // an edge along the frame
      sum += inside - outside;
      n++;
    }
  }
  return n === 0 ? 0 : sum / n / Math.max(1, contrast);
}

export function findPage(scope: MatScope, gray: Mat): PageFound | null {
  const cv: OpenCV = scope.cv;
  const factor = Math.max(1, Math.max(gray.cols, gray.rows) / ANALYSIS_SIDE);
  const small = shrink(scope, gray, factor, 8);
  const blurred = scope.mat();
  cv.GaussianBlur(small, blurred, new cv.Size(5, 5), 0);
  scope.release(small);
  const w = blurred.cols;
  const h = blurred.rows;
  const bright = scope.mat();
  const levels = blurred.data.slice();
  // Not Otsu: with a thin strip of desk in view it splits lit from shaded paper instead.
  const [paper] = quantiles8u(levels, [0.97], 1);
  cv.threshold(blurred, bright, SURROUND_BELOW * paper!, 255, cv.THRESH_BINARY);
  const inside = meanWhere(levels, bright.data, true);
  const outside = meanWhere(levels, bright.data, false);
  if (outside > MAX_SURROUND_RATIO * inside || inside - outside < 40) {
    for (const m of [blurred, bright]) scope.release(m);
    return null;
  }
  // Thin bright bridges (a reflection on the desk) would join other regions to the sheet.
  const kernel = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(5, 5)));
  cv.morphologyEx(bright, bright, cv.MORPH_OPEN, kernel);
  const contours = scope.track(new cv.MatVector());
  const hierarchy = scope.mat();
  cv.findContours(bright, contours, hierarchy, cv.RETR_EXTERNAL, cv.CHAIN_APPROX_SIMPLE);
  let best = -1;
  let bestArea = 0;
  for (let i = 0; i < contours.size(); i++) {
    const c = contours.get(i);
    const a = cv.contourArea(c);
    c.delete();
    if (a > bestArea) {
      bestArea = a;
      best = i;
    }
  }
  const fraction = bestArea / (w * h);
  let found: PageFound | null = null;
  if (best >= 0 && fraction >= MIN_PAGE_FRACTION && fraction <= MAX_PAGE_FRACTION) {
    const contour = scope.track(contours.get(best));
    const hull = scope.mat();
    cv.convexHull(contour, hull, false, true);
    const solidity = bestArea / Math.max(1, cv.contourArea(hull));
    const poly = scope.mat();
    cv.approxPolyDP(hull, poly, 0.02 * cv.arcLength(hull, true), true);
    const outlineSmall = matPoints(poly, 1);
    const sharp = edgeSharpness(levels, w, h, outlineSmall, inside - outside);
    if (solidity >= MIN_SOLIDITY && sharp >= MIN_EDGE_SHARPNESS) {
      const sx = gray.cols / w;
      const outline = outlineSmall.map((p) => ({ x: p.x * sx, y: p.y * (gray.rows / h) }));
      found = {
        outline,
        corners: outline.length === 4 ? orderCorners(outline) : null,
        fraction,
      };
    }
    for (const m of [contour, hull, poly]) scope.release(m);
  }
  for (const m of [blurred, bright, kernel, contours, hierarchy]) scope.release(m);
  return found;
}
