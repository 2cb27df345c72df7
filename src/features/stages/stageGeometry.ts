/**
 * Pure geometry and pixel helpers for the pipeline view.
 */
import type { Box, RgbaImage } from '../../engine/types';

export interface Size {
  width: number;
  height: number;
}

export interface PercentRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/**
 * A box (in original image coordinates) as percentages of the image. Every stage image has the
 * input's aspect ratio at some working size, so the same percentages place it on any stage, at
 * any CSS size: no need to know the working scale.
 */
export function boxToPercent(box: Box, original: Size): PercentRect {
  const w = original.width || 1;
  const h = original.height || 1;
  const clamp = (v: number): number => Math.min(100, Math.max(0, v));
  const left = clamp((box.x / w) * 100);
  const top = clamp((box.y / h) * 100);
  return {
    left,
    top,
    width: clamp(((box.x + box.width) / w) * 100) - left,
    height: clamp(((box.y + box.height) / h) * 100) - top,
  };
}

export const CROP_SIZE = 28;

/** The model's 28x28 input (ink = 1) as RGBA, ink white on black as the model saw it. */
export function cropToRgba(crop: Float32Array): RgbaImage {
  const n = CROP_SIZE * CROP_SIZE;
  const data = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const v = Math.round(Math.min(1, Math.max(0, crop[i] ?? 0)) * 255);
    data[i * 4] = v;
    data[i * 4 + 1] = v;
    data[i * 4 + 2] = v;
    data[i * 4 + 3] = 255;
  }
  return { width: CROP_SIZE, height: CROP_SIZE, data };
}
