/**
 * Images with no writing at all, which must read as nothing (or only doubtful digits): sensor
 * noise, textures, test patterns, photos of objects, blank and ruled pages.
 */
import { strokeLine } from '../../engine/testing/raster';
import {
  composite,
  coverage,
  lightRamp,
  rgbCanvas,
  toRgbaImage,
  type RgbCanvas,
} from './colourCanvas';
import type { JpegRoundTrip } from './evalSample';
import { addNoise } from './paperEffects';
import type { SceneSample } from './pageScenes';
import type { Rng } from './prng';

export const NEGATIVE_KINDS = ['noise', 'texture', 'testpattern', 'object', 'blank'] as const;

function put(c: RgbCanvas, x: number, y: number, r: number, g: number, b: number): void {
  const i = (y * c.width + x) * 3;
  c.data[i] = r;
  c.data[i + 1] = g;
  c.data[i + 2] = b;
}

/** Value noise: random grids at a few scales, bilinearly interpolated and summed. */
function valueNoise(rng: Rng, w: number, h: number, cells: number[]): Float32Array {
  const out = new Float32Array(w * h);
  for (const cell of cells) {
    const gw = Math.ceil(w / cell) + 2;
    const gh = Math.ceil(h / cell) + 2;
    const grid = Float32Array.from({ length: gw * gh }, () => rng.uniform(-1, 1));
    for (let y = 0; y < h; y++) {
      const v = y / cell;
      const v0 = Math.floor(v);
      const fv = v - v0;
      for (let x = 0; x < w; x++) {
        const u = x / cell;
        const u0 = Math.floor(u);
        const fu = u - u0;
        const at = (a: number, b: number): number => grid[b * gw + a]!;
        out[y * w + x]! +=
          (at(u0, v0) * (1 - fu) + at(u0 + 1, v0) * fu) * (1 - fv) +
          (at(u0, v0 + 1) * (1 - fu) + at(u0 + 1, v0 + 1) * fu) * fv;
      }
    }
  }
  return out;
}

function noise(rng: Rng, w: number, h: number): RgbCanvas {
  const c = rgbCanvas(w, h, [0, 0, 0]);
  const colour = rng.chance(0.5);
  const mean = rng.uniform(60, 200);
  const sigma = rng.uniform(20, 80);
  for (let i = 0; i < w * h; i++) {
    const g = mean + rng.normal() * sigma;
    for (let k = 0; k < 3; k++) c.data[i * 3 + k] = colour ? mean + rng.normal() * sigma : g;
  }
  return c;
}

function texture(rng: Rng, w: number, h: number): RgbCanvas {
  const base: [number, number, number] = [
    rng.uniform(60, 220),
    rng.uniform(60, 220),
    rng.uniform(60, 220),
  ];
  const c = rgbCanvas(w, h, base);
  const n = valueNoise(rng, w, h, [rng.uniform(2, 6), rng.uniform(8, 20), rng.uniform(30, 80)]);
  const amp = rng.uniform(15, 45);
  const grain = rng.chance(0.4) ? rng.uniform(0.05, 0.3) : 0; // wood: stripes bent by the noise
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      const i = y * w + x;
      const d = grain ? 25 * Math.sin(x * grain + 4 * n[i]!) : amp * n[i]!;
      for (let k = 0; k < 3; k++) c.data[i * 3 + k]! += d;
    }
  return c;
}

