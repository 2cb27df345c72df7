/**
 * Tiny raster helpers for tests and the evaluation-set generator: a gray canvas (0..255 floats
 * for exact compositing) converted to RGBA at the end. Pure TypeScript, no DOM.
 */
import type { RgbaImage } from '../types';

export interface InkBox {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface GrayCanvas {
  width: number;
  height: number;
  /** Luminance 0..255 per pixel. */
  data: Float32Array;
}

export function grayCanvas(width: number, height: number, value = 255): GrayCanvas {
  return { width, height, data: new Float32Array(width * height).fill(value) };
}

export function fillRect(
  c: GrayCanvas,
  x: number,
  y: number,
  w: number,
  h: number,
  v: number,
): void {
  for (let yy = Math.max(0, y); yy < Math.min(c.height, y + h); yy++) {
    for (let xx = Math.max(0, x); xx < Math.min(c.width, x + w); xx++)
      c.data[yy * c.width + xx] = v;
  }
}

/** A round-capped line of the given radius, painted with coverage-based anti-aliasing. */
export function strokeLine(
  c: GrayCanvas,
  x0: number,
  y0: number,
  x1: number,
  y1: number,
  radius: number,
  ink: number,
): void {
  const minX = Math.max(0, Math.floor(Math.min(x0, x1) - radius - 1));
  const maxX = Math.min(c.width - 1, Math.ceil(Math.max(x0, x1) + radius + 1));
  const minY = Math.max(0, Math.floor(Math.min(y0, y1) - radius - 1));
  const maxY = Math.min(c.height - 1, Math.ceil(Math.max(y0, y1) + radius + 1));
  const dx = x1 - x0;
  const dy = y1 - y0;
  const len2 = dx * dx + dy * dy;
  for (let y = minY; y <= maxY; y++) {
    for (let x = minX; x <= maxX; x++) {
      const px = x + 0.5;
      const py = y + 0.5;
      const t = len2 > 0 ? Math.max(0, Math.min(1, ((px - x0) * dx + (py - y0) * dy) / len2)) : 0;
      const d = Math.hypot(px - (x0 + t * dx), py - (y0 + t * dy));
      const cover = Math.max(0, Math.min(1, radius + 0.5 - d));
      if (cover > 0) {
        const i = y * c.width + x;
        c.data[i] = c.data[i]! * (1 - cover) + ink * cover;
      }
    }
  }
}

/**
 * Paints a 28x28 MNIST digit (ink 255 on 0) scaled so that 28 source pixels span `size` pixels,
 * with its top-left at (x, y), optionally rotated about its centre (radians). Bilinear sampling;
 * the digit's coverage blends `ink` over what is there (multiply-like for dark ink).
 */
export function paintMnist(
  c: GrayCanvas,
  digit: Uint8Array,
  x: number,
  y: number,
  size: number,
  ink: number,
  angle = 0,
  gamma = 1,
): InkBox | null {
  const s = 28 / size;
  const cx = x + size / 2;
  const cy = y + size / 2;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const reach = size * 0.75;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  for (let py = Math.max(0, Math.floor(cy - reach)); py < Math.min(c.height, cy + reach); py++) {
    for (let px = Math.max(0, Math.floor(cx - reach)); px < Math.min(c.width, cx + reach); px++) {
      const rx = px + 0.5 - cx;
      const ry = py + 0.5 - cy;
      const u = (cos * rx + sin * ry) * s + 14 - 0.5;
      const v = (-sin * rx + cos * ry) * s + 14 - 0.5;
      if (u < -1 || v < -1 || u > 28 || v > 28) continue;
      const u0 = Math.floor(u);
      const v0 = Math.floor(v);
      const fu = u - u0;
      const fv = v - v0;
      const at = (uu: number, vv: number): number =>
        uu < 0 || vv < 0 || uu > 27 || vv > 27 ? 0 : digit[vv * 28 + uu]!;
      const val =
        (at(u0, v0) * (1 - fu) + at(u0 + 1, v0) * fu) * (1 - fv) +
        (at(u0, v0 + 1) * (1 - fu) + at(u0 + 1, v0 + 1) * fu) * fv;
      let cover = val / 255;
      if (gamma !== 1) cover = Math.pow(cover, gamma);
      if (cover > 0) {
        const i = py * c.width + px;
        c.data[i] = c.data[i]! * (1 - cover) + ink * cover;
        if (cover >= 0.3) {
          x0 = Math.min(x0, px);
          y0 = Math.min(y0, py);
          x1 = Math.max(x1, px);
          y1 = Math.max(y1, py);
        }
      }
    }
  }
  return x1 < 0 ? null : { x: x0, y: y0, width: x1 - x0 + 1, height: y1 - y0 + 1 };
}

/** The part of `c` inside `r` (clipped to the canvas). */
export function cropCanvas(
  c: GrayCanvas,
  r: { x: number; y: number; width: number; height: number },
): GrayCanvas {
  const x0 = Math.max(0, Math.floor(r.x));
  const y0 = Math.max(0, Math.floor(r.y));
  const w = Math.max(1, Math.min(c.width, Math.ceil(r.x + r.width)) - x0);
  const h = Math.max(1, Math.min(c.height, Math.ceil(r.y + r.height)) - y0);
  const out = grayCanvas(w, h);
  for (let y = 0; y < h; y++) {
    out.data.set(c.data.subarray((y0 + y) * c.width + x0, (y0 + y) * c.width + x0 + w), y * w);
  }
  return out;
}

export function toRgba(c: GrayCanvas, alpha?: Float32Array): RgbaImage {
  const data = new Uint8ClampedArray(c.width * c.height * 4);
  for (let i = 0; i < c.width * c.height; i++) {
    const v = c.data[i]!;
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = alpha ? alpha[i]! : 255;
  }
  return { width: c.width, height: c.height, data };
}
