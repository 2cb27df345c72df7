/**
 * Small generated scenes with known answers for the engine tests: MNIST test digits painted at
 * known places. Node-only callers pass the digits in (src/node/mnist.ts reads them).
 */
import { grayCanvas, paintMnist, toRgba, type GrayCanvas, type InkBox } from './raster';
import type { RgbaImage } from '../types';

export interface MnistDigits {
  images: Uint8Array;
  labels: Uint8Array;
}

/** Index of the n-th test digit with this label. */
export function findDigit(mnist: MnistDigits, label: number, nth = 0): Uint8Array {
  let seen = 0;
  for (let i = 0; i < mnist.labels.length; i++) {
    if (mnist.labels[i] === label && seen++ === nth)
      return mnist.images.subarray(i * 784, i * 784 + 784);
  }
  throw new Error(`no digit ${label}`);
}

export interface SceneDigit {
  label: number;
  x: number;
  y: number;
  size: number;
  nth?: number;
}

export interface Scene {
  canvas: GrayCanvas;
  boxes: InkBox[];
  image(): RgbaImage;
}

export function scene(
  mnist: MnistDigits,
  width: number,
  height: number,
  digits: SceneDigit[],
  paper = 240,
  ink = 30,
): Scene {
  const canvas = grayCanvas(width, height, paper);
  const boxes = digits.map((d) =>
    paintMnist(canvas, findDigit(mnist, d.label, d.nth ?? 0), d.x, d.y, d.size, ink)!,
  );
  return { canvas, boxes, image: () => toRgba(canvas) };
}
