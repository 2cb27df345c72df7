import { describe, expect, it } from 'vitest';
import { loadOpenCV, openCvHeapBytes } from './opencv';

describe('loadOpenCV', () => {
  it('loads the WASM module in Node and runs a real operation', async () => {
    const cv = await loadOpenCV();
    const src = cv.Mat.zeros(20, 20, cv.CV_8UC1);
    const dst = new cv.Mat();
    try {
      src.data.fill(0);
      src.ucharPtr(10, 10)[0] = 255;
      cv.threshold(src, dst, 128, 255, cv.THRESH_BINARY_INV);
      expect(cv.countNonZero(dst)).toBe(399);
    } finally {
      src.delete();
      dst.delete();
    }
    expect(openCvHeapBytes(cv)).toBeGreaterThan(1024 * 1024);
  });

  it('returns the same module on every call', async () => {
    expect(await loadOpenCV()).toBe(await loadOpenCV());
  });
});
