/**
 * tfjs vs PyTorch parity: the export step writes training/fixtures/parity.json with PyTorch's
 * softmax outputs for 16 inputs (8 MNIST test digits, 8 augmented), computed with exactly the
 * weights tfjs loads (BatchNorm and 1/T folded, float16-rounded). tfjs must agree within 1e-4.
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

const fixture = JSON.parse(
  readFileSync(join(ROOT, 'training', 'fixtures', 'parity.json'), 'utf8'),
) as ParityFixture;

describe.each(['wasm', 'cpu'] as const)('tfjs (%s) vs PyTorch parity', (backend) => {
  it('matches the fixture within 1e-4', async () => {
    expect(await tf.setBackend(backend)).toBe(true);
    const before = tf.memory().numTensors;
    const model = await tf.loadLayersModel(
      fsModelHandler(join(ROOT, 'public', 'model', 'model.json')),
    );
    const n = fixture.inputs.length;
    expect(n).toBeGreaterThanOrEqual(16);
    expect(fixture.shape).toEqual([n, 28, 28, 1]);
    const probs = tf.tidy(() => {
      const x = tf.tensor4d(Float32Array.from(fixture.inputs.flat()), [n, 28, 28, 1]);
      return model.predict(x) as tf.Tensor;
    });
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
    // the clean MNIST digits (rows 0-7) must be recognised
    got.slice(0, 8).forEach((row, i) => {
      expect(row.indexOf(Math.max(...row))).toBe(fixture.labels[i]);
    });
  });
});
