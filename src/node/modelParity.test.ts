/**
 * tfjs vs PyTorch parity: the export step writes training/fixtures/parity.json with PyTorch's
 * softmax outputs for 16 inputs (8 MNIST test digits, 8 augmented), computed with exactly the
 * weights tfjs loads (BatchNorm and 1/T folded, float16-rounded). tfjs must agree within 1e-4.
 * The same for the pair check (training/pair.py -> pair-parity.json: 8 ones, 8 twos).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, it } from 'vitest';
import { fsModelHandler } from './fsModelHandler';

const ROOT = join(import.meta.dirname, '..', '..');

interface ParityFixture {
  shape: [number, number, number, number];
  labels: number[];
  inputs: number[][];
  probs: number[][];
  tolerance: number;
}

const MODELS = [
  { name: 'digit model', dir: 'model', fixture: 'parity.json', classes: 10, rows: 8, mustKnow: 8 },
  {
    name: 'pair check',
    dir: 'model/pair',
    fixture: 'pair-parity.json',
    classes: 2,
    rows: 16,
    mustKnow: 14,
  },
];

describe.each(MODELS)('$name', ({ dir, fixture: fixtureName, classes, rows, mustKnow }) => {
  const fixture = JSON.parse(
    readFileSync(join(ROOT, 'training', 'fixtures', fixtureName), 'utf8'),
  ) as ParityFixture;

  it.each(['wasm', 'cpu'] as const)('tfjs (%s) matches PyTorch within 1e-4', async (backend) => {
    expect(await tf.setBackend(backend)).toBe(true);
    const before = tf.memory().numTensors;
    const model = await tf.loadLayersModel(fsModelHandler(join(ROOT, 'public', dir, 'model.json')));
    const n = fixture.inputs.length;
    expect(n).toBeGreaterThanOrEqual(16);
    expect(fixture.shape).toEqual([n, 28, 28, 1]);
    const probs = tf.tidy(() => {
      const x = tf.tensor4d(Float32Array.from(fixture.inputs.flat()), [n, 28, 28, 1]);
      return model.predict(x) as tf.Tensor;
    });
    expect(probs.shape).toEqual([n, classes]);
    const got = (await probs.array()) as number[][];
    probs.dispose();
    model.dispose();
    expect(tf.memory().numTensors).toBe(before);

    let maxDiff = 0;
    got.forEach((row, i) => {
      row.forEach((p, j) => {
        maxDiff = Math.max(maxDiff, Math.abs(p - fixture.probs[i]![j]!));
      });
    });
    expect(maxDiff).toBeLessThanOrEqual(1e-4);
    // the digit model must know the 8 clean MNIST digits (rows 0-7); the pair check at least 14
    // of its 8 ones and 8 twos
    const known = got
      .slice(0, rows)
      .filter((row, i) => row.indexOf(Math.max(...row)) === fixture.labels[i]);
    expect(known.length).toBeGreaterThanOrEqual(mustKnow);
  });
});
