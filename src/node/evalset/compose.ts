/**
 * Renders evaluation images from MNIST test digits, one renderer per category: digit strings
 * on paper-like backgrounds. Every random choice comes from the seeded Rng, so a seed + index
 * always gives the same image.
 */
import {
  grayCanvas,
  strokeLine,
  toRgba,
  type GrayCanvas,
  type InkBox,
} from '../../engine/testing/raster';
import type { RgbaImage } from '../../engine/types';
import { inkBounds, paintLine, planLine } from './digitLine';
import type { Category, DigitSource, EvalSample, JpegRoundTrip } from './evalSample';
import { addNoise, boxBlur, finish, lightGradient, rotatedLine, shadow } from './paperEffects';
import type { Rng } from './prng';
import { skeletonSegments, upscaleBinary, zhangSuen } from './skeleton';

/** One line of digits on plain paper: the shape of the clean and touching categories. */
interface PaperLine {
  category: Category;
  size: [number, number];
  count: [number, number];
  /** Margin around the line, in digit sizes. */
  margin: [number, number];
  /** Baseline slope range; none drawn when absent (a level line). */
  slope?: [number, number];
  /** Gap between neighbours' ink, in digit sizes (planLine's default when absent). */
  gap?: [number, number];
  paper: [number, number];
  ink: [number, number];
}

function renderPaperLine(rng: Rng, source: DigitSource, o: PaperLine): EvalSample {
  const size = rng.uniform(...o.size);
  const count = rng.int(...o.count);
  const margin = rng.uniform(...o.margin) * size;
  const slope = o.slope ? rng.uniform(...o.slope) : 0;
  const plan = planLine(rng, source, count, margin, margin, size, slope, o.gap);
  const w = Math.ceil(plan.right + margin);
  const h = Math.ceil(size * 1.3 + 2 * margin);
  const c = grayCanvas(w, h, rng.uniform(...o.paper));
  const inkLevel = rng.uniform(...o.ink);
  const boxes = paintLine(c, plan.placements, () => inkLevel);
  addNoise(c, rng, 2);
  return {
    category: o.category,
    image: finish(c),
    text: plan.placements.map((p) => p.label).join(''),
    boxes: [boxes],
  };
}

export function renderClean(rng: Rng, source: DigitSource): EvalSample {
  return renderPaperLine(rng, source, {
    category: 'clean',
    size: [36, 110],
    count: [2, 8],
    margin: [0.4, 1.2],
    slope: [-0.02, 0.02],
    paper: [225, 252],
    ink: [10, 70],
  });
}

/**
 * 2-4 digits on clean paper whose ink boxes overlap a little, so most neighbours' strokes touch:
 * what the touching-digit split is for (the other categories keep a gap between digits).
 */
export function renderTouching(rng: Rng, source: DigitSource): EvalSample {
  return renderPaperLine(rng, source, {
    category: 'touching',
    size: [50, 110],
    count: [2, 4],
    margin: [0.4, 1.0],
    gap: [-0.1, -0.01],
    paper: [230, 252],
    ink: [10, 60],
  });
}

export function renderPhoto(rng: Rng, source: DigitSource, jpeg: JpegRoundTrip): EvalSample {
  const size = rng.uniform(55, 150);
  const count = rng.int(3, 8);
  const mx = rng.uniform(0.6, 2.5) * size;
  const my = rng.uniform(1, 4) * size;
  const plan = planLine(rng, source, count, mx, my, size, rng.uniform(-0.04, 0.04));
  const w = Math.min(2000, Math.ceil(plan.right + mx));
  const h = Math.ceil(size * 1.4 + 2 * my);
  const c = grayCanvas(w, h, rng.uniform(185, 240));
  const inkLevel = rng.uniform(15, 80);
  const boxes = paintLine(c, plan.placements, () => inkLevel + rng.uniform(-10, 10));
  lightGradient(c, rng, rng.uniform(0.55, 0.9));
  if (rng.chance(0.6)) shadow(c, rng);
  addNoise(c, rng, rng.uniform(3, 9));
  if (rng.chance(0.6)) boxBlur(c);
  const quality = rng.int(35, 85);
  return {
    category: 'photo',
    image: jpeg(finish(c), quality),
    text: plan.placements.map((p) => p.label).join(''),
    boxes: [boxes],
    jpegQuality: quality,
  };
}

