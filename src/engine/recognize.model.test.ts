/**
 * End to end with the trained model from public/model (skipped until it exists): generated
 * fixture images with known strings, read through the public API exactly as the worker does.
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type MnistSplit } from '../node/mnist';
import { createNodeRecognizer } from '../node/nodeRecognizer';
import type { Recognizer } from './recognize';
import { grayCanvas, paintMnist, strokeLine, toRgba } from './testing/raster';
import { findDigit, scene, type SceneDigit } from './testing/scenes';

const MODEL = 'public/model/model.json';
let recognizer: Recognizer;
let mnist: MnistSplit;

function row(labels: number[], y = 30, size = 80, x0 = 20): SceneDigit[] {
  return labels.map((label, i) => ({ label, x: x0 + i * size * 0.85, y, size }));
}

describe.skipIf(!existsSync(MODEL))('recognize with the trained model', () => {
  beforeAll(async () => {
    recognizer = await createNodeRecognizer({ modelPath: MODEL });
    mnist = loadMnist('test');
  });
  afterAll(() => recognizer?.dispose());

  it('reads a row of digits on paper', async () => {
    const s = scene(mnist, 720, 150, row([3, 1, 4, 1, 5, 9, 2, 6]));
    const out = await recognizer.recognize(s.image());
    expect(out.text).toBe('31415926');
    expect(out.lines[0]!.digits.every((d) => !d.doubtful)).toBe(true);
  });

  it('reads light chalk-like ink on a dark background', async () => {
    const s = scene(mnist, 400, 150, row([0, 7, 8, 5]), 30, 225);
    const out = await recognizer.recognize(s.image());
    expect(out.polarity).toBe('light-on-dark');
    expect(out.text).toBe('0785');
  });

  it('reads digits written across ruled lines', async () => {
    const s = scene(mnist, 480, 180, row([2, 0, 2, 6, 1]));
    for (let y = 15; y < 180; y += 32) strokeLine(s.canvas, 0, y, 480, y + 2, 0.8, 160);
    expect((await recognizer.recognize(s.image())).text).toBe('20261');
  });

  it('reads several lines in reading order', async () => {
    const digits = [
      ...row([1, 2, 3], 20),
      ...row([4, 5, 6], 120, 80, 40),
      ...row([7, 8, 9, 0], 220),
    ];
    const s = scene(mnist, 400, 320, digits);
    expect((await recognizer.recognize(s.image())).text).toBe('123\n456\n7890');
  });

  it('reads a transparent canvas export', async () => {
    const cover = grayCanvas(280, 280, 0);
    paintMnist(cover, findDigit(mnist, 3), 30, 30, 220, 255);
    const image = toRgba(grayCanvas(280, 280, 0), cover.data);
    expect((await recognizer.recognize(image)).text).toBe('3');
  });

  it('reads a large photo-sized image with uneven light at the bounded working size', async () => {
    const s = scene(mnist, 3000, 2000, row([6, 0, 4, 8], 700, 500, 300), 220);
    const { width, height, data } = s.canvas;
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++)
        data[y * width + x] = data[y * width + x]! * (0.6 + 0.4 * (x / width));
    }
    const out = await recognizer.recognize(s.image());
    expect(out.text).toBe('6048');
    expect(out.lines[0]!.digits[0]!.box.x).toBeGreaterThan(250);
  });
});
