/**
 * Synthetic scenes for the failures of issue 15, one renderer per category: a sheet on a dark
 * desk seen in perspective, an A4 scan at 300 dpi with wide margins and ten rows, writing that
 * shows through from the back, tiny digits on ruled paper with a margin line, and tight crops of
 * one digit. MNIST test digits, deterministic per Rng.
 */
import type { InkBox } from '../../engine/testing/raster';
import type { RgbaImage } from '../../engine/types';
import {
  composite,
  coverage,
  homographyFrom,
  lightRamp,
  mirror,
  project,
  rgbCanvas,
  toRgbaImage,
  warpInto,
  writeLines,
  type Rgb,
} from './colourCanvas';
import type { DigitSource, JpegRoundTrip } from './evalSample';
import { addNoise, boxBlur } from './paperEffects';
import type { Rng } from './prng';
import { strokeLine } from '../../engine/testing/raster';

export interface SceneSample {
  category: string;
  image: RgbaImage;
  /** Expected text, lines joined by "\n" ('' for negatives). */
  text: string;
  boxes: InkBox[][];
}

const PENS: Rgb[] = [
  [25, 25, 30], // black
  [20, 40, 140], // blue ballpoint
  [170, 25, 30], // red
  [90, 90, 95], // pencil
];

function pen(rng: Rng): Rgb {
  const p = rng.pick(PENS);
  return p.map((v) => v + rng.uniform(-10, 10)) as Rgb;
}

function paper(rng: Rng): Rgb {
  const v = rng.uniform(225, 250);
  return rng.chance(0.3) ? [v, v - 6, v - 30] : [v, v, v - rng.uniform(0, 8)];
}

export function renderDesk(rng: Rng, source: DigitSource, jpeg: JpegRoundTrip): SceneSample {
  const pw = 900;
  const ph = Math.round(pw / rng.uniform(1.3, 1.5));
  const sheet = rgbCanvas(pw, ph, paper(rng));
  const cov = coverage(pw, ph);
  const size = rng.uniform(70, 110);
  const lines = rng.int(1, 3);
  const written = writeLines(rng, source, cov, {
    x0: rng.uniform(0.06, 0.15) * pw,
    y0: rng.uniform(0.12, 0.25) * ph,
    lines,
    perLine: [3, 7],
    size,
    pitch: size * rng.uniform(1.3, 1.7),
  });
  composite(sheet, cov, pen(rng));
  const W = rng.int(1300, 1800);
  const H = Math.round(W * rng.uniform(0.7, 0.8));
  const shade = rng.uniform(35, 105);
  const desk = rgbCanvas(W, H, [shade * 1.1, shade, shade * 0.85]);
  for (let x = 0; x < W; x++) {
    const grain = 10 * Math.sin(x * rng.uniform(0.02, 0.05)) * (rng.chance(0.5) ? 1 : 0);
    for (let y = 0; y < H; y++)
      for (let k = 0; k < 3; k++) desk.data[(y * W + x) * 3 + k]! += grain;
  }
  // The sheet's corners: centred, 55-75% of the frame wide, turned and in perspective.
  const scale = (rng.uniform(0.55, 0.75) * W) / pw;
  const turn = rng.uniform(-0.25, 0.25);
  const cx = W / 2 + rng.uniform(-0.05, 0.05) * W;
  const cy = H / 2 + rng.uniform(-0.05, 0.05) * H;
  const corners = [
    [0, 0],
    [pw, 0],
    [pw, ph],
    [0, ph],
  ].map(([x, y]) => {
    const dx = (x! - pw / 2) * scale * (1 + rng.uniform(-0.08, 0.08));
    const dy = (y! - ph / 2) * scale * (1 + rng.uniform(-0.08, 0.08));
    return [
      cx + dx * Math.cos(turn) - dy * Math.sin(turn),
      cy + dx * Math.sin(turn) + dy * Math.cos(turn),
    ];
  });
  const toSheet = homographyFrom(corners, [
    [0, 0],
    [pw, 0],
    [pw, ph],
    [0, ph],
  ]);
  warpInto(desk, sheet, toSheet);
  lightRamp(desk, rng, rng.uniform(0.7, 0.95));
  addNoise(desk, rng, rng.uniform(2, 6));
  const toDesk = homographyFrom(
    [
      [0, 0],
      [pw, 0],
      [pw, ph],
      [0, ph],
    ],
    corners,
  );
  const boxes = written.boxes.map((line) =>
    line.map((b) => {
      const pts = [
        project(toDesk, b.x, b.y),
        project(toDesk, b.x + b.width, b.y),
        project(toDesk, b.x, b.y + b.height),
        project(toDesk, b.x + b.width, b.y + b.height),
      ];
      const xs = pts.map((p) => p[0]);
      const ys = pts.map((p) => p[1]);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      return { x, y, width: Math.max(...xs) - x, height: Math.max(...ys) - y };
    }),
  );
  return {
    category: 'desk',
    image: jpeg(toRgbaImage(desk), rng.int(70, 90)),
    text: written.text,
    boxes,
  };
}

