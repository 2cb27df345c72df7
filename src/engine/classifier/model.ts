/**
 * The digit classifier: a tfjs layers model with input [N,28,28,1] (float32, ink 1 on 0) and
 * output [N,10] softmax probabilities. All digits of an image go through in one batch.
 */
import * as tf from '@tensorflow/tfjs';
import { EngineError } from '../errors';
import { MNIST_SIZE } from '../normalize';
import type { Guess } from '../types';

export interface Prediction {
  label: number;
  confidence: number;
  /** Best first, three entries. */
  top: Guess[];
  probabilities: Float32Array;
}

export interface DigitClassifier {
  predict(inputs: readonly Float32Array[]): Promise<Prediction[]>;
  /**
   * The same predictions plus each input's penultimate-layer features (the input of the last
   * layer), from one pass of a two-output view of the model. Used for personal samples.
   */
  predictWithFeatures(inputs: readonly Float32Array[]): Promise<FeaturePrediction[]>;
  dispose(): void;
}

export interface FeaturePrediction extends Prediction {
  features: Float32Array;
}

const PIXELS = MNIST_SIZE * MNIST_SIZE;

/** Throws unless the model maps [N,28,28,1] to [N,classes]. */
export function checkShapes(model: tf.LayersModel, classes: number): void {
  const input = model.inputs[0]?.shape;
  const output = model.outputs[0]?.shape;
  const okIn =
    input?.length === 4 && input[1] === MNIST_SIZE && input[2] === MNIST_SIZE && input[3] === 1;
  const okOut = output?.length === 2 && output[1] === classes;
  if (!okIn || !okOut) {
    throw new EngineError(
      'model-load-failed',
      `Model has input ${JSON.stringify(input)} and output ${JSON.stringify(output)}; expected [null,28,28,1] -> [null,${classes}]`,
    );
  }
}

/** Probabilities per row; a row that does not sum to 1 is taken as logits and softmaxed. */
export function toProbabilities(row: Float32Array): Float32Array {
  let sum = 0;
  let negative = false;
  for (const v of row) {
    sum += v;
    if (v < 0) negative = true;
  }
  if (!negative && Math.abs(sum - 1) < 1e-3) return row;
  const max = Math.max(...row);
  const exp = row.map((v) => Math.exp(v - max));
  const total = exp.reduce((a, b) => a + b, 0);
  return exp.map((v) => v / total);
}

export function topGuesses(probs: Float32Array, k = 3): Guess[] {
  return Array.from(probs, (p, label) => ({ label, p }))
    .sort((a, b) => b.p - a.p)
    .slice(0, k);
}

function toBatch(inputs: readonly Float32Array[]): Float32Array {
  const batch = new Float32Array(inputs.length * PIXELS);
  inputs.forEach((x, i) => batch.set(x.subarray(0, PIXELS), i * PIXELS));
  return batch;
}

/** One batch through the model: the output rows, flattened (tensors disposed on every path). */
export async function predictRows(
  model: tf.LayersModel,
  inputs: readonly Float32Array[],
): Promise<Float32Array> {
  return (await predictOutputs(model, inputs))[0] ?? new Float32Array(0);
}

/** Every output of a (possibly multi-output) model for one batch, flattened per output. */
export async function predictOutputs(
  model: tf.LayersModel,
  inputs: readonly Float32Array[],
): Promise<Float32Array[]> {
  if (inputs.length === 0) return [];
  const batch = toBatch(inputs);
  const outputs = tf.tidy(() => {
    const x = tf.tensor4d(batch, [inputs.length, MNIST_SIZE, MNIST_SIZE, 1]);
    const y = model.predict(x);
    return Array.isArray(y) ? y : [y];
  });
  try {
    return (await Promise.all(outputs.map((t) => t.data()))) as Float32Array[];
  } finally {
    for (const t of outputs) t.dispose();
  }
}

/**
 * A view of the model with two outputs: the probabilities and the input of its last layer
 * (the penultimate features). It shares the model's layers and weights, so it must never be
 * disposed itself: Container.dispose() would free the shared layers (their ref count is 1).
 */
export function withFeatures(model: tf.LayersModel): tf.LayersModel {
  const last = model.layers[model.layers.length - 1]!;
  const features = last.input;
  if (Array.isArray(features)) {
    throw new EngineError('model-load-failed', 'The last layer of the model has several inputs');
  }
  return tf.model({ inputs: model.inputs, outputs: [model.outputs[0]!, features] });
}

function toPrediction(row: Float32Array): Prediction {
  const probabilities = toProbabilities(row);
  const top = topGuesses(probabilities);
  return { label: top[0]!.label, confidence: top[0]!.p, top, probabilities };
}

export function wrapModel(model: tf.LayersModel): DigitClassifier {
  let disposed = false;
  let dual: tf.LayersModel | null = null;
  const check = (): void => {
    if (disposed) throw new EngineError('disposed', 'Classifier used after dispose()');
  };
  return {
    async predict(inputs) {
      check();
      const flat = await predictRows(model, inputs);
      return inputs.map((_, i) => toPrediction(flat.slice(i * 10, i * 10 + 10)));
    },
    async predictWithFeatures(inputs) {
      check();
      dual ??= withFeatures(model);
      const [flat, feats] = await predictOutputs(dual, inputs);
      if (!flat || !feats) return [];
      const width = feats.length / inputs.length;
      return inputs.map((_, i) => ({
        ...toPrediction(flat.slice(i * 10, i * 10 + 10)),
        features: feats.slice(i * width, (i + 1) * width),
      }));
    },
    dispose() {
      if (disposed) return;
      disposed = true;
      dual = null; // a view: the model's dispose frees its weights
      model.dispose();
    },
  };
}

/** Loads a layers model and checks it maps [N,28,28,1] to [N,classes]. */
export async function loadLayers(
  source: string | tf.io.IOHandler,
  classes: number,
): Promise<tf.LayersModel> {
  let model: tf.LayersModel;
  try {
    model = await tf.loadLayersModel(source);
  } catch (err) {
    const where = typeof source === 'string' ? source : 'the given IOHandler';
    throw new EngineError(
      'model-load-failed',
      `Could not load the model from ${where}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  try {
    checkShapes(model, classes);
  } catch (err) {
    model.dispose();
    throw err;
  }
  return model;
}

export async function loadClassifier(source: string | tf.io.IOHandler): Promise<DigitClassifier> {
  return wrapModel(await loadLayers(source, 10));
}

/** One prediction on a blank input so that kernels compile/upload before the first real call. */
export async function warmUp(classifier: DigitClassifier): Promise<void> {
  await classifier.predict([new Float32Array(PIXELS)]);
}