export function renderRuled(rng: Rng, source: DigitSource, jpeg: JpegRoundTrip): EvalSample {
  const size = rng.uniform(40, 100);
  const count = rng.int(3, 8);
  const grid = rng.chance(0.5);
  const pitch = grid ? size * rng.uniform(0.35, 0.6) : size * rng.uniform(0.85, 1.3);
  const margin = rng.uniform(0.5, 1.5) * size;
  const top = margin + pitch;
  const plan = planLine(rng, source, count, margin, top, size, rng.uniform(-0.015, 0.015));
  const w = Math.ceil(plan.right + margin);
  const h = Math.ceil(size * 1.3 + 2 * margin + 2 * pitch);
  const c = grayCanvas(w, h, rng.uniform(232, 252));
  const lineValue = rng.uniform(130, 200);
  const lineWidth = rng.uniform(1, 2.2);
  const angle = rng.uniform(-0.015, 0.015);
  // Rule lines near the digits' bottom so the digits sit on them (and cross the grid).
  const phase = top + size * 0.82 + rng.uniform(-0.05, 0.05) * size;
  for (let y = phase - Math.ceil(phase / pitch) * pitch; y < h + pitch; y += pitch) {
    rotatedLine(c, y, angle, lineWidth, lineValue, false);
  }
  if (grid) {
    for (let x = rng.uniform(0, pitch); x < w + pitch; x += pitch) {
      rotatedLine(c, x, -angle, lineWidth, lineValue, true);
    }
  }
  const inkLevel = rng.uniform(10, 70);
  const boxes = paintLine(c, plan.placements, () => inkLevel);
  addNoise(c, rng, rng.uniform(1, 4));
  const image = rng.chance(0.5) ? jpeg(finish(c), rng.int(70, 92)) : finish(c);
  return {
    category: 'ruled',
    image,
    text: plan.placements.map((p) => p.label).join(''),
    boxes: [boxes],
  };
}

export function renderMultiline(rng: Rng, source: DigitSource): EvalSample {
  const size = rng.uniform(40, 90);
  const lineCount = rng.int(2, 3);
  const margin = rng.uniform(0.5, 1.2) * size;
  const pitch = size * rng.uniform(1.15, 1.7);
  const slope = rng.uniform(-0.03, 0.03);
  const lines = Array.from({ length: lineCount }, (_, i) =>
    planLine(
      rng,
      source,
      rng.int(3, 7),
      margin + rng.uniform(0, 0.8) * size,
      margin + i * pitch,
      size,
      slope,
    ),
  );
  const w = Math.ceil(Math.max(...lines.map((l) => l.right)) + margin);
  const h = Math.ceil(margin * 2 + (lineCount - 1) * pitch + size * 1.3 + Math.abs(slope) * w);
  const c = grayCanvas(w, h, rng.uniform(220, 250));
  const inkLevel = rng.uniform(10, 70);
  const boxes = lines.map((l) => paintLine(c, l.placements, () => inkLevel));
  if (rng.chance(0.5)) lightGradient(c, rng, rng.uniform(0.7, 0.95));
  addNoise(c, rng, rng.uniform(1.5, 5));
  return {
    category: 'multiline',
    image: finish(c),
    text: lines.map((l) => l.placements.map((p) => p.label).join('')).join('\n'),
    boxes,
  };
}

/** Paints a digit redrawn from its skeleton with a round brush; returns its ink box. */
function brushDigit(
  c: GrayCanvas,
  digit: Uint8Array,
  x: number,
  y: number,
  size: number,
  radius: number,
  ink: number,
): InkBox {
  const factor = 4;
  const n = 28 * factor;
  const segs = skeletonSegments(zhangSuen(upscaleBinary(digit, factor), n, n), n);
  const s = size / n;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [ax, ay, bx, by] of segs) {
    const p = [
      x + (ax + 0.5) * s,
      y + (ay + 0.5) * s,
      x + (bx + 0.5) * s,
      y + (by + 0.5) * s,
    ] as const;
    strokeLine(c, p[0], p[1], p[2], p[3], radius, ink);
    x0 = Math.min(x0, p[0], p[2]);
    x1 = Math.max(x1, p[0], p[2]);
    y0 = Math.min(y0, p[1], p[3]);
    y1 = Math.max(y1, p[1], p[3]);
  }
  return {
    x: Math.floor(x0 - radius),
    y: Math.floor(y0 - radius),
    width: Math.ceil(x1 - x0 + 2 * radius),
    height: Math.ceil(y1 - y0 + 2 * radius),
  };
}

