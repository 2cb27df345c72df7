/**
 * Personal samples with the trained model (public/model): no samples read bit for bit as the
 * model alone; a sample changes a reading; nothing leaks.
 */
import { existsSync } from 'node:fs';
import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist, type MnistSplit } from '../../node/mnist';
import { createNodeRecognizer } from '../../node/nodeRecognizer';
import { fsModelHandler } from '../../node/fsModelHandler';
import { loadClassifier, type DigitClassifier } from '../classifier/model';
import type { Recognizer } from '../recognize';
import { scene } from '../testing/scenes';
import type { RecognizeResult, RgbaImage } from '../types';

const MODEL = 'public/model/model.json';
let recognizer: Recognizer;
let mnist: MnistSplit;

const digits = (r: RecognizeResult) => r.lines.flatMap((l) => l.digits);
const row = (labels: number[], nth = 0) =>
  labels.map((label, i) => ({ label, x: 20 + i * 70, y: 30, size: 80, nth }));

/** Everything but timings, crops compared by value. */
function reading(r: RecognizeResult): unknown {
  return {
    text: r.text,
    digits: digits(r).map((d) => ({ ...d, crop28: Array.from(d.crop28) })),
  };
}

describe.skipIf(!existsSync(MODEL))('personal samples with the trained model', () => {
  let image: RgbaImage;
  beforeAll(async () => {
    recognizer = await createNodeRecognizer({ modelPath: MODEL });
    mnist = loadMnist('test');
    image = scene(mnist, 620, 150, row([3, 1, 4, 1, 5, 9, 2, 6])).image();
  });
  afterAll(() => recognizer?.dispose());

  it('reads exactly as the model alone when there are no samples, before and after some', async () => {
    const alone = await recognizer.recognize(image);
    expect(digits(alone).some((d) => d.personal)).toBe(false);
    await expect(recognizer.setPersonalSamples([])).resolves.toBe(0);
    expect(reading(await recognizer.recognize(image))).toEqual(reading(alone));

    const crop = digits(alone)[0]!.crop28;
    await recognizer.setPersonalSamples([{ crop28: crop, label: 8 }]);
    expect(reading(await recognizer.recognize(image))).not.toEqual(reading(alone));
    await recognizer.setPersonalSamples([]);
    expect(reading(await recognizer.recognize(image))).toEqual(reading(alone));
  });

  it('reads a digit as the sample the user corrected it to, and marks it personal', async () => {
    const alone = digits(await recognizer.recognize(image));
    const first = alone[0]!;
    const runnerUp = first.top[1]!.label;
    await recognizer.setPersonalSamples([{ crop28: first.crop28, label: runnerUp }]);
    const adapted = digits(await recognizer.recognize(image));
    expect(adapted[0]!.label).toBe(runnerUp);
    expect(adapted[0]!.personal).toBe(true);
    expect(adapted[0]!.top[0]!.label).toBe(runnerUp);
    // The other digits look nothing like that 3: they read as before.
    expect(adapted.slice(1).map((d) => d.label)).toEqual(alone.slice(1).map((d) => d.label));
    await recognizer.setPersonalSamples([]);
  });

  it('leaks no tensor over many sample updates and readings', async () => {
    const crop = digits(await recognizer.recognize(image))[2]!.crop28;
    const before = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) {
      await recognizer.setPersonalSamples(
        Array.from({ length: 1 + (i % 5) }, (_, j) => ({ crop28: crop, label: j })),
      );
      await recognizer.recognize(image);
    }
    await recognizer.setPersonalSamples([]);
    expect(tf.memory().numTensors).toBe(before);
  });

  it('refuses a malformed sample with a typed error', async () => {
    await expect(
      recognizer.setPersonalSamples([{ crop28: new Float32Array(10), label: 3 }]),
    ).rejects.toMatchObject({ code: 'invalid-samples' });
  });
});

describe.skipIf(!existsSync(MODEL))('the feature view of the classifier', () => {
  let classifier: DigitClassifier;
  let beforeLoad: number;
  beforeAll(async () => {
    await createNodeRecognizer({ modelPath: MODEL }).then((r) => r.dispose());
    beforeLoad = tf.memory().numTensors;
    classifier = await loadClassifier(fsModelHandler(MODEL));
  });

  it('gives bit-identical probabilities and 192 features per digit', async () => {
    const m = mnist ?? loadMnist('test');
    const inputs = [0, 1, 2].map((i) =>
      Float32Array.from(m.images.subarray(i * 784, i * 784 + 784), (v) => v / 255),
    );
    const plain = await classifier.predict(inputs);
    const both = await classifier.predictWithFeatures(inputs);
    expect(both.map((p) => Array.from(p.probabilities))).toEqual(
      plain.map((p) => Array.from(p.probabilities)),
    );
    expect(both.every((p) => p.features.length === 192)).toBe(true);
  });

  it('frees every weight on dispose, the view included', async () => {
    classifier.dispose();
    expect(tf.memory().numTensors).toBe(beforeLoad);
    await expect(classifier.predictWithFeatures([])).rejects.toMatchObject({ code: 'disposed' });
  });
});
