import * as tf from '@tensorflow/tfjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadMnist } from '../node/mnist';
import { EngineError, toEngineErrorData } from './errors';
import { loadOpenCV, openCvHeapBytes } from './opencv';
import { createRecognizer, DEFAULT_PARAMS, PAIR_MERGE_BELOW, type Recognizer } from './recognize';
import { scene } from './testing/scenes';
import { constantPairModelHandler, tinyModelHandler } from './testing/tinyModel';
import type { RgbaImage } from './types';

let recognizer: Recognizer;
let image: RgbaImage;

beforeAll(async () => {
  recognizer = await createRecognizer({ model: await tinyModelHandler(), backends: ['cpu'] });
  const mnist = loadMnist('test');
  image = scene(mnist, 300, 200, [
    { label: 4, x: 20, y: 20, size: 70 },
    { label: 2, x: 100, y: 20, size: 70 },
    { label: 8, x: 60, y: 110, size: 70 },
  ]).image();
});

afterAll(() => recognizer?.dispose());

async function rejection(p: Promise<unknown>): Promise<EngineError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(EngineError);
    return err as EngineError;
  }
  throw new Error('expected a rejection');
}

describe('createRecognizer', () => {
  it('reports progress through every load step and the chosen backend', async () => {
    const steps: string[] = [];
    const r = await createRecognizer({
      model: await tinyModelHandler(),
      backends: ['webgl', 'cpu'],
      onProgress: (p) => p.done && steps.push(p.step),
    });
    // OpenCV loads alongside the tfjs steps, which keep their order.
    expect([...steps].sort()).toEqual(['backend', 'model', 'opencv', 'warmup']);
    expect(steps.filter((s) => s !== 'opencv')).toEqual(['backend', 'model', 'warmup']);
    expect(r.backend).toBe('cpu'); // no WebGL in Node: falls through to the next preference
    r.dispose();
  });

  it('fails with model-load-failed for a missing model', async () => {
    const err = await rejection(
      createRecognizer({ model: 'file:///nonexistent/model.json', backends: ['cpu'] }),
    );
    expect(err.code).toBe('model-load-failed');
  });

  it('exports the default parameters', () => {
    expect(DEFAULT_PARAMS.thresholdMethod).toBe('normalized-otsu');
  });
});

describe('recognize', () => {
  it('returns lines of digits with probabilities, crops, boxes, stages and timings', async () => {
    const out = await recognizer.recognize(image, { stages: true });
    expect(out.lines.map((l) => l.digits.length)).toEqual([2, 1]);
    expect(out.text).toMatch(/^\d\d\n\d$/);
    const d = out.lines[0]!.digits[0]!;
    expect(d.top).toHaveLength(3);
    expect(d.top[0]!.label).toBe(d.label);
    expect(d.top[0]!.p).toBeGreaterThanOrEqual(d.top[1]!.p);
    expect(d.confidence).toBeCloseTo(d.top[0]!.p, 6);
    expect(d.doubtful).toBe(d.confidence < DEFAULT_PARAMS.doubtfulBelow);
    expect(d.crop28).toHaveLength(784);
    expect(d.box.x).toBeLessThan(out.lines[0]!.digits[1]!.box.x);
    expect(Object.keys(out.stages!).sort()).toEqual(
      ['blur', 'boxes', 'dilate', 'edges', 'gray', 'thresh'].sort(),
    );
    expect(out.stages!.boxes.data).toBeInstanceOf(Uint8ClampedArray);
    for (const k of ['gray', 'thresh', 'segment', 'classify', 'boxes', 'total']) {
      expect(out.timings[k]).toBeGreaterThanOrEqual(0);
    }
    expect(out.backend).toBe('cpu');
    // Plain data: survives structured cloning (the worker boundary).
    expect(structuredClone(out).text).toBe(out.text);
  });

  it('returns an empty result for a blank image', async () => {
    const blank = { width: 64, height: 64, data: new Uint8ClampedArray(64 * 64 * 4).fill(255) };
    const out = await recognizer.recognize(blank);
    expect(out.text).toBe('');
    expect(out.lines).toEqual([]);
  });

  it.each([
    ['0x0', { width: 0, height: 0, data: new Uint8ClampedArray(0) }, 'invalid-image'],
    [
      'wrong data length',
      { width: 10, height: 10, data: new Uint8ClampedArray(7) },
      'invalid-image',
    ],
    [
      'fractional size',
      { width: 2.5, height: 2, data: new Uint8ClampedArray(20) },
      'invalid-image',
    ],
    [
      'absurd size',
      { width: 100_000, height: 100_000, data: new Uint8ClampedArray(4) },
      'image-too-large',
    ],
  ])('rejects %s with a typed error and leaks nothing', async (_name, bad, code) => {
    const cv = await loadOpenCV();
    const tensors = tf.memory().numTensors;
    const heap = openCvHeapBytes(cv);
    const err = await rejection(recognizer.recognize(bad));
    expect(err.code).toBe(code);
    expect(err.userMessage.length).toBeGreaterThan(20);
    expect(toEngineErrorData(err)).toEqual({
      code,
      message: err.message,
      userMessage: err.userMessage,
    });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(openCvHeapBytes(cv)).toBe(heap);
  });

  it('throws "cancelled" for an aborted signal, before and during the run', async () => {
    const cv = await loadOpenCV();
    await recognizer.recognize(image, { stages: true });
    const tensors = tf.memory().numTensors;
    const heap = openCvHeapBytes(cv);
    const before = new AbortController();
    before.abort();
    expect((await rejection(recognizer.recognize(image, { signal: before.signal }))).code).toBe(
      'cancelled',
    );
    const during = new AbortController();
    const p = recognizer.recognize(image, { signal: during.signal, stages: true });
    setImmediate(() => during.abort());
    expect((await rejection(p)).code).toBe('cancelled');
    expect(tf.memory().numTensors).toBe(tensors);
    expect(openCvHeapBytes(cv)).toBe(heap);
  });

  it('leaks no tensors and no Mats over 200 recognitions', async () => {
    const cv = await loadOpenCV();
    for (let i = 0; i < 3; i++) await recognizer.recognize(image, { stages: true });
    const tensors = tf.memory().numTensors;
    const heap = openCvHeapBytes(cv);
    for (let i = 0; i < 200; i++) await recognizer.recognize(image, { stages: i % 10 === 0 });
    expect(tf.memory().numTensors).toBe(tensors);
    expect(openCvHeapBytes(cv)).toBe(heap);
  });

  it('refuses to work after dispose()', async () => {
    const r = await createRecognizer({ model: await tinyModelHandler(), backends: ['cpu'] });
    const tensors = tf.memory().numTensors;
    r.dispose();
    expect(tf.memory().numTensors).toBeLessThan(tensors);
    expect((await rejection(r.recognize(image))).code).toBe('disposed');
  });
});

