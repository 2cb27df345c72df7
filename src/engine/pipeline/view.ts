/**
 * The frame the digits are read in. Pass 1 reads the input's working image, rectified when a
 * tilted sheet was found, or masked to the sheet when it lies square. A homography maps the
 * working image to that frame, so boxes and stage images map back.
 */
import type { Homography, Point } from './homography';
import { IDENTITY } from './homography';
import type { Mat, MatScope } from './matScope';
import type { PageFound } from './page';

/** A sheet edge more than this far from the image axes (radians, ~2 deg) is rectified. */
const TILT = 0.035;
/** The sheet's outline is pulled in by this share of its shorter side: its edge is shaded. */
const INSET = 0.02;

export interface ReadingView {
  gray: Mat;
  /** Working image -> reading frame. */
  toReading: Homography;
  /** 255 on the sheet (reading frame), when the sheet is masked rather than rectified. */
  mask: Mat | null;
}

function centroid(p: Point[]): Point {
  return {
    x: p.reduce((s, q) => s + q.x, 0) / p.length,
    y: p.reduce((s, q) => s + q.y, 0) / p.length,
  };
}

function inset(p: Point[], by: number): Point[] {
  const c = centroid(p);
  return p.map((q) => {
    const d = Math.hypot(q.x - c.x, q.y - c.y) || 1;
    return { x: q.x + ((c.x - q.x) / d) * by, y: q.y + ((c.y - q.y) / d) * by };
  });
}

function edgeTilt(a: Point, b: Point): number {
  const angle = Math.abs(Math.atan2(b.y - a.y, b.x - a.x)) % (Math.PI / 2);
  return Math.min(angle, Math.PI / 2 - angle);
}

/** True when a quadrilateral's edges are far enough from the axes to be worth rectifying. */
export function isTilted(corners: Point[]): boolean {
  return corners.some((a, i) => edgeTilt(a, corners[(i + 1) % 4]!) > TILT);
}

const dist = (a: Point, b: Point): number => Math.hypot(a.x - b.x, a.y - b.y);

export function pageView(scope: MatScope, gray: Mat, page: PageFound | null): ReadingView {
  const cv = scope.cv;
  if (!page) return { gray, toReading: IDENTITY, mask: null };
  const shorter = Math.min(gray.cols, gray.rows);
  if (page.corners && isTilted(page.corners)) {
    const [tl, tr, br, bl] = inset(page.corners, INSET * shorter) as [Point, Point, Point, Point];
    const w = Math.max(8, Math.round(Math.max(dist(tl, tr), dist(bl, br))));
    const h = Math.max(8, Math.round(Math.max(dist(tl, bl), dist(tr, br))));
    const src = scope.track(
      cv.matFromArray(4, 1, cv.CV_32FC2, [tl.x, tl.y, tr.x, tr.y, br.x, br.y, bl.x, bl.y]),
    );
    const dst = scope.track(cv.matFromArray(4, 1, cv.CV_32FC2, [0, 0, w, 0, w, h, 0, h]));
    const m = scope.track(cv.getPerspectiveTransform(src, dst));
    const toReading = Array.from(m.data64F.slice(0, 9));
    const out = scope.mat();
    cv.warpPerspective(gray, out, m, new cv.Size(w, h), cv.INTER_LINEAR, cv.BORDER_REPLICATE);
    for (const x of [src, dst, m]) scope.release(x);
    return { gray: out, toReading, mask: null };
  }
  const filled = scope.track(cv.Mat.zeros(gray.rows, gray.cols, cv.CV_8UC1));
  const pts = page.outline.flatMap((p) => [Math.round(p.x), Math.round(p.y)]);
  const poly = scope.track(cv.matFromArray(pts.length / 2, 1, cv.CV_32SC2, pts));
  const polys = scope.track(new cv.MatVector());
  polys.push_back(poly);
  cv.fillPoly(filled, polys, new cv.Scalar(255));
  scope.release(polys);
  scope.release(poly);
  // Eroded from the frame's edges too: a sheet reaching past the frame still shows its edge.
  const k = 2 * Math.max(3, Math.round(INSET * shorter)) + 1;
  const kernel = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(k, k)));
  const mask = scope.mat();
  cv.erode(filled, mask, kernel, new cv.Point(-1, -1), 1, cv.BORDER_CONSTANT, new cv.Scalar(0));
  scope.release(kernel);
  scope.release(filled);
  return { gray, toReading: IDENTITY, mask };
}

/** The gray stage image: the working image with the found sheet outlined in green. */
export function outlinePage(scope: MatScope, gray: Mat, page: PageFound | null): Mat {
  const cv = scope.cv;
  const out = scope.mat();
  cv.cvtColor(gray, out, cv.COLOR_GRAY2RGBA);
  if (!page) return out;
  const pts = page.outline.flatMap((p) => [Math.round(p.x), Math.round(p.y)]);
  const poly = scope.track(cv.matFromArray(pts.length / 2, 1, cv.CV_32SC2, pts));
  const polys = scope.track(new cv.MatVector());
  polys.push_back(poly);
  const thickness = Math.max(2, Math.round(Math.max(gray.cols, gray.rows) / 250));
  cv.polylines(out, polys, true, new cv.Scalar(22, 163, 74, 255), thickness);
  scope.release(polys);
  scope.release(poly);
  return out;
}
