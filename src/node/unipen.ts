/**
 * UNIPEN isolated digits (../shared/data/unipen/digits.json, real pen recordings) rendered the
 * way the drawing pad renders strokes: dark round-capped ink of a constant width (1/16 of the
 * pad's height, strokeWidthFor in features/draw/strokes.ts) on white. Segments are straight
 * between recorded points (the pad smooths them with quadratic curves; at tablet sampling
 * rates the difference is below a pixel).
 */
import { readFileSync } from 'node:fs';
import { grayCanvas, strokeLine, toRgba } from '../engine/testing/raster';
import type { RgbaImage } from '../engine/types';

export const UNIPEN_DIGITS = '/work/shared/data/unipen/digits.json';

export interface PenSample {
  label: number;
  writer: string;
  strokes: [number, number][][];
}

export function loadUnipenDigits(path = UNIPEN_DIGITS): PenSample[] {
  const json = JSON.parse(readFileSync(path, 'utf8')) as {
    samples: { label: string; writer: string; strokes: [number, number][][] }[];
  };
  return json.samples
    .filter((s) => /^\d$/.test(s.label) && s.strokes.some((st) => st.length > 0))
    .map((s) => ({ label: Number(s.label), writer: s.writer, strokes: s.strokes }));
}

function percentile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.round(q * (sorted.length - 1))))]!;
}

/** 2nd-98th percentile box: a tablet glitch (a point far off the ink) does not set the scale. */
export function robustBox(strokes: [number, number][][]): {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
} {
  const xs = strokes
    .flat()
    .map((p) => p[0])
    .sort((a, b) => a - b);
  const ys = strokes
    .flat()
    .map((p) => p[1])
    .sort((a, b) => a - b);
  return {
    x0: percentile(xs, 0.02),
    x1: percentile(xs, 0.98),
    y0: percentile(ys, 0.02),
    y1: percentile(ys, 0.98),
  };
}

export interface PadRender {
  /** Pad height in CSS pixels; the pen is 1/16 of it. */
  padHeight: number;
  /** Digit height as a fraction of the pad's height. */
  digitFraction: number;
}

export const PAD_RENDER: PadRender = { padHeight: 300, digitFraction: 0.45 };

/** The digit drawn on a square pad, centred. */
export function renderPenDigit(sample: PenSample, render: PadRender = PAD_RENDER): RgbaImage {
  const size = render.padHeight;
  const c = grayCanvas(size, size, 255);
  const b = robustBox(sample.strokes);
  const h = Math.max(1, b.y1 - b.y0);
  const w = Math.max(1, b.x1 - b.x0);
  const target = size * render.digitFraction;
  // A tall digit gets the target height; a wide one (a flat 0) no wider than the pad allows.
  const scale = Math.min(target / h, (size * 0.8) / w);
  const ox = size / 2 - ((b.x0 + b.x1) / 2) * scale;
  const oy = size / 2 - ((b.y0 + b.y1) / 2) * scale;
  const radius = Math.min(40, Math.max(6, size / 16)) / 2;
  const ink = 17; // #111111, the pad export's ink
  for (const stroke of sample.strokes) {
    const pts = stroke.map(([x, y]) => [x * scale + ox, y * scale + oy] as const);
    if (pts.length === 1)
      strokeLine(c, pts[0]![0], pts[0]![1], pts[0]![0], pts[0]![1], radius, ink);
    for (let i = 1; i < pts.length; i++) {
      strokeLine(c, pts[i - 1]![0], pts[i - 1]![1], pts[i]![0], pts[i]![1], radius, ink);
    }
  }
  return toRgba(c);
}
