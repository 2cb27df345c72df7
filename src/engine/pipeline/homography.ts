/**
 * 3x3 projective transforms (row-major, 9 numbers) between the input's working image and the
 * image the digits are read from (a rectified page, a zoomed ink region). Plain numbers, so the
 * pipeline can map boxes back without a Mat.
 */
import type { Rect } from '../segment/geometry';

export type Homography = readonly number[];

export interface Point {
  x: number;
  y: number;
}

export const IDENTITY: Homography = [1, 0, 0, 0, 1, 0, 0, 0, 1];

export function isIdentity(h: Homography): boolean {
  return h.every((v, i) => Math.abs(v - IDENTITY[i]!) < 1e-12);
}

/** a after b: (a * b)(p) = a(b(p)). */
export function compose(a: Homography, b: Homography): Homography {
  const out: number[] = [];
  for (let r = 0; r < 3; r++) {
    for (let c = 0; c < 3; c++) {
      let s = 0;
      for (let k = 0; k < 3; k++) s += a[r * 3 + k]! * b[k * 3 + c]!;
      out.push(s);
    }
  }
  return out;
}

export function scaling(sx: number, sy = sx): Homography {
  return [sx, 0, 0, 0, sy, 0, 0, 0, 1];
}

export function translation(dx: number, dy: number): Homography {
  return [1, 0, dx, 0, 1, dy, 0, 0, 1];
}

export function invert(h: Homography): Homography {
  const [a, b, c, d, e, f, g, k, i] = h as [number, ...number[]];
  const A = e! * i! - f! * k!;
  const B = -(d! * i! - f! * g!);
  const C = d! * k! - e! * g!;
  const det = a * A + b! * B + c! * C;
  if (Math.abs(det) < 1e-12) throw new Error('homography is singular');
  const inv = [
    A,
    -(b! * i! - c! * k!),
    b! * f! - c! * e!,
    B,
    a * i! - c! * g!,
    -(a * f! - c! * d!),
    C,
    -(a * k! - b! * g!),
    a * e! - b! * d!,
  ];
  return inv.map((v) => v / det);
}

export function apply(h: Homography, p: Point): Point {
  const w = h[6]! * p.x + h[7]! * p.y + h[8]!;
  return {
    x: (h[0]! * p.x + h[1]! * p.y + h[2]!) / w,
    y: (h[3]! * p.x + h[4]! * p.y + h[5]!) / w,
  };
}

/** The bounding box of a rect's four corners under h (a rect stays a rect only for affine h). */
export function mapRect(h: Homography, r: Rect): Rect {
  const corners = [
    apply(h, { x: r.x, y: r.y }),
    apply(h, { x: r.x + r.w, y: r.y }),
    apply(h, { x: r.x, y: r.y + r.h }),
    apply(h, { x: r.x + r.w, y: r.y + r.h }),
  ];
  const xs = corners.map((p) => p.x);
  const ys = corners.map((p) => p.y);
  const x = Math.min(...xs);
  const y = Math.min(...ys);
  return { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
}
