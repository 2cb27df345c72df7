import { beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type MnistSplit } from '../../node/mnist';
import { loadOpenCV, openCvHeapBytes, type OpenCV } from '../opencv';
import { grayCanvas, paintMnist, strokeLine, toRgba, type GrayCanvas } from '../testing/raster';
import { findDigit, scene } from '../testing/scenes';
import type { RgbaImage } from '../types';
import { compositeAlpha } from './gray';
import { DEFAULT_PARAMS, resolveParams } from './params';
import { runPipeline } from './run';

let cv: OpenCV;
let mnist: MnistSplit;

beforeAll(async () => {
  cv = await loadOpenCV();
  mnist = loadMnist('test');
});

async function segment(image: RgbaImage, overrides = {}) {
  const out = await runPipeline(cv, image, resolveParams(overrides), { stages: true });
  const lines = out.segmentation.lines.map((l) =>
    l.map((d) => ({
      x: d.crop.rect.x / out.scale,
      y: d.crop.rect.y / out.scale,
      w: d.crop.rect.w / out.scale,
      h: d.crop.rect.h / out.scale,
    })),
  );
  return { out, lines, count: lines.flat().length };
}

/** Four digits in a row on light paper. */
function row(paper = 240, ink = 30) {
  return scene(
    mnist,
    420,
    160,
    [
      { label: 3, x: 20, y: 30, size: 90 },
      { label: 1, x: 115, y: 30, size: 90 },
      { label: 4, x: 210, y: 30, size: 90 },
      { label: 7, x: 305, y: 30, size: 90 },
    ],
    paper,
    ink,
  );
}

describe('pipeline stages', () => {
  it('returns every stage image at working size and per-stage timings', async () => {
    const { out } = await segment(row().image());
    for (const id of ['gray', 'blur', 'thresh', 'edges', 'dilate'] as const) {
      const img = out.stageImages[id]!;
      expect(img.width).toBe(420);
      expect(img.data.length).toBe(420 * 160 * 4);
    }
    for (const k of ['gray', 'blur', 'thresh', 'edges', 'dilate', 'segment']) {
      expect(out.timings[k]).toBeGreaterThanOrEqual(0);
    }
  });

  it('thresholds ink white on black', async () => {
    const { out } = await segment(row().image());
    const t = out.stageImages.thresh!;
    expect(t.data[0]).toBe(0); // paper corner
    const ink = Array.from({ length: t.width * t.height }, (_, i) => t.data[i * 4]!).filter(
      (v) => v === 255,
    ).length;
    expect(ink / (t.width * t.height)).toBeGreaterThan(0.02);
    expect(ink / (t.width * t.height)).toBeLessThan(0.3);
  });
});

