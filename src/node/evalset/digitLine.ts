/**
 * Lays MNIST digits along a line the way a hand writes them: varied size, stroke weight, tilt,
 * spacing and a sloping baseline; then paints them and returns their ink boxes.
 */
import { paintMnist, type GrayCanvas, type InkBox } from '../../engine/testing/raster';
import type { DigitSource } from './evalSample';
import type { Rng } from './prng';

/** Where a 28x28 digit's ink lies, in source pixels (inclusive). */
export interface InkBounds {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export function inkBounds(d: Uint8Array): InkBounds {
  let left = 28;
  let right = -1;
  let top = 28;
  let bottom = -1;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      if (d[y * 28 + x]! > 40) {
        left = Math.min(left, x);
        right = Math.max(right, x);
        top = Math.min(top, y);
        bottom = Math.max(bottom, y);
      }
    }
  }
  return right < 0 ? { left: 4, right: 23, top: 4, bottom: 23 } : { left, right, top, bottom };
}

/** Blends a 3x3 max filter in: amount 0..1 makes strokes up to ~2 source pixels thicker. */
export function thicken(d: Uint8Array, amount: number): Uint8Array {
  if (amount <= 0) return d;
  const out = new Uint8Array(784);
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      let m = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          const yy = y + dy;
          if (xx >= 0 && yy >= 0 && xx < 28 && yy < 28) m = Math.max(m, d[yy * 28 + xx]!);
        }
      }
      out[y * 28 + x] = Math.round(d[y * 28 + x]! * (1 - amount) + m * amount);
    }
  }
  return out;
}

export interface Placement {
  pixels: Uint8Array;
  label: number;
  x: number;
  y: number;
  size: number;
  angle: number;
  gamma: number;
}

/** Plans one line of digits starting at (x, top); returns placements and the line's right end. */
export function planLine(
  rng: Rng,
  source: DigitSource,
  count: number,
  x: number,
  top: number,
  size: number,
  slope: number,
  gapRange: [number, number] = [0.12, 0.5],
): { placements: Placement[]; right: number } {
  const placements: Placement[] = [];
  let cursor = x;
  for (let i = 0; i < count; i++) {
    const { pixels: raw, label } = source.draw(rng);
    const t = rng.uniform(-0.7, 0.9);
    const pixels = t > 0 ? thicken(raw, t) : raw;
    const gamma = t < 0 ? 1 - 2 * t : 1;
    const s = size * rng.uniform(0.85, 1.15);
    const cols = inkBounds(pixels);
    const px = cursor - (cols.left * s) / 28;
    const py = top + (cursor - x) * slope + rng.uniform(-0.06, 0.06) * size;
    placements.push({
      pixels,
      label,
      x: px,
      y: py,
      size: s,
      angle: rng.uniform(-0.12, 0.12),
      gamma,
    });
    cursor = px + ((cols.right + 1) * s) / 28 + rng.uniform(gapRange[0], gapRange[1]) * size * 0.7;
  }
  return { placements, right: cursor };
}

export function paintLine(c: GrayCanvas, placements: Placement[], ink: () => number): InkBox[] {
  const boxes: InkBox[] = [];
  for (const p of placements) {
    const box = paintMnist(c, p.pixels, p.x, p.y, p.size, ink(), p.angle, p.gamma);
    if (box) boxes.push(box);
  }
  return boxes;
}
