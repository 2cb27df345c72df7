/**
 * Stage 1 (gray): validate the input, composite transparent pixels onto the inferred
 * background, convert to gray and downscale to the bounded working size.
 */
import { EngineError } from '../errors';
import type { OpenCV } from '../opencv';
import type { RgbaImage } from '../types';
import type { Mat, MatScope } from './matScope';

/** Inputs above this are refused outright (a 12 MP photo is 12e6; this is 4x that). */
export const MAX_INPUT_PIXELS = 50_000_000;
export const MAX_INPUT_SIDE = 16_384;

export function assertValidImage(image: RgbaImage | null | undefined): void {
  if (!image || typeof image !== 'object') {
    throw new EngineError('invalid-image', 'No image given');
  }
  const { width, height, data } = image;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width <= 0 || height <= 0) {
    throw new EngineError('invalid-image', `Invalid image size ${String(width)}x${String(height)}`);
  }
  if (width > MAX_INPUT_SIDE || height > MAX_INPUT_SIDE || width * height > MAX_INPUT_PIXELS) {
    throw new EngineError('image-too-large', `Image ${width}x${height} exceeds the input limit`);
  }
  if (!data || typeof data.length !== 'number' || data.length !== width * height * 4) {
    throw new EngineError(
      'invalid-image',
      `Image data has ${data?.length ?? 0} bytes, expected ${width * height * 4} (RGBA)`,
    );
  }
}

/**
 * Composites semi-transparent pixels in place. The background is the mean colour of the opaque
 * pixels when they dominate (a photo with transparent corners), otherwise the colour that
 * contrasts with them (a canvas export: ink strokes on a transparent background).
 * Returns false when the image is fully opaque (nothing done).
 */
export function hasTransparency(data: Uint8Array | Uint8ClampedArray): boolean {
  for (let i = 3; i < data.length; i += 4) if (data[i] !== 255) return true;
  return false;
}

export function compositeAlpha(data: Uint8Array | Uint8ClampedArray): boolean {
  if (!hasTransparency(data)) return false;
  const n = data.length >> 2;
  let transparent = 0;
  let opaque = 0;
  let r = 0;
  let g = 0;
  let b = 0;
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]!;
    if (a === 255) {
      opaque++;
      r += data[i]!;
      g += data[i + 1]!;
      b += data[i + 2]!;
    } else {
      transparent++;
    }
  }
  if (transparent === 0) return false;
  let bg: [number, number, number];
  const mean = opaque > 0 ? [r / opaque, g / opaque, b / opaque] : [0, 0, 0];
  if (opaque > n / 2) {
    bg = [mean[0]!, mean[1]!, mean[2]!];
  } else {
    // Count partially opaque pixels as ink too (anti-aliased strokes).
    let inkLum = 0;
    let inkWeight = 0;
    for (let i = 0; i < data.length; i += 4) {
      const a = data[i + 3]! / 255;
      inkLum += a * (0.299 * data[i]! + 0.587 * data[i + 1]! + 0.114 * data[i + 2]!);
      inkWeight += a;
    }
    const lum = inkWeight > 0 ? inkLum / inkWeight : 0;
    bg = lum < 128 ? [255, 255, 255] : [0, 0, 0];
  }
  for (let i = 0; i < data.length; i += 4) {
    const a = data[i + 3]!;
    if (a === 255) continue;
    const f = a / 255;
    data[i] = Math.round(data[i]! * f + bg[0] * (1 - f));
    data[i + 1] = Math.round(data[i + 1]! * f + bg[1] * (1 - f));
    data[i + 2] = Math.round(data[i + 2]! * f + bg[2] * (1 - f));
    data[i + 3] = 255;
  }
  return true;
}

export interface GrayStageOutput {
  /** Working-size gray image. */
  gray: Mat;
  /** Working-size RGBA copy of the input (composited), only when stage images are wanted. */
  rgba: Mat | null;
  /** working size / original size (> 1 only for a small image, enlarged). */
  scale: number;
}

/**
 * Images smaller than this (longer side) are enlarged to it: in a tight crop of one digit
 * (a form box cut out) the strokes are as wide as the background estimate's and the polarity
 * test's windows, and the digit would vanish into the paper.
 */
export const MIN_WORKING_SIDE = 160;

export function workingScale(width: number, height: number, maxWorkingSize: number): number {
  const longer = Math.max(width, height);
  if (longer > maxWorkingSize) return maxWorkingSize / longer;
  return longer < MIN_WORKING_SIDE ? MIN_WORKING_SIDE / longer : 1;
}

/**
 * Area averaging is needed against aliasing when shrinking a lot (a 12 MP photo), but OpenCV's
 * INTER_AREA is ~4x slower than bilinear at non-integer factors; below 2x bilinear loses nothing
 * that matters for strokes several pixels wide.
 */
function downscaleInterpolation(cv: OpenCV, scale: number): number {
  if (scale > 1) return cv.INTER_CUBIC; // enlarging a small crop: smooth strokes, no blocks
  return scale < 0.5 ? cv.INTER_AREA : cv.INTER_LINEAR;
}

export function grayStage(
  scope: MatScope,
  image: RgbaImage,
  maxWorkingSize: number,
  keepRgba: boolean,
): GrayStageOutput {
  const cv: OpenCV = scope.cv;
  const { width, height } = image;
  const scale = workingScale(width, height, maxWorkingSize);
  const ww = Math.max(1, Math.round(width * scale));
  const wh = Math.max(1, Math.round(height * scale));

  const full = scope.track(new cv.Mat(height, width, cv.CV_8UC4));
  full.data.set(image.data);
  compositeAlpha(full.data);

  let rgba: Mat | null = null;
  if (keepRgba) {
    rgba = scope.mat();
    if (scale !== 1)
      cv.resize(full, rgba, new cv.Size(ww, wh), 0, 0, downscaleInterpolation(cv, scale));
    else full.copyTo(rgba);
  }
  const grayFull = scope.mat();
  cv.cvtColor(full, grayFull, cv.COLOR_RGBA2GRAY);
  scope.release(full);
  if (scale === 1) return { gray: grayFull, rgba, scale: 1 };
  const gray = scope.mat();
  cv.resize(grayFull, gray, new cv.Size(ww, wh), 0, 0, downscaleInterpolation(cv, scale));
  scope.release(grayFull);
  return { gray, rgba, scale: ww / width };
}
