/**
 * Cuts one digit out of the working image, tight around its thresholded ink: shaded from the
 * lighting-normalised levels when there are some, else the bare threshold mask.
 */
import type { Blob, Rect } from './geometry';
import type { ComponentMap } from './components';

export interface DigitCrop {
  /** Tight ink box in working pixels. */
  rect: Rect;
  /** rect.w * rect.h, 0 = paper .. 255 = ink (shaded at the stroke edges). */
  pixels: Uint8Array;
}

/** Shading below this share of the blob's ink darkness is paper, not stroke. */
export const GRAY_FLOOR = 0.15;

export function cropBlob(map: ComponentMap, blob: Blob): DigitCrop {
  const { width, labels, ink } = map;
  const own = new Set(blob.labels);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -1;
  let y1 = -1;
  const left = Math.max(blob.x, blob.clip?.x0 ?? blob.x);
  const right = Math.min(blob.x + blob.w, blob.clip?.x1 ?? blob.x + blob.w);
  for (let y = blob.y; y < blob.y + blob.h; y++) {
    for (let x = left; x < right; x++) {
      const p = y * width + x;
      if (ink[p] && own.has(labels[p]!)) {
        if (x < x0) x0 = x;
        if (x > x1) x1 = x;
        if (y < y0) y0 = y;
        if (y > y1) y1 = y;
      }
    }
  }
  if (x1 < 0) return { rect: { x: blob.x, y: blob.y, w: 0, h: 0 }, pixels: new Uint8Array(0) };
  const w = x1 - x0 + 1;
  const h = y1 - y0 + 1;
  const pixels = new Uint8Array(w * h);
  const levels = map.levels;
  // With lighting-normalised levels, the crop keeps the stroke's anti-aliased shading (as MNIST
  // digits have it): a loop the threshold nearly closed stays visibly open. Darkness is scaled
  // so the blob's typical ink is 1; faint paper noise below a floor is dropped.
  const inkLevel =
    levels && blob.levelSum !== undefined && blob.ink > 0 ? blob.levelSum / blob.ink : null;
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const p = (y + y0) * width + (x + x0);
      if (!own.has(labels[p]!)) continue;
      if (levels && inkLevel !== null && inkLevel < 250) {
        const v = (255 - levels[p]!) / (255 - inkLevel);
        pixels[y * w + x] = v < GRAY_FLOOR ? 0 : Math.min(255, Math.round(255 * v));
      } else if (ink[p]) {
        pixels[y * w + x] = 255;
      }
    }
  }
  return { rect: { x: x0, y: y0, w, h }, pixels };
}
