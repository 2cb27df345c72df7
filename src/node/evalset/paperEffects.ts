/**
 * What paper, light and a camera do to a page: sensor noise, a light gradient, a shadow, a
 * slight blur, printed rules.
 */
import { strokeLine, toRgba, type GrayCanvas } from '../../engine/testing/raster';
import type { RgbaImage } from '../../engine/types';
import type { Rng } from './prng';

/** Gaussian sensor noise on any float canvas (gray or interleaved colour). */
export function addNoise(c: { data: Float32Array }, rng: Rng, sigma: number): void {
  for (let i = 0; i < c.data.length; i++) c.data[i] = c.data[i]! + rng.normal() * sigma;
}

/** A linear light ramp from `low` to 1 in a random direction: its factor at (x, y). */
export function lightFactor(
  width: number,
  height: number,
  rng: Rng,
  low: number,
): (x: number, y: number) => number {
  const a = rng.uniform(0, 2 * Math.PI);
  const dx = Math.cos(a);
  const dy = Math.sin(a);
  const span = Math.abs(dx) * width + Math.abs(dy) * height;
  const off = Math.min(0, dx * width) + Math.min(0, dy * height);
  return (x, y) => low + (1 - low) * ((x * dx + y * dy - off) / span);
}

/** Multiplies a linear light gradient (from `low` to 1) in a random direction. */
export function lightGradient(c: GrayCanvas, rng: Rng, low: number): void {
  const f = lightFactor(c.width, c.height, rng, low);
  for (let y = 0; y < c.height; y++) {
    for (let x = 0; x < c.width; x++) c.data[y * c.width + x] = c.data[y * c.width + x]! * f(x, y);
  }
}

/** A soft-edged shadow over a half-plane (a hand or a phone above the page). */
export function shadow(c: GrayCanvas, rng: Rng): void {
  const a = rng.uniform(0, 2 * Math.PI);
  const dx = Math.cos(a);
  const dy = Math.sin(a);
  const cx = rng.uniform(0.2, 0.8) * c.width;
  const cy = rng.uniform(0.2, 0.8) * c.height;
  const soft = rng.uniform(10, 60);
  const depth = rng.uniform(0.55, 0.8);
  for (let y = 0; y < c.height; y++) {
    for (let x = 0; x < c.width; x++) {
      const d = (x - cx) * dx + (y - cy) * dy;
      const t = Math.max(0, Math.min(1, 0.5 + d / soft));
      c.data[y * c.width + x] = c.data[y * c.width + x]! * (1 - t * (1 - depth));
    }
  }
}

/** 3x3 box blur, `passes` times (a slightly soft photo; show-through is softer still). */
export function boxBlur(c: GrayCanvas, passes = 1): void {
  const { width: w, height: h } = c;
  for (let p = 0; p < passes; p++) {
    const src = c.data.slice();
    for (let y = 1; y < h - 1; y++) {
      for (let x = 1; x < w - 1; x++) {
        let s = 0;
        for (let dy = -1; dy <= 1; dy++)
          for (let dx = -1; dx <= 1; dx++) s += src[(y + dy) * w + x + dx]!;
        c.data[y * w + x] = s / 9;
      }
    }
  }
}

export function rotatedLine(
  c: GrayCanvas,
  y: number,
  angle: number,
  width: number,
  value: number,
  vertical: boolean,
): void {
  const len = vertical ? c.height : c.width;
  const drift = Math.tan(angle) * len;
  if (vertical) strokeLine(c, y, -2, y + drift, c.height + 2, width / 2, value);
  else strokeLine(c, -2, y, c.width + 2, y + drift, width / 2, value);
}

export function finish(c: GrayCanvas): RgbaImage {
  return toRgba(c);
}
