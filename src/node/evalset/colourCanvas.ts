/**
 * Colour rendering for the page-scene evaluation categories: an RGB float canvas, ink painted
 * as coverage and composited in a pen colour, blur and noise, and a projective warp that puts a
 * rendered sheet onto a desk. Pure TypeScript, deterministic given the Rng.
 */
import { grayCanvas, paintMnist, type GrayCanvas, type InkBox } from '../../engine/testing/raster';
import type { RgbaImage } from '../../engine/types';
import type { DigitSource } from './evalSample';
import { lightFactor } from './paperEffects';
import type { Rng } from './prng';

export type Rgb = [number, number, number];

export interface RgbCanvas {
  width: number;
  height: number;
  /** Interleaved r, g, b, 0..255 floats. */
  data: Float32Array;
}

export function rgbCanvas(width: number, height: number, colour: Rgb): RgbCanvas {
  const data = new Float32Array(width * height * 3);
  for (let i = 0; i < width * height; i++) data.set(colour, i * 3);
  return { width, height, data };
}

/** Blends `colour` over the canvas with per-pixel coverage 0..1 (a coverage canvas's data). */
export function composite(c: RgbCanvas, coverage: GrayCanvas, colour: Rgb, strength = 1): void {
  for (let i = 0; i < c.width * c.height; i++) {
    const a = Math.min(1, coverage.data[i]!) * strength;
    if (a <= 0) continue;
    for (let k = 0; k < 3; k++) c.data[i * 3 + k] = c.data[i * 3 + k]! * (1 - a) + colour[k]! * a;
  }
}

/** Multiplies brightness by a linear ramp from `low` to 1 in a random direction. */
export function lightRamp(c: RgbCanvas, rng: Rng, low: number): void {
  const f = lightFactor(c.width, c.height, rng, low);
  for (let y = 0; y < c.height; y++) {
    for (let x = 0; x < c.width; x++) {
      const k0 = (y * c.width + x) * 3;
      const v = f(x, y);
      for (let k = 0; k < 3; k++) c.data[k0 + k]! *= v;
    }
  }
}

export function toRgbaImage(c: RgbCanvas): RgbaImage {
  const data = new Uint8ClampedArray(c.width * c.height * 4);
  for (let i = 0; i < c.width * c.height; i++) {
    data[i * 4] = c.data[i * 3]!;
    data[i * 4 + 1] = c.data[i * 3 + 1]!;
    data[i * 4 + 2] = c.data[i * 3 + 2]!;
    data[i * 4 + 3] = 255;
  }
  return { width: c.width, height: c.height, data };
}

/** Mirror image of a 28x28 digit (writing seen through the sheet from its back). */
export function mirror(d: Uint8Array): Uint8Array {
  const out = new Uint8Array(784);
  for (let y = 0; y < 28; y++) for (let x = 0; x < 28; x++) out[y * 28 + x] = d[y * 28 + 27 - x]!;
  return out;
}

export interface WrittenLines {
  text: string;
  boxes: InkBox[][];
}

/**
 * Writes lines of MNIST digits as coverage (0..1) into `cov`: each line starts at x0, digits
 * `size` px (MNIST's 28 px box) with gaps of `gap` digit sizes between inks.
 */
export function writeLines(
  rng: Rng,
  source: DigitSource,
  cov: GrayCanvas,
  o: {
    x0: number;
    y0: number;
    lines: number;
    perLine: [number, number];
    size: number;
    pitch: number;
    gap?: [number, number];
    gamma?: [number, number];
    transform?: (d: Uint8Array) => Uint8Array;
  },
): WrittenLines {
  const lines: string[] = [];
  const boxes: InkBox[][] = [];
  for (let l = 0; l < o.lines; l++) {
    let x = o.x0 + rng.uniform(0, 0.5) * o.size;
    const y = o.y0 + l * o.pitch;
    const n = rng.int(...o.perLine);
    let text = '';
    const lineBoxes: InkBox[] = [];
    for (let i = 0; i < n; i++) {
      const { pixels, label } = source.draw(rng);
      const size = o.size * rng.uniform(0.9, 1.1);
      const gamma = o.gamma ? rng.uniform(...o.gamma) : 1;
      const px = o.transform ? o.transform(pixels) : pixels;
      const box = paintMnist(
        cov,
        px,
        x,
        y + rng.uniform(-0.05, 0.05) * size,
        size,
        1,
        rng.uniform(-0.1, 0.1),
        gamma,
      );
      if (!box) continue;
      text += String(label);
      lineBoxes.push(box);
      x =
        box.x +
        box.width +
        rng.uniform(...(o.gap ?? [0.25, 0.6])) * o.size -
        (size - box.width) * 0.35;
      x = Math.max(x, box.x + box.width + 0.15 * o.size);
    }
    if (text) {
      lines.push(text);
      boxes.push(lineBoxes);
    }
  }
  return { text: lines.join('\n'), boxes };
}

export function coverage(width: number, height: number): GrayCanvas {
  return grayCanvas(width, height, 0);
}

/** Solves the homography taking four points `from` to four points `to` (row-major 3x3). */
export function homographyFrom(from: number[][], to: number[][]): number[] {
  const a: number[][] = [];
  for (let i = 0; i < 4; i++) {
    const [x, y] = from[i]!;
    const [u, v] = to[i]!;
    a.push([x!, y!, 1, 0, 0, 0, -u! * x!, -u! * y!, u!]);
    a.push([0, 0, 0, x!, y!, 1, -v! * x!, -v! * y!, v!]);
  }
  for (let c = 0; c < 8; c++) {
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r]![c]!) > Math.abs(a[p]![c]!)) p = r;
    [a[c], a[p]] = [a[p]!, a[c]!];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r]![c]! / a[c]![c]!;
      for (let k = c; k < 9; k++) a[r]![k]! -= f * a[c]![k]!;
    }
  }
  return [...a.map((row, i) => row[8]! / row[i]!), 1];
}

export function project(h: number[], x: number, y: number): [number, number] {
  const w = h[6]! * x + h[7]! * y + h[8]!;
  return [(h[0]! * x + h[1]! * y + h[2]!) / w, (h[3]! * x + h[4]! * y + h[5]!) / w];
}

/** Draws `src` into `dst` through `toSrc` (dst pixel -> src pixel), bilinear, where it lands. */
export function warpInto(dst: RgbCanvas, src: RgbCanvas, toSrc: number[]): void {
  for (let y = 0; y < dst.height; y++) {
    for (let x = 0; x < dst.width; x++) {
      const [u, v] = project(toSrc, x + 0.5, y + 0.5);
      const su = u - 0.5;
      const sv = v - 0.5;
      if (su < 0 || sv < 0 || su >= src.width - 1 || sv >= src.height - 1) continue;
      const u0 = Math.floor(su);
      const v0 = Math.floor(sv);
      const fu = su - u0;
      const fv = sv - v0;
      for (let k = 0; k < 3; k++) {
        const at = (uu: number, vv: number): number => src.data[(vv * src.width + uu) * 3 + k]!;
        dst.data[(y * dst.width + x) * 3 + k] =
          (at(u0, v0) * (1 - fu) + at(u0 + 1, v0) * fu) * (1 - fv) +
          (at(u0, v0 + 1) * (1 - fu) + at(u0 + 1, v0 + 1) * fu) * fv;
      }
    }
  }
}
