/**
 * A text line as the line reader sees it: the line's digit crops composited into one ink image
 * (so specks and noise segmentation dropped stay out), its ink box scaled to 28 px tall with
 * area averaging, 2 px above and below, 4 px each side, width a multiple of 4. This is exactly
 * what training/linereader/compose.py `fit_line` does to its training lines.
 */
import { areaResize } from '../normalize';
import type { Rect } from '../segment/geometry';
import type { DigitCrop } from '../segment/crops';

export const LINE_HEIGHT = 32;
export const INK_HEIGHT = 28;
export const PAD_X = 4;
/** The network pools width by 4: output column t reads input columns 4t..4t+3. */
export const COLUMN_STEP = 4;

/** The line's ink in working coordinates: crops composited by maximum. */
export interface LineInk {
  rect: Rect;
  /** rect.w * rect.h, 0 = paper .. 255 = ink. */
  pixels: Uint8Array;
}

export interface LineImage {
  /** LINE_HEIGHT x width, ink 1 on 0, row-major. */
  pixels: Float32Array;
  width: number;
  /** Fitted pixels per working pixel. */
  scale: number;
  ink: LineInk;
}

export function compositeCrops(crops: readonly DigitCrop[]): LineInk {
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const { rect } of crops) {
    x0 = Math.min(x0, rect.x);
    y0 = Math.min(y0, rect.y);
    x1 = Math.max(x1, rect.x + rect.w);
    y1 = Math.max(y1, rect.y + rect.h);
  }
  const w = Math.max(0, x1 - x0);
  const h = Math.max(0, y1 - y0);
  const pixels = new Uint8Array(w * h);
  for (const { rect, pixels: src } of crops) {
    for (let y = 0; y < rect.h; y++) {
      const row = (rect.y - y0 + y) * w + (rect.x - x0);
      for (let x = 0; x < rect.w; x++) {
        const v = src[y * rect.w + x]!;
        if (v > pixels[row + x]!) pixels[row + x] = v;
      }
    }
  }
  return { rect: { x: x0, y: y0, w, h }, pixels };
}

export function fitLine(ink: LineInk): LineImage {
  const { w, h } = ink.rect;
  const scale = h > 0 ? INK_HEIGHT / h : 1;
  const nw = Math.max(1, Math.round(w * scale));
  const src = new Float32Array(w * h);
  for (let i = 0; i < src.length; i++) src[i] = ink.pixels[i]! / 255;
  const fitted =
    w > 0 && h > 0 ? areaResize(src, w, h, nw, INK_HEIGHT) : new Float32Array(nw * INK_HEIGHT);
  let width = nw + 2 * PAD_X;
  width += (COLUMN_STEP - (width % COLUMN_STEP)) % COLUMN_STEP;
  const pixels = new Float32Array(LINE_HEIGHT * width);
  const top = (LINE_HEIGHT - INK_HEIGHT) / 2;
  for (let y = 0; y < INK_HEIGHT; y++) {
    pixels.set(fitted.subarray(y * nw, (y + 1) * nw), (y + top) * width + PAD_X);
  }
  return { pixels, width, scale, ink };
}

/** Output column boundary (in columns, fractional allowed) -> working-image x. */
export function columnToWorkingX(line: LineImage, column: number): number {
  return line.ink.rect.x + (column * COLUMN_STEP - PAD_X) / line.scale;
}

/** Working-image x -> output column (fractional): the inverse of columnToWorkingX. */
export function workingXToColumn(line: LineImage, x: number): number {
  return ((x - line.ink.rect.x) * line.scale + PAD_X) / COLUMN_STEP;
}

/**
 * The reader's digit evidence over a box of the line: the highest digit mass among the output
 * columns it spans, one column of slack each side (a narrow mark may peak beside its box).
 */
export function evidenceOver(line: LineImage, mass: Float32Array, x: number, w: number): number {
  const a = Math.max(0, Math.floor(workingXToColumn(line, x)) - 1);
  const b = Math.min(mass.length - 1, Math.ceil(workingXToColumn(line, x + w)) + 1);
  let best = 0;
  for (let t = a; t <= b; t++) best = Math.max(best, mass[t]!);
  return best;
}

/** The ink of columns [xa, xb) of the line (working x), cut tight; null when there is none. */
export function sliceInk(ink: LineInk, xa: number, xb: number): DigitCrop | null {
  const { rect, pixels } = ink;
  const a = Math.max(0, Math.floor(xa - rect.x));
  const b = Math.min(rect.w, Math.ceil(xb - rect.x));
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  for (let y = 0; y < rect.h; y++) {
    for (let x = a; x < b; x++) {
      if (pixels[y * rect.w + x]! > 0) {
        top = Math.min(top, y);
        bottom = y;
        left = Math.min(left, x);
        right = Math.max(right, x);
      }
    }
  }
  if (bottom < 0) return null;
  const w = right - left + 1;
  const h = bottom - top + 1;
  const out = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    out.set(pixels.subarray((top + y) * rect.w + left, (top + y) * rect.w + left + w), y * w);
  }
  return { rect: { x: rect.x + left, y: rect.y + top, w, h }, pixels: out };
}
