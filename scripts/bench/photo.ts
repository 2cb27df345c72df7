/**
 * The benchmark's photos: a 2000x1500 JPEG (a 3 MP phone-photo size) with 8 MNIST *test* digits
 * in one line on unevenly lit paper, and the same scene at any size (the 12 and 24 MP photos).
 * Deterministic, so every run reads the same bytes.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { grayCanvas, paintMnist, toRgba, type GrayCanvas } from '../../src/engine/testing/raster';
import type { RgbaImage } from '../../src/engine/types';
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
  lightAndNoise(c, rng);
  return saveJpeg(path, toRgba(c), text);
}

/** Writes the photo as a JPEG (quality 85), making its folder. */
function saveJpeg(path: string, image: RgbaImage, text: string): BenchPhoto {
  const jpeg = encodeJpeg(image, 85);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, jpeg);
  return { path, bytes: jpeg.length, text };
}

/** Light falling off towards one corner plus sensor noise: what a phone photo of paper shows. */
function lightAndNoise(c: GrayCanvas, rng: ReturnType<typeof createRng>): void {
  const { width, height } = c;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = y * width + x;
      c.data[i] = c.data[i]! * (1 - 0.18 * (x / width) - 0.1 * (y / height)) + rng.normal() * 4;
    }
  }
}

/** The bench scene at any size: 8 digits a ninth of the height tall across the middle. */
export function renderScaledPhoto(
  width: number,
  height: number,
): { image: RgbaImage; text: string } {
  const rng = createRng(SEED);
  const source = digitSource(SEED);
  const c = grayCanvas(width, height, 228);
  const size = Math.round(height / 9);
  const pitch = Math.round(size * 1.26);
  const left = (width - 7 * pitch - size) / 2;
  let text = '';
  for (let i = 0; i < PHOTO_DIGITS; i++) {
    const { pixels, label } = source.draw(rng);
    text += String(label);
    const y = height * 0.42 + rng.uniform(-0.05, 0.05) * size;
    const ink = rng.uniform(25, 45);
    paintMnist(c, pixels, left + i * pitch, y, size, ink, rng.uniform(-0.08, 0.08));
  }
  lightAndNoise(c, rng);
  return { image: toRgba(c), text };
}

/** renderScaledPhoto as a JPEG file (quality 85), written once and reused. */
export function writeScaledPhoto(path: string, width: number, height: number): BenchPhoto {
  const { image, text } = renderScaledPhoto(width, height);
  return saveJpeg(path, image, text);
}