describe('segmentation', () => {
  it('finds one box per digit in left-to-right order, matching the painted ink', async () => {
    const s = row();
    const { lines } = await segment(s.image());
    expect(lines).toHaveLength(1);
    expect(lines[0]).toHaveLength(4);
    lines[0]!.forEach((b, i) => {
      const t = s.boxes[i]!;
      expect(Math.abs(b.x - t.x)).toBeLessThanOrEqual(3);
      expect(Math.abs(b.w - t.width)).toBeLessThanOrEqual(5);
    });
  });

  it('detects light ink on a dark canvas', async () => {
    const { out, count } = await segment(row(25, 235).image());
    expect(out.polarity).toBe('light-on-dark');
    expect(count).toBe(4);
  });

  it('reads dark ink on paper as dark-on-light', async () => {
    const { out } = await segment(row().image());
    expect(out.polarity).toBe('dark-on-light');
  });

  it('composites a transparent canvas export instead of reading it as all black', async () => {
    // Black strokes, coverage in alpha, fully transparent black elsewhere.
    const cover = grayCanvas(200, 200, 0);
    paintMnist(cover, findDigit(mnist, 2), 30, 30, 140, 255);
    const image = toRgba(grayCanvas(200, 200, 0), cover.data);
    const { out, count } = await segment(image);
    expect(count).toBe(1);
    expect(out.polarity).toBe('dark-on-light');
  });

  it('compositeAlpha picks white behind dark strokes and leaves opaque images alone', () => {
    const data = new Uint8ClampedArray([0, 0, 0, 0, 0, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(compositeAlpha(data)).toBe(true);
    expect(Array.from(data.subarray(0, 8))).toEqual([255, 255, 255, 255, 0, 0, 0, 255]);
    expect(compositeAlpha(new Uint8ClampedArray([9, 9, 9, 255]))).toBe(false);
  });

  it('drops specks of dust', async () => {
    const s = row();
    for (let i = 0; i < 40; i++) {
      const x = 10 + ((i * 97) % 400);
      const y = 5 + ((i * 53) % 150);
      strokeLine(s.canvas, x, y, x, y, 1.2, 40);
    }
    const { count } = await segment(s.image());
    expect(count).toBe(4);
  });

  it('removes ruled and grid lines without losing or splitting digits', async () => {
    const s = row();
    for (let y = 12; y < 160; y += 24) strokeLine(s.canvas, 0, y, 420, y + 3, 0.8, 150);
    for (let x = 8; x < 420; x += 24) strokeLine(s.canvas, x, 0, x - 2, 160, 0.8, 150);
    const { count, out } = await segment(s.image());
    expect(count).toBe(4);
    expect(out.segmentation.lines).toHaveLength(1);
  });

  it('keeps a stroke that lies along a light grid line, and removes dense grids entirely', async () => {
    const s = scene(mnist, 300, 200, [{ label: 4, x: 150, y: 50, size: 90 }]);
    // A "1" drawn exactly on top of a vertical rule, in darker ink than the rule.
    for (let y = 9; y < 200; y += 10) strokeLine(s.canvas, 0, y, 300, y, 0.6, 170);
    for (let x = 9; x < 300; x += 10) strokeLine(s.canvas, x, 0, x, 200, 0.6, 170);
    strokeLine(s.canvas, 79.5, 60, 79.5, 130, 2, 30);
    const { lines } = await segment(s.image());
    expect(lines.map((l) => l.length)).toEqual([2]);
    const one = lines[0]![0]!;
    expect(one.h).toBeGreaterThan(65); // not cut down to dots where the rules cross it
  });

  it('does not take a lone thin straight "1" that fills the image for a rule', async () => {
    const c = grayCanvas(120, 300, 240);
    strokeLine(c, 60, 20, 61, 280, 1, 30);
    const { lines } = await segment(toRgba(c));
    expect(lines.map((l) => l.length)).toEqual([1]);
  });

  describe('wide blobs: one wide digit or two touching ones', () => {
    /** A closed (or, with `gap` radians left out at the top, open) ellipse of round-pen strokes. */
    const ellipse = (c: GrayCanvas, cx: number, cy: number, rx: number, ry: number, gap = 0) => {
      const steps = 48;
      for (let i = 0; i < steps; i++) {
        const a = -Math.PI / 2 + gap / 2 + ((2 * Math.PI - gap) * i) / steps;
        const b = -Math.PI / 2 + gap / 2 + ((2 * Math.PI - gap) * (i + 1)) / steps;
        const p = [cx + rx * Math.cos(a), cy + ry * Math.sin(a)] as const;
        const q = [cx + rx * Math.cos(b), cy + ry * Math.sin(b)] as const;
        strokeLine(c, p[0], p[1], q[0], q[1], 5, 0);
      }
    };
    const count = async (c: GrayCanvas) => (await segment(toRgba(c))).lines.map((l) => l.length);

    it('does not cut a flat 0 through its loop', async () => {
      const wide = grayCanvas(280, 280);
      ellipse(wide, 140, 140, 100, 65);
      expect(await count(wide)).toEqual([1]);
    });

    it('does not cut an open 0 along its foot (a long thin run is no pinch)', async () => {
      const open = grayCanvas(280, 280);
      ellipse(open, 140, 140, 100, 65, 1.2);
      expect(await count(open)).toEqual([1]);
    });

    it('splits two touching 0s between their loops', async () => {
      const pair = grayCanvas(320, 200);
      ellipse(pair, 100, 100, 55, 70);
      ellipse(pair, 216, 100, 55, 70);
      expect(await count(pair)).toEqual([2]);
    });

    it('offers two digits split from one blob as one crop too, for the pair check', async () => {
      const pair = grayCanvas(320, 200);
      ellipse(pair, 100, 100, 55, 70);
      ellipse(pair, 216, 100, 55, 70);
      const { out } = await segment(toRgba(pair));
      const [a, b] = out.segmentation.lines[0]!;
      const whole = out.segmentation.pairAsOne!.crop.rect;
      expect(whole.x).toBe(a!.crop.rect.x);
      expect(whole.x + whole.w).toBe(b!.crop.rect.x + b!.crop.rect.w);
      expect(whole.w).toBeGreaterThan(1.5 * whole.h);
      // The union's own ink: every pixel either half has, and nothing else.
      const ink = (px: Uint8Array) => px.reduce((n, v) => n + (v > 0 ? 1 : 0), 0);
      expect(ink(out.segmentation.pairAsOne!.crop.pixels)).toBe(
        ink(a!.crop.pixels) + ink(b!.crop.pixels),
      );
    });

    it('splits a 0 and a 7 whose bar touches it: a short pinch', async () => {
      const c = grayCanvas(280, 200);
      ellipse(c, 80, 100, 55, 65);
      strokeLine(c, 112, 45, 230, 45, 5, 0);
      strokeLine(c, 230, 45, 170, 165, 5, 0);
      expect(await count(c)).toEqual([2]);
    });
  });

  it('merges a 5 whose top bar is detached', async () => {
    const s = scene(mnist, 300, 160, [{ label: 1, x: 150, y: 30, size: 90 }]);
    // A hand-drawn 5: bar, down stroke, belly - with a gap between the bar and the rest.
    strokeLine(s.canvas, 40, 40, 95, 38, 3.5, 30);
    strokeLine(s.canvas, 42, 52, 40, 80, 3.5, 30);
    strokeLine(s.canvas, 40, 80, 75, 78, 3.5, 30);
    strokeLine(s.canvas, 75, 78, 92, 95, 3.5, 30);
    strokeLine(s.canvas, 92, 95, 85, 118, 3.5, 30);
    strokeLine(s.canvas, 85, 118, 40, 122, 3.5, 30);
    const { lines } = await segment(s.image());
    expect(lines[0]).toHaveLength(2);
    expect(lines[0]![0]!.y).toBeLessThan(40);
  });

  it('offers two digits one over the other as one crop too', async () => {
    const s = scene(mnist, 160, 300, [
      { label: 2, x: 30, y: 20, size: 90 },
      { label: 5, x: 30, y: 160, size: 90 },
    ]);
    const { out } = await segment(s.image());
    expect(out.segmentation.lines.map((l) => l.length)).toEqual([1, 1]);
    const [a, b] = out.segmentation.lines.flat();
    const whole = out.segmentation.pairAsOne!.crop.rect;
    expect(whole.y).toBe(a!.crop.rect.y);
    expect(whole.y + whole.h).toBe(b!.crop.rect.y + b!.crop.rect.h);
  });

  it('offers no pair crop unless the image holds exactly two digits', async () => {
    expect((await segment(row().image())).out.segmentation.pairAsOne).toBeNull();
    const one = scene(mnist, 200, 160, [{ label: 3, x: 50, y: 30, size: 90 }]);
    expect((await segment(one.image())).out.segmentation.pairAsOne).toBeNull();
    const two = scene(mnist, 260, 160, [
      { label: 3, x: 20, y: 30, size: 90 },
      { label: 8, x: 130, y: 30, size: 90 },
    ]);
    const { out } = await segment(two.image());
    expect(out.segmentation.lines.map((l) => l.length)).toEqual([2]);
    const [a, b] = out.segmentation.lines[0]!;
    const whole = out.segmentation.pairAsOne!.crop.rect;
    expect(whole.x).toBe(a!.crop.rect.x);
    expect(whole.x + whole.w).toBe(b!.crop.rect.x + b!.crop.rect.w);
    expect(whole.y).toBe(Math.min(a!.crop.rect.y, b!.crop.rect.y));
  });

  it('groups several text lines, top to bottom', async () => {
    const digits = [0, 1, 2].flatMap((line) =>
      [0, 1, 2].map((i) => ({
        label: line * 3 + i,
        x: 20 + i * 70 + line * 15,
        y: 20 + line * 85,
        size: 70,
      })),
    );
    const s = scene(mnist, 280, 290, digits);
    const { lines } = await segment(s.image());
    expect(lines.map((l) => l.length)).toEqual([3, 3, 3]);
    expect(lines[0]![0]!.y).toBeLessThan(lines[1]![0]!.y);
  });

  it('processes large inputs at a bounded working size and maps boxes back', async () => {
    const c = grayCanvas(4000, 3000, 235);
    const truth = [
      paintMnist(c, findDigit(mnist, 6), 1000, 1200, 500, 30)!,
      paintMnist(c, findDigit(mnist, 9), 1600, 1200, 500, 30)!,
    ];
    const { out, lines } = await segment(toRgba(c));
    expect(out.workingWidth).toBe(DEFAULT_PARAMS.maxWorkingSize);
    expect(out.stageImages.gray!.width).toBe(DEFAULT_PARAMS.maxWorkingSize);
    expect(lines[0]).toHaveLength(2);
    lines[0]!.forEach((b, i) => {
      expect(Math.abs(b.x - truth[i]!.x)).toBeLessThan(10);
      expect(Math.abs(b.h - truth[i]!.height)).toBeLessThan(15);
    });
  });

  it('handles uneven lighting and a hard shadow', async () => {
    const s = row(230);
    const { width, height, data } = s.canvas;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const light = 0.55 + 0.45 * (x / width);
        data[y * width + x] = data[y * width + x]! * light * (x > 250 && y > 60 ? 0.6 : 1);
      }
    }
    expect((await segment(s.image())).count).toBe(4);
  });

  it('ends quickly with no digits on pure noise', async () => {
    const c = grayCanvas(800, 600, 128);
    let seed = 1;
    for (let i = 0; i < c.data.length; i++) {
      seed = (seed * 16807) % 2147483647;
      c.data[i] = seed % 256;
    }
    const t = performance.now();
    const { count } = await segment(toRgba(c));
    expect(count).toBe(0);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('finds nothing on a blank page', async () => {
    expect((await segment(toRgba(grayCanvas(300, 200, 240)))).count).toBe(0);
  });

  it('deletes every Mat: the OpenCV heap does not grow over repeated runs', async () => {
    const image = row().image();
    for (let i = 0; i < 5; i++) await segment(image);
    const before = openCvHeapBytes(cv);
    for (let i = 0; i < 60; i++) await segment(image);
    expect(openCvHeapBytes(cv)).toBe(before);
  });

  it('reads a tight crop: a bold digit filling a small image is enlarged and found whole', async () => {
    // A bold "1" cut out of a form (20 x 61 px, the stroke a third of the width) and a bold
    // ring "0" (36 x 33 px): strokes as wide as the windows a working-size image uses.
    const one = grayCanvas(20, 61, 230);
    strokeLine(one, 11, 6, 9, 55, 3.5, 40);
    const zero = grayCanvas(36, 33, 230);
    for (let a = 0; a < 64; a++) {
      const t0 = (a / 64) * 2 * Math.PI;
      const t1 = ((a + 1) / 64) * 2 * Math.PI;
      const at = (t: number): [number, number] => [18 + 13 * Math.cos(t), 16.5 + 12 * Math.sin(t)];
      strokeLine(zero, ...at(t0), ...at(t1), 2.5, 40);
    }
    for (const [name, c] of [
      ['1', one],
      ['0', zero],
    ] as const) {
      const { out, count } = await segment(toRgba(c));
      expect(out.scale, name).toBeGreaterThan(2.5); // enlarged to 160 px
      expect(count, name).toBe(1);
    }
  });
});
