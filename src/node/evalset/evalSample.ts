/**
 * What the evaluation set is made of: its categories, where digits come from, and one sample
 * (an image with its expected text and ink boxes).
 */
import type { InkBox } from '../../engine/testing/raster';
import type { RgbaImage } from '../../engine/types';
import type { Rng } from './prng';

export const CATEGORIES = [
  'clean',
  'photo',
  'ruled',
  'multiline',
  'canvas',
  'dark',
  'touching',
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface DigitSource {
  /** Returns a random digit image (784 bytes, ink 255) and its label. */
  draw(rng: Rng): { pixels: Uint8Array; label: number };
}

export interface EvalSample {
  category: Category;
  image: RgbaImage;
  /** Expected text, lines joined by "\n". */
  text: string;
  /** Ground-truth ink boxes per line, reading order. */
  boxes: InkBox[][];
  /** JPEG quality the image was round-tripped through, if any (photo-like). */
  jpegQuality?: number;
}

export type JpegRoundTrip = (image: RgbaImage, quality: number) => RgbaImage;