/** An A4 page scanned at 300 dpi: 2481x3507, margins of 2-3 cm, ten rows of up to ten digits. */
export function renderA4Scan(rng: Rng, source: DigitSource): SceneSample {
  const W = 2481;
  const H = 3507;
  const sheet = rgbCanvas(W, H, paper(rng));
  const cov = coverage(W, H);
  const margin = rng.uniform(240, 360);
  const rows = 10;
  const pitch = (H - 2 * margin) / rows;
  const size = rng.uniform(95, 135); // 28 px MNIST box: ink 7-10 mm tall
  const written = writeLines(rng, source, cov, {
    x0: margin,
    y0: margin,
    lines: rows,
    perLine: [6, 10],
    size,
    pitch,
    gap: [0.4, 0.9],
    gamma: [1, 2.2], // pen strokes at 300 dpi are thinner than MNIST's scaled up
  });
  composite(sheet, cov, pen(rng));
  addNoise(sheet, rng, 2);
  return {
    category: 'a4scan',
    image: toRgbaImage(sheet),
    text: written.text,
    boxes: written.boxes,
  };
}

/** Writing on the back shows through, mirrored, soft and far fainter than the front's. */
export function renderShowThrough(rng: Rng, source: DigitSource, jpeg: JpegRoundTrip): SceneSample {
  const W = rng.int(900, 1300);
  const H = Math.round(W * rng.uniform(0.6, 0.9));
  const page = rgbCanvas(W, H, paper(rng));
  const size = rng.uniform(60, 100);
  const back = coverage(W, H);
  writeLines(rng, source, back, {
    x0: rng.uniform(0.05, 0.3) * W,
    y0: rng.uniform(0.05, 0.2) * H,
    lines: rng.int(2, 4),
    perLine: [3, 7],
    size: size * rng.uniform(0.8, 1.2),
    pitch: size * rng.uniform(1.2, 1.6),
    transform: mirror,
  });
  boxBlur(back, rng.int(2, 4));
  composite(page, back, [60, 60, 70], rng.uniform(0.1, 0.22));
  const front = coverage(W, H);
  const lines = rng.int(1, 3);
  const written = writeLines(rng, source, front, {
    x0: rng.uniform(0.05, 0.15) * W,
    y0: rng.uniform(0.1, 0.2) * H,
    lines,
    perLine: [3, 7],
    size,
    pitch: size * rng.uniform(1.4, 1.9),
  });
  composite(page, front, pen(rng));
  lightRamp(page, rng, rng.uniform(0.8, 0.97));
  addNoise(page, rng, rng.uniform(2, 4));
  return {
    category: 'showthrough',
    image: jpeg(toRgbaImage(page), rng.int(75, 92)),
    text: written.text,
    boxes: written.boxes,
  };
}

