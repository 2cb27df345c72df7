/**
 * The shipped model (public/model) scored on the full 10k MNIST test split, exactly as the app
 * runs it (plain @tensorflow/tfjs, wasm backend, float16 weights dequantized by tfjs), and
 * cross-checked against the model card.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  initBackend,
  modelFileBytes,
  scoreMnistTest,
  type TestScore,
} from '../../scripts/model-card';
import { fsModelHandler } from './fsModelHandler';

const MODEL_DIR = join(import.meta.dirname, '..', '..', 'public', 'model');

interface ModelCard {
  parameterCount: number;
  fileBytes: number;
  temperature: number;
  seed: number;
  epochs: number;
  test: TestScore;
}

describe('shipped MNIST model', () => {
  let model: tf.LayersModel;
  let tensorsBefore: number;
  let disposed = false;
  const card = JSON.parse(readFileSync(join(MODEL_DIR, 'model-card.json'), 'utf8')) as ModelCard;

  beforeAll(async () => {
    await initBackend('wasm');
    tensorsBefore = tf.memory().numTensors;
    model = await tf.loadLayersModel(fsModelHandler(join(MODEL_DIR, 'model.json')));
  });

  afterAll(() => {
    if (!disposed) model?.dispose();
  });

  it('has the app contract: [N,28,28,1] in, [N,10] probabilities out', () => {
    expect(model.inputs[0]!.shape).toEqual([null, 28, 28, 1]);
    expect(model.outputs[0]!.shape).toEqual([null, 10]);
    const sums = tf.tidy(() => (model.predict(tf.zeros([2, 28, 28, 1])) as tf.Tensor).sum(1));
    for (const s of sums.dataSync()) expect(s).toBeCloseTo(1, 5);
    sums.dispose();
  });

  it('is at most 1.5 MB and matches the card', () => {
    const { total } = modelFileBytes(MODEL_DIR);
    expect(total).toBeLessThanOrEqual(1.5 * 1024 * 1024);
    expect(total).toBe(card.fileBytes);
    expect(model.countParams()).toBe(card.parameterCount);
  });

  it(
    'scores >= 99.6% on the 10k test split, as stated in the card, without leaking tensors',
    async () => {
      const inModel = tf.memory().numTensors;
      const score = await scoreMnistTest(model);
      expect(tf.memory().numTensors).toBe(inModel);

      expect(score.count).toBe(10000);
      expect(score.accuracy).toBeGreaterThanOrEqual(0.996);
      expect(score.ece15).toBeLessThanOrEqual(0.02);
      expect(score.accuracy).toBeCloseTo(card.test.accuracy, 6);
      expect(score.ece15).toBeCloseTo(card.test.ece15, 4);
      score.perClassAccuracy.forEach((acc, k) => {
        expect(acc).toBeCloseTo(card.test.perClassAccuracy[k]!, 6);
      });
      expect(score.confusionMatrix).toEqual(card.test.confusionMatrix);
    },
    // ~16 s of CPU here; generous wall-clock limit because the CI machine is shared
    180_000,
  );

  it('releases every tensor it created once disposed', () => {
    model.dispose();
    disposed = true;
    expect(tf.memory().numTensors).toBe(tensorsBefore);
  });
});
