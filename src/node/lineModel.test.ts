/**
 * The shipped line reader (public/model/line, made by training/linereader): its contract, parity
 * with PyTorch on the fixture lines, that it reads touching MNIST TEST digits it never saw, and
 * that a recognizer using it leaks no tensor.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initBackend } from '../../scripts/model-card';
import { wrapLineModel, type LineReader } from '../engine/classifier/lineModel';
import { decodeBestPath, readText, SYMBOLS } from '../engine/lineReader/ctc';
import { fitLine } from '../engine/lineReader/lineImage';
import { fsModelHandler } from './fsModelHandler';
import { loadMnist, type MnistSplit } from './mnist';

const LINE_DIR = join(import.meta.dirname, '..', '..', 'public', 'model', 'line');
const FIXTURE = join(import.meta.dirname, '..', '..', 'training', 'fixtures', 'line-parity.json');

interface Fixture {
  height: number;
  items: { text: string; width: number; pixels: number[]; probs: number[][] }[];
}

/** Digits of the MNIST test split side by side, `overlap` px into each other (ink 255 on 0). */
function touchingLine(mnist: MnistSplit, indices: number[], overlap: number) {
  const cols: number[][] = [];
  for (const i of indices) {
    const img = mnist.images.subarray(i * 784, (i + 1) * 784);
    let left = 28;
    let right = -1;
    for (let x = 0; x < 28; x++)
      for (let y = 0; y < 28; y++)
        if (img[y * 28 + x]! > 40) {
          left = Math.min(left, x);
          right = Math.max(right, x);
        }
    const start = Math.max(0, cols.length - overlap);
    for (let x = left; x <= right; x++) {
      const at = start + (x - left);
      cols[at] ??= new Array<number>(28).fill(0);
      for (let y = 0; y < 28; y++) cols[at][y] = Math.max(cols[at][y]!, img[y * 28 + x]!);
    }
  }
  const w = cols.length;
  const pixels = new Uint8Array(28 * w);
  cols.forEach((c, x) => c.forEach((v, y) => (pixels[y * w + x] = v)));
  // Tight rows, as a crop would be.
  let top = 0;
  let bottom = 27;
  while (top < 27 && !cols.some((c) => c[top]! > 0)) top++;
  while (bottom > top && !cols.some((c) => c[bottom]! > 0)) bottom--;
  const h = bottom - top + 1;
  return {
    rect: { x: 0, y: 0, w, h },
    pixels: pixels.slice(top * w, (bottom + 1) * w),
  };
}

describe('shipped line reader', () => {
  let reader: LineReader;
  let mnist: MnistSplit;

  beforeAll(async () => {
    await initBackend('wasm');
    reader = wrapLineModel(await tf.loadLayersModel(fsModelHandler(join(LINE_DIR, 'model.json'))));
    mnist = loadMnist('test');
  });
  afterAll(() => reader.dispose());

  it('maps [N,32,W,1] to one column of blank + symbols per 4 input columns', () => {
    expect(reader.classes).toBe(SYMBOLS.length + 1);
  });

  it('gives the column probabilities PyTorch gave for the fixture lines', async () => {
    const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as Fixture;
    for (const item of fixture.items) {
      const line = {
        pixels: Float32Array.from(item.pixels),
        width: item.width,
        scale: 1,
        ink: { rect: { x: 0, y: 0, w: 0, h: 0 }, pixels: new Uint8Array(0) },
      };
      const [probs] = await reader.read([line]);
      let worst = 0;
      item.probs.flat().forEach((p, i) => (worst = Math.max(worst, Math.abs(p - probs![i]!))));
      expect(worst).toBeLessThan(2e-3);
    }
  });

  it('reads pairs and triples of touching MNIST test digits', async () => {
    const lines = [];
    const truth: string[] = [];
    for (let k = 0; k < 60; k++) {
      const n = 2 + (k % 2);
      const idx = Array.from({ length: n }, (_, j) => (k * 7 + j * 131) % mnist.count);
      lines.push(fitLine(touchingLine(mnist, idx, 1 + (k % 3))));
      truth.push(idx.map((i) => String(mnist.labels[i])).join(''));
    }
    const before = tf.memory().numTensors;
    const probs = await reader.read(lines);
    expect(tf.memory().numTensors).toBe(before);
    const read = probs.map((p) => readText(decodeBestPath(p, reader.classes)));
    const right = read.filter((t, i) => t === truth[i]).length;
    // Measured 2026-12-02 with the shipped model: see README (line reader).
    expect(right).toBeGreaterThanOrEqual(51);
  });
});