/** Digits about 20 px tall on ruled paper (blue rules, a red margin line), 5-8 of them. */
export function renderTinyRuled(rng: Rng, source: DigitSource, jpeg: JpegRoundTrip): SceneSample {
  const size = rng.uniform(26, 32); // ink ~19-23 px tall
  const pitch = size * rng.uniform(1.0, 1.25);
  const marginX = rng.uniform(30, 60);
  const W = Math.round(marginX + size * rng.uniform(7, 9) + 40);
  const H = Math.round(pitch * rng.int(4, 6));
  const page = rgbCanvas(W, H, paper(rng));
  const rules = coverage(W, H);
  const rulesTop = pitch * 0.5;
  for (let y = rulesTop; y < H; y += pitch)
    strokeLine(rules, -2, y, W + 2, y + rng.uniform(-1, 1), 0.6, 1);
  composite(page, rules, [150, 180, 220], rng.uniform(0.6, 1));
  const marginLine = coverage(W, H);
  strokeLine(marginLine, marginX - 8, -2, marginX - 8, H + 2, 0.8, 1);
  composite(page, marginLine, [215, 90, 100], rng.uniform(0.6, 1));
  const line = Math.floor(H / pitch / 2);
  const cov = coverage(W, H);
  const written = writeLines(rng, source, cov, {
    x0: marginX,
    y0: rulesTop + (line - 1) * pitch + pitch - size * 0.92,
    lines: 1,
    perLine: [5, 8],
    size,
    pitch,
    gap: [0.15, 0.4],
  });
  composite(page, cov, pen(rng));
  addNoise(page, rng, rng.uniform(1.5, 4));
  const image = rng.chance(0.5) ? jpeg(toRgbaImage(page), rng.int(80, 95)) : toRgbaImage(page);
  return { category: 'tinyruled', image, text: written.text, boxes: written.boxes };
}

/**
 * One digit cut out tight: from a form box (its frame along some edges), yellowed or textured
 * paper, a fragment of the neighbour's stroke at the edge.
 */
export function renderTightCrop(rng: Rng, source: DigitSource): SceneSample {
  const size = rng.uniform(40, 90);
  const S = Math.ceil(size * 2.2);
  const page = rgbCanvas(S, S, paper(rng));
  if (rng.chance(0.4)) {
    // Paper texture: blotches of low-frequency brightness change.
    const f1 = rng.uniform(0.02, 0.08);
    const f2 = rng.uniform(0.02, 0.08);
    const amp = rng.uniform(5, 14);
    for (let y = 0; y < S; y++)
      for (let x = 0; x < S; x++) {
        const d = amp * Math.sin(x * f1 + rng.uniform(0, 0.3)) * Math.cos(y * f2);
        for (let k = 0; k < 3; k++) page.data[(y * S + x) * 3 + k]! += d;
      }
  }
  const cov = coverage(S, S);
  const written = writeLines(rng, source, cov, {
    x0: (S - size) / 2,
    y0: (S - size) / 2,
    lines: 1,
    perLine: [1, 1],
    size,
    pitch: size,
  });
  const box = written.boxes[0]![0]!;
  const m = () => rng.uniform(0, 0.08) * size;
  const x0 = Math.max(0, Math.floor(box.x - m()));
  const y0 = Math.max(0, Math.floor(box.y - m()));
  const x1 = Math.min(S, Math.ceil(box.x + box.width + m()));
  const y1 = Math.min(S, Math.ceil(box.y + box.height + m()));
  const ink = pen(rng);
  if (rng.chance(0.4)) {
    // A neighbour's stroke reaching in from the left or right edge.
    const right = rng.chance(0.5);
    const ex = right ? x1 : x0;
    const reach = rng.uniform(0.05, 0.15) * size;
    const yA = rng.uniform(y0, y1);
    strokeLine(
      cov,
      ex + (right ? 3 : -3),
      yA,
      ex + (right ? -reach : reach),
      yA + rng.uniform(-0.3, 0.3) * size,
      rng.uniform(1, 2.5),
      1,
    );
  }
  composite(page, cov, ink);
  if (rng.chance(0.35)) {
    // The form box's printed frame, just inside the cut on one or two sides.
    const frame = coverage(S, S);
    const t = rng.uniform(0.6, 1.4);
    if (rng.chance(0.5)) strokeLine(frame, x0 + 1, y0, x0 + 1, y1, t, 1);
    if (rng.chance(0.5)) strokeLine(frame, x0, y1 - 2, x1, y1 - 2, t, 1);
    if (rng.chance(0.3)) strokeLine(frame, x1 - 2, y0, x1 - 2, y1, t, 1);
    composite(page, frame, [110, 110, 120], rng.uniform(0.5, 0.9));
  }
  addNoise(page, rng, rng.uniform(1, 4));
  const full = toRgbaImage(page);
  const w = x1 - x0;
  const h = y1 - y0;
  const data = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++)
    data.set(full.data.subarray(((y0 + y) * S + x0) * 4, ((y0 + y) * S + x1) * 4), y * w * 4);
  return {
    category: 'tightcrop',
    image: { width: w, height: h, data },
    text: written.text,
    boxes: [[{ x: box.x - x0, y: box.y - y0, width: box.width, height: box.height }]],
  };
}
