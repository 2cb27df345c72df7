import { describe, expect, it } from 'vitest';
import { decodeImage, encodeJpeg, encodePng, sniffFormat } from './imageio';

function gradient(w: number, h: number, alpha = 255) {
  const data = new Uint8ClampedArray(w * h * 4);
  for (let i = 0; i < w * h; i++) {
    data.set([(i % w) * 4, 128, 255 - (i % w) * 4, alpha], i * 4);
  }
  return { width: w, height: h, data };
}

describe('imageio', () => {
  it('round-trips PNG exactly, alpha included', () => {
    const img = gradient(40, 30, 100);
    const back = decodeImage(encodePng(img));
    expect(back.width).toBe(40);
    expect(back.height).toBe(30);
    expect(Array.from(back.data)).toEqual(Array.from(img.data));
  });

  it('round-trips JPEG approximately (opaque)', () => {
    const img = gradient(48, 32);
    const bytes = encodeJpeg(img, 95);
    expect(sniffFormat(bytes)).toBe('jpeg');
    const back = decodeImage(bytes);
    expect(back.width).toBe(48);
    let err = 0;
    for (let i = 0; i < img.data.length; i++) err += Math.abs(img.data[i]! - back.data[i]!);
    expect(err / img.data.length).toBeLessThan(4);
  });

  it('rejects something that is neither PNG nor JPEG, or a broken file, as invalid-image', () => {
    expect(() => decodeImage(new Uint8Array([1, 2, 3, 4]), 'x.gif')).toThrow(/not a PNG or JPEG/);
    const png = encodePng(gradient(8, 8));
    try {
      decodeImage(png.subarray(0, 40), 'cut.png');
      expect.unreachable();
    } catch (err) {
      expect((err as { code: string }).code).toBe('invalid-image');
    }
  });
});