describe('the pair check', () => {
  // Two digits side by side, all the image holds: the case the pair check decides.
  let pairImage: RgbaImage;
  beforeAll(() => {
    pairImage = scene(loadMnist('test'), 260, 160, [
      { label: 3, x: 20, y: 30, size: 90 },
      { label: 8, x: 130, y: 30, size: 90 },
    ]).image();
  });

  const readWith = async (pTwo: number, input: RgbaImage) => {
    const r = await createRecognizer({
      model: await tinyModelHandler(),
      pairModel: await constantPairModelHandler(pTwo),
      backends: ['cpu'],
    });
    try {
      return await r.recognize(input, { stages: true });
    } finally {
      r.dispose();
    }
  };

  it('keeps two digits apart when it says "two"', async () => {
    const out = await readWith(0.9, pairImage);
    expect(out.lines.map((l) => l.digits.length)).toEqual([2]);
    expect(out.timings.pairCheck).toBeGreaterThanOrEqual(0);
    expect(out.pairCheck!.merged).toBe(false);
    expect(out.pairCheck!.twoDigits).toBeCloseTo(0.9, 5);
  });

  it('reads them as one digit, boxed around both, when it says "one"', async () => {
    const apart = (await readWith(0.9, pairImage)).lines[0]!.digits;
    const out = await readWith(PAIR_MERGE_BELOW / 2, pairImage);
    expect(out.lines.map((l) => l.digits.length)).toEqual([1]);
    expect(out.pairCheck).toEqual({
      twoDigits: expect.closeTo(PAIR_MERGE_BELOW / 2, 5),
      merged: true,
    });
    const box = out.lines[0]!.digits[0]!.box;
    expect(box.x).toBe(apart[0]!.box.x);
    expect(box.x + box.width).toBe(apart[1]!.box.x + apart[1]!.box.width);
    expect(out.text).toMatch(/^\d$/);
  });

  it('is not asked unless the image holds exactly two digits', async () => {
    const out = await readWith(0.01, image); // three digits
    expect(out.lines.map((l) => l.digits.length)).toEqual([2, 1]);
    expect(out.timings.pairCheck).toBeUndefined();
    expect(out.pairCheck).toBeUndefined();
  });

  it('must map [N,28,28,1] to [N,2]: a digit model in its place is refused', async () => {
    const err = await rejection(
      createRecognizer({
        model: await tinyModelHandler(),
        pairModel: await tinyModelHandler(2),
        backends: ['cpu'],
      }),
    );
    expect(err.code).toBe('model-load-failed');
    expect(err.message).toContain('[null,2]');
  });

  it('leaks no tensors when it merges', async () => {
    const r = await createRecognizer({
      model: await tinyModelHandler(),
      pairModel: await constantPairModelHandler(0.01),
      backends: ['cpu'],
    });
    await r.recognize(pairImage);
    const tensors = tf.memory().numTensors;
    for (let i = 0; i < 20; i++) await r.recognize(pairImage);
    expect(tf.memory().numTensors).toBe(tensors);
    r.dispose();
  });
});