function testPattern(rng: Rng, w: number, h: number): RgbCanvas {
  const c = rgbCanvas(w, h, [128, 128, 128]);
  const kind = rng.int(0, 3);
  const bars: [number, number, number][] = [
    [192, 192, 192],
    [192, 192, 0],
    [0, 192, 192],
    [0, 192, 0],
    [192, 0, 192],
    [192, 0, 0],
    [0, 0, 192],
  ];
  const f = rng.uniform(0.02, 0.15);
  const cell = rng.int(8, 60);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++) {
      if (kind === 0) {
        const bar = bars[Math.min(6, Math.floor((x / w) * 7))]!;
        const low = y > h * 0.75 ? (Math.floor((x / w) * 5) % 2 ? 20 : 235) : -1;
        if (low >= 0) put(c, x, y, low, low, low);
        else put(c, x, y, ...bar);
      } else if (kind === 1) {
        const v = (Math.floor(x / cell) + Math.floor(y / cell)) % 2 ? 230 : 25;
        put(c, x, y, v, v, v);
      } else if (kind === 2) {
        const r = Math.hypot(x - w / 2, y - h / 2);
        const v = 128 + 110 * Math.sin(r * r * f * 0.01);
        put(c, x, y, v, v, v);
      } else {
        const v = Math.floor((x / w) * 11) * 23;
        const s = y < h / 2 ? v : 128 + 100 * Math.sin(x * f * (1 + (3 * y) / h));
        put(c, x, y, s, s, s);
      }
    }
  return c;
}

function objects(rng: Rng, w: number, h: number): RgbCanvas {
  const bg: [number, number, number] = [
    rng.uniform(80, 220),
    rng.uniform(80, 220),
    rng.uniform(80, 220),
  ];
  const c = rgbCanvas(w, h, bg);
  for (let o = rng.int(1, 4); o > 0; o--) {
    const cx = rng.uniform(0.1, 0.9) * w;
    const cy = rng.uniform(0.1, 0.9) * h;
    const rx = rng.uniform(0.08, 0.3) * w;
    const ry = rng.uniform(0.08, 0.3) * h;
    const col = [rng.uniform(10, 240), rng.uniform(10, 240), rng.uniform(10, 240)];
    const box = rng.chance(0.5);
    for (let y = Math.max(0, Math.floor(cy - ry)); y < Math.min(h, cy + ry); y++)
      for (let x = Math.max(0, Math.floor(cx - rx)); x < Math.min(w, cx + rx); x++) {
        const dx = (x - cx) / rx;
        const dy = (y - cy) / ry;
        if (!box && dx * dx + dy * dy > 1) continue;
        const shade = 0.6 + 0.4 * (1 - (dx + dy + 2) / 4); // lit from the top left
        put(c, x, y, col[0]! * shade, col[1]! * shade, col[2]! * shade);
      }
  }
  lightRamp(c, rng, rng.uniform(0.6, 0.95));
  return c;
}

function blank(rng: Rng, w: number, h: number): RgbCanvas {
  const v = rng.uniform(200, 250);
  const c = rgbCanvas(w, h, [v, v, v - rng.uniform(0, 25)]);
  if (rng.chance(0.5)) {
    const rules = coverage(w, h);
    const pitch = rng.uniform(18, 45);
    const grid = rng.chance(0.4);
    for (let y = rng.uniform(5, pitch); y < h; y += pitch)
      strokeLine(rules, -2, y, w + 2, y, 0.7, 1);
    if (grid)
      for (let x = rng.uniform(5, pitch); x < w; x += pitch)
        strokeLine(rules, x, -2, x, h + 2, 0.7, 1);
    composite(c, rules, [140, 170, 210], rng.uniform(0.5, 1));
  }
  lightRamp(c, rng, rng.uniform(0.55, 0.95));
  return c;
}

export function renderNegative(rng: Rng, jpeg: JpegRoundTrip): SceneSample {
  const kind = rng.pick(NEGATIVE_KINDS);
  const w = rng.int(300, 1400);
  const h = Math.round(w * rng.uniform(0.5, 1.4));
  const make = { noise, texture, testpattern: testPattern, object: objects, blank }[kind];
  const c = make(rng, w, h);
  if (kind !== 'noise') addNoise(c, rng, rng.uniform(1, 6));
  const image = rng.chance(0.5) ? jpeg(toRgbaImage(c), rng.int(60, 92)) : toRgbaImage(c);
  return { category: 'negative', image, text: '', boxes: [] };
}
