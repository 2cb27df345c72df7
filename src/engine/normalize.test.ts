import { describe, expect, it } from 'vitest';
import { areaResize, centreOfMass, normalizeDigit } from './normalize';

function inkBox(img: Float32Array): { w: number; h: number } {
  let x0 = 28;
  let x1 = -1;
  let y0 = 28;
  let y1 = -1;
  for (let y = 0; y < 28; y++) {
    for (let x = 0; x < 28; x++) {
      if (img[y * 28 + x]! > 0.05) {
        x0 = Math.min(x0, x);
        x1 = Math.max(x1, x);
        y0 = Math.min(y0, y);
        y1 = Math.max(y1, y);
      }
    }
  }
  return { w: x1 - x0 + 1, h: y1 - y0 + 1 };
}

function rect(w: number, h: number, fill: (x: number, y: number) => boolean): Uint8Array {
  const px = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) for (let x = 0; x < w; x++) if (fill(x, y)) px[y * w + x] = 255;
  return px;
}

describe('normalizeDigit', () => {
  it('keeps a "1" thin: a tall narrow stroke is not stretched to a square', () => {
    const out = normalizeDigit(
      rect(8, 100, () => true),
      8,
      100,
    );
    const box = inkBox(out);
    expect(box.h).toBe(20);
    expect(box.w).toBeLessThanOrEqual(3);
  });

  it('fits the longer side to 20 px and keeps the aspect ratio', () => {
    const out = normalizeDigit(
      rect(60, 30, () => true),
      60,
      30,
    );
    expect(inkBox(out)).toEqual({ w: 20, h: 10 });
  });

  it('centres the centre of mass at (14, 14)', () => {
    // An L shape: its centre of mass is far from its box centre.
    const px = rect(40, 40, (x, y) => x < 8 || y > 32);
    const com = centreOfMass(normalizeDigit(px, 40, 40), 28, 28);
    expect(Math.abs(com.x - 14)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(com.y - 14)).toBeLessThanOrEqual(0.5);
  });

  it('has ink 1.0 on background 0.0 as float32', () => {
    const out = normalizeDigit(
      rect(50, 50, (x, y) => (x - 25) ** 2 + (y - 25) ** 2 < 400),
      50,
      50,
    );
    expect(out).toBeInstanceOf(Float32Array);
    expect(out.length).toBe(784);
    expect(Math.max(...out)).toBeCloseTo(1, 5);
    expect(out[0]).toBe(0);
    expect(Math.min(...out)).toBeGreaterThanOrEqual(0);
  });

  it('returns a blank input for an empty crop', () => {
    expect(normalizeDigit(new Uint8Array(0), 0, 0).every((v) => v === 0)).toBe(true);
  });
});

describe('areaResize', () => {
  it('preserves the mean (anti-aliased, not sampled)', () => {
    const src = new Float32Array(10 * 10);
    for (let i = 0; i < 10; i++) src[i * 10 + 3] = 1; // one column
    const out = areaResize(src, 10, 10, 4, 4);
    const mean = (a: Float32Array): number => a.reduce((s, v) => s + v, 0) / a.length;
    expect(mean(out)).toBeCloseTo(mean(src), 5);
  });
});

describe('stroke width', () => {
  it('measures the width of a bar and thickens thin strokes to a MNIST-like width', async () => {
    const { normalizeStroke, strokeWidth } = await import('./normalize');
    const bar = rect(6, 200, () => true);
    expect(strokeWidth(bar, 6, 200)).toBeCloseTo((6 * 200) / 206, 0);
    // A 2 px ring 100 px across: far thinner than MNIST's strokes relative to its size.
    const ring = rect(100, 100, (x, y) => Math.abs(Math.hypot(x - 50, y - 50) - 45) < 1);
    const thick = normalizeStroke(ring, 100, 100);
    expect(strokeWidth(thick.pixels, thick.width, thick.height)).toBeGreaterThan(7);
    // Normal strokes are left alone.
    const normal = rect(100, 100, (x, y) => Math.abs(Math.hypot(x - 50, y - 50) - 40) < 6);
    expect(normalizeStroke(normal, 100, 100).pixels).toBe(normal);
  });

  it('takes shading under half the ink darkness (a shaded crop) for paper when measuring', async () => {
    const { strokeWidth } = await import('./normalize');
    // A 6 px bar with a 2 px light halo each side: still a 6 px stroke, not a 10 px one.
    const shaded = new Uint8Array(10 * 200);
    for (let y = 0; y < 200; y++) {
      for (let x = 0; x < 10; x++) shaded[y * 10 + x] = x >= 2 && x < 8 ? 255 : 90;
    }
    expect(strokeWidth(shaded, 10, 200)).toBeCloseTo((6 * 200) / 206, 0);
  });
});
