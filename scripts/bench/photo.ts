/**
 * The benchmark's photo: a 2000x1500 JPEG (a 3 MP phone-photo size) with 8 MNIST *test* digits
 * in one line on unevenly lit paper. Deterministic, so every run reads the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { grayCanvas, paintMnist, toRgba } from '../../src/engine/testing/raster';
import { digitSource } from '../../src/node/evalset/generate';
import { createRng } from '../../src/node/evalset/prng';
import { encodeJpeg } from '../../src/node/imageio';

export const PHOTO_WIDTH = 2000;
export const PHOTO_HEIGHT = 1500;
export const PHOTO_DIGITS = 8;
/** Any seed but the eval set's dev seed draws from the second half of the MNIST test split. */
const SEED = 2026;

export interface BenchPhoto {
  path: string;
  bytes: number;
  /** The digits the photo shows, left to right. */
  text: string;
}

export function writeBenchPhoto(path: string): BenchPhoto {
  const rng = createRng(SEED);
  const source = digitSource(SEED);
  const c = grayCanvas(PHOTO_WIDTH, PHOTO_HEIGHT, 228);
  const size = 170;
  const pitch = 215;
  const left = (PHOTO_WIDTH - (PHOTO_DIGITS - 1) * pitch - size) / 2;
  const top = PHOTO_HEIGHT * 0.42;
  let text = '';
  for (let i = 0; i < PHOTO_DIGITS; i++) {
    const { pixels, label } = source.draw(rng);
    text += String(label);
    const y = top + rng.uniform(-0.05, 0.05) * size;
    paintMnist(c, pixels, left + i * pitch, y, size, rng.uniform(25, 45), rng.uniform(-0.08, 0.08));
  }
  // Light falling off towards one corner plus sensor noise: what a phone photo of paper shows.
  for (let y = 0; y < PHOTO_HEIGHT; y++) {
    for (let x = 0; x < PHOTO_WIDTH; x++) {
      const i = y * PHOTO_WIDTH + x;
      const light = 1 - 0.18 * (x / PHOTO_WIDTH) - 0.1 * (y / PHOTO_HEIGHT);
      c.data[i] = c.data[i]! * light + rng.normal() * 4;
    }
  }
  const jpeg = encodeJpeg(toRgba(c), 85);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, jpeg);
  return { path, bytes: jpeg.length, text };
}
