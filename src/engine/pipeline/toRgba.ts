/** Copies a Mat out of the WASM heap as plain RGBA data the UI can put on a canvas. */
import type { RgbaImage } from '../types';
import type { OpenCV } from '../opencv';
import type { Mat } from './matScope';

export function matToRgba(cv: OpenCV, mat: Mat): RgbaImage {
  const width = mat.cols;
  const height = mat.rows;
  const data = new Uint8ClampedArray(width * height * 4);
  const src = mat.data;
  const channels = mat.channels();
  if (mat.type() !== cv.CV_8UC1 && mat.type() !== cv.CV_8UC4) {
    throw new Error(`matToRgba: unsupported Mat type ${mat.type()}`);
  }
  if (channels === 4) {
    data.set(src.subarray(0, width * height * 4));
  } else {
    for (let i = 0, j = 0; i < width * height; i++, j += 4) {
      const v = src[i]!;
      data[j] = v;
      data[j + 1] = v;
      data[j + 2] = v;
      data[j + 3] = 255;
    }
  }
  return { width, height, data };
}