export function renderCanvas(rng: Rng, source: DigitSource): EvalSample {
  const side = rng.pick([200, 280, 280, 400]);
  const { pixels, label } = source.draw(rng);
  const ink = inkBounds(pixels);
  const radius = side * rng.uniform(0.015, 0.045);
  // The 28-grid spans `size`; MNIST ink fills ~20/28 of it. The whole digit stays on the canvas
  // (a digit cut off at the edge is no longer the digit its label says).
  const span = (Math.max(ink.right - ink.left, ink.bottom - ink.top) + 1) / 28;
  const room = side - 2 * radius - 2;
  const size = Math.min(side * rng.uniform(0.6, 1.05), room / span);
  const place = (first: number, last: number): number => {
    const extent = ((last - first + 1) * size) / 28;
    return radius + 1 + rng.uniform(0, 1) * (room - extent) - (first * size) / 28;
  };
  const x = place(ink.left, ink.right);
  const y = place(ink.top, ink.bottom);
  const transparent = rng.chance(0.3);
  const c = grayCanvas(side, side, transparent ? 0 : 255);
  const box = brushDigit(c, pixels, x, y, size, radius, transparent ? 255 : 0);
  let image: RgbaImage;
  if (transparent) {
    // Canvas export with alpha: black strokes, coverage in alpha, transparent black elsewhere.
    const alpha = c.data.slice();
    image = toRgba(grayCanvas(side, side, 0), alpha);
  } else {
    image = toRgba(c);
  }
  return { category: 'canvas', image, text: String(label), boxes: [[box]] };
}

export function renderDark(rng: Rng, source: DigitSource): EvalSample {
  const count = rng.int(2, 6);
  const blackboard = rng.chance(0.5);
  if (!blackboard) {
    // A dark drawing canvas: light round-brush strokes on a flat dark background.
    const size = rng.uniform(70, 140);
    const margin = size * rng.uniform(0.3, 0.8);
    const radius = size * rng.uniform(0.03, 0.06);
    const placements: { pixels: Uint8Array; label: number; x: number }[] = [];
    let cursor = margin;
    for (let i = 0; i < count; i++) {
      const { pixels, label } = source.draw(rng);
      const cols = inkBounds(pixels);
      const x = cursor - (cols.left * size) / 28;
      placements.push({ pixels, label, x });
      cursor = x + ((cols.right + 1) * size) / 28 + size * rng.uniform(0.15, 0.45);
    }
    const c = grayCanvas(
      Math.ceil(cursor + margin),
      Math.ceil(size + 2 * margin),
      rng.uniform(10, 50),
    );
    const ink = rng.uniform(200, 255);
    const boxes = placements.map((p) => brushDigit(c, p.pixels, p.x, margin, size, radius, ink));
    return {
      category: 'dark',
      image: toRgba(c),
      text: placements.map((p) => p.label).join(''),
      boxes: [boxes],
    };
  }
  const size = rng.uniform(45, 110);
  const margin = rng.uniform(0.6, 1.5) * size;
  const plan = planLine(rng, source, count, margin, margin, size, rng.uniform(-0.03, 0.03));
  const c = grayCanvas(
    Math.ceil(plan.right + margin),
    Math.ceil(size * 1.3 + 2 * margin),
    rng.uniform(35, 80),
  );
  const chalk = rng.uniform(170, 235);
  const boxes = paintLine(c, plan.placements, () => chalk + rng.uniform(-15, 15));
  lightGradient(c, rng, rng.uniform(0.7, 0.95));
  addNoise(c, rng, rng.uniform(3, 8));
  if (rng.chance(0.5)) boxBlur(c);
  return {
    category: 'dark',
    image: toRgba(c),
    text: plan.placements.map((p) => p.label).join(''),
    boxes: [boxes],
  };
}

/** The benchmark photo: a fixed-size photo-like page with `count` digits in one line. */
export function renderBenchPhoto(
  rng: Rng,
  source: DigitSource,
  jpeg: JpegRoundTrip,
  width = 1600,
  height = 1200,
  count = 8,
): EvalSample {
  const size = (width * 0.75) / count;
  const plan = planLine(rng, source, count, width * 0.1, height * 0.4, size, 0.01, [0.15, 0.3]);
  const c = grayCanvas(width, height, 225);
  const boxes = paintLine(c, plan.placements, () => 40);
  lightGradient(c, rng, 0.65);
  shadow(c, rng);
  addNoise(c, rng, 5);
  return {
    category: 'photo',
    image: jpeg(toRgba(c), 75),
    text: plan.placements.map((p) => p.label).join(''),
    boxes: [boxes],
    jpegQuality: 75,
  };
}
