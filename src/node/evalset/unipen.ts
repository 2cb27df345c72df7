/**
 * Real handwriting for evaluation: the UNIPEN pen recordings in ../shared/data/unipen (digits
 * and whole numbers of real writers), drawn the way the drawing pad draws strokes (a round pen
 * of the pad's width on white). Only the validation writers are used by default: the line
 * reader trains on the others (training/linereader/strokes.py holds the same split rule).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { cropCanvas, grayCanvas, strokeLine, toRgba } from '../../engine/testing/raster';
import { exportRegion } from '../../features/draw/strokes';
import type { RgbaImage } from '../../engine/types';
import { robustBox as percentileBox } from '../unipen';
import type { Rng } from './prng';

export const UNIPEN_DIR = resolve('..', 'shared', 'data', 'unipen');

export interface PenSample {
  label: string;
  writer: string;
  strokes: [number, number][][];
}

/** The same stable split as the training side: a quarter of the writers, by name hash. */
export function isValidationWriter(writer: string, fraction = 0.25): boolean {
  const h = parseInt(createHash('sha1').update(writer).digest('hex').slice(0, 8), 16);
  return h % 1000 < fraction * 1000;
}

/** digits.json or digit_strings.json; null when the data folder is absent. */
export function loadPenSamples(file: string, dir = UNIPEN_DIR): PenSample[] | null {
  const path = join(dir, file);
  if (!existsSync(path)) return null;
  const raw = JSON.parse(readFileSync(path, 'utf8')) as { samples: PenSample[] };
  return raw.samples.filter((s) => s.strokes.some((st) => st.length > 0));
}

/** The percentile box (../unipen.ts) widened by 10%, so the ink near its edges is kept. */
export function robustBox(strokes: PenSample['strokes']): {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
} {
  const { x0, x1, y0, y1 } = percentileBox(strokes);
  const mx = 0.1 * (x1 - x0) + 1e-6;
  const my = 0.1 * (y1 - y0) + 1e-6;
  return { x0: x0 - mx, y0: y0 - my, x1: x1 + mx, y1: y1 + my };
}

/** The strokes scaled into pad coordinates: ink `height` px tall, left edge at `left`, top at `top`. */
export function placeStrokes(
  strokes: PenSample['strokes'],
  height: number,
  left: number,
  top: number,
): [number, number][][] {
  const b = robustBox(strokes);
  const s = height / Math.max(1e-6, b.y1 - b.y0);
  return strokes
    .map((st) =>
      st
        .filter(([x, y]) => x >= b.x0 && x <= b.x1 && y >= b.y0 && y <= b.y1)
        .map(([x, y]): [number, number] => [left + (x - b.x0) * s, top + (y - b.y0) * s]),
    )
    .filter((st) => st.length > 0);
}

/** The pad; its pen is at most `pen` px wide. */
export const PAD = { width: 720, height: 360, pen: 24 };

/**
 * A number drawn on the pad: written 70-150 px tall (smaller when it would not fit), placed at
 * a random spot, drawn with a round pen 8-16% of the writing's height (at most the pad's pen):
 * the pen follows the writing size, as on the pad, so a long number is not drawn as blots.
 */
export function renderOnPad(sample: PenSample, rng: Rng): RgbaImage {
  const b = robustBox(sample.strokes);
  const aspect = (b.x1 - b.x0) / Math.max(1e-6, b.y1 - b.y0);
  let height = rng.uniform(70, 150);
  height = Math.min(height, (PAD.width - 80) / Math.max(aspect, 1e-3), PAD.height - 80);
  const width = height * aspect;
  const left = rng.uniform(40, Math.max(41, PAD.width - 40 - width));
  const top = rng.uniform(40, Math.max(41, PAD.height - 40 - height));
  const r = Math.max(2, Math.min(PAD.pen, height * rng.uniform(0.08, 0.16))) / 2;
  return drawOnPad(placeStrokes(sample.strokes, height, left, top), r);
}

/**
 * Strokes in pad pixels drawn with a round pen of radius `r`, and cut to the part the pad
 * exports to the engine (exportRegion: the ink with margins), as the app sends it.
 */
export function drawOnPad(strokes: readonly (readonly [number, number])[][], r: number): RgbaImage {
  const canvas = grayCanvas(PAD.width, PAD.height, 255);
  for (const st of strokes) {
    if (st.length === 1) strokeLine(canvas, st[0]![0], st[0]![1], st[0]![0], st[0]![1], r, 17);
    for (let i = 1; i < st.length; i++) {
      strokeLine(canvas, st[i - 1]![0], st[i - 1]![1], st[i]![0], st[i]![1], r, 17);
    }
  }
  const asStrokes = strokes.map((st) => ({ points: st.map(([x, y]) => ({ x, y })), width: 2 * r }));
  const region = exportRegion(PAD, asStrokes);
  return toRgba(cropCanvas(canvas, region));
}
