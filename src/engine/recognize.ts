/**
 * The public entry: createRecognizer() loads OpenCV.js, picks a tfjs backend, loads and warms up
 * the model, and returns { backend, recognize, dispose }. The worker and the Node CLI use
 * exactly this; nothing here touches the DOM.
 */
import type * as tf from '@tensorflow/tfjs';
import { DEFAULT_BACKENDS, selectBackend } from './classifier/backend';
import { prefetched } from './classifier/prefetch';
import {
  loadClassifier,
  topGuesses,
  warmUp,
  type DigitClassifier,
  type Prediction,
} from './classifier/model';
import { loadPairClassifier, type PairClassifier } from './classifier/pairModel';
import { EngineError, throwIfAborted } from './errors';
import { loadLineReader, type LineReader } from './classifier/lineModel';
import { compositeCrops, fitLine } from './lineReader/lineImage';
import { lineResults } from './lineResults';
import { lineText } from './lineText';
import { adapt, buildIndex, EMPTY_INDEX, type PersonalIndex } from './personal/adapt';
import { checkSamples } from './personal/samples';
import { MNIST_SIZE } from './normalize';
import { planFromLineReader, planFromSegmentation, type Plan } from './plan';
import { cvErrorMessage, loadOpenCV, type OpenCV } from './opencv';
import { drawBoxes, type DrawnBox } from './pipeline/boxes';
import { MatScope } from './pipeline/matScope';
import { resolveParams } from './pipeline/params';
import { runPipeline } from './pipeline/run';
import type { Rect } from './segment/geometry';
import type { Segmentation } from './segment/segment';
import { matToRgba } from './pipeline/toRgba';
import type {
  BackendName,
  Box,
  LoadStep,
  PersonalSample,
  RecognizeOptions,
  RecognizeResult,
  RgbaImage,
  StageImages,
} from './types';

export { DEFAULT_PARAMS } from './pipeline/params';
export { PAIR_MERGE_BELOW } from './plan';

export interface RecognizerOptions {
  /** URL of model.json or an IOHandler. */
  model: string | tf.io.IOHandler;
  /**
   * The pair check (one digit or two?), model/pair/model.json. Without it, two digits found by
   * segmentation stay two. Not used when a line reader is given.
   */
  pairModel?: string | tf.io.IOHandler;
  /**
   * The line reader, model/line/model.json: reads each line whole and decides how many digits
   * it holds (touching digits, separators, ink that is not a digit). Without it segmentation
   * decides.
   */
  lineModel?: string | tf.io.IOHandler;
  /** Preference order, default ['wasm', 'webgl', 'cpu'] (measured fastest first). */
  backends?: BackendName[];
  wasmPaths?: string | Record<string, string>;
  /** Each step starts and ends once; OpenCV's runs alongside the other three. */
  onProgress?: Progress;
}

type Progress = (p: { step: LoadStep; done: boolean; detail?: string }) => void;

export interface Recognizer {
  backend: BackendName;
  recognize(image: RgbaImage, options?: RecognizeOptions): Promise<RecognizeResult>;
  /**
   * Replaces the personal samples (the user's corrected digits). With none, results are
   * exactly those of the model alone. Resolves to the number of samples in use.
   */
  setPersonalSamples(samples: readonly PersonalSample[]): Promise<number>;
  dispose(): void;
}

function toOriginal(
  rect: { x: number; y: number; w: number; h: number },
  scale: number,
  width: number,
  height: number,
): Box {
  const x = Math.max(0, Math.floor(rect.x / scale));
  const y = Math.max(0, Math.floor(rect.y / scale));
  const x2 = Math.min(width, Math.ceil((rect.x + rect.w) / scale));
  const y2 = Math.min(height, Math.ceil((rect.y + rect.h) / scale));
  return { x, y, width: Math.max(1, x2 - x), height: Math.max(1, y2 - y) };
}

function drawBoxesImage(cv: OpenCV, input: RgbaImage, boxes: DrawnBox[], refH: number): RgbaImage {
  const scope = new MatScope(cv);
  try {
    const mat = scope.track(new cv.Mat(input.height, input.width, cv.CV_8UC4));
    mat.data.set(input.data);
    return matToRgba(cv, drawBoxes(scope, mat, boxes, refH));
  } finally {
    scope.delete();
  }
}

/** Plans the reading (line reader or segmentation, with the pair check), timing it. */
async function planReading(
  segmentation: Segmentation,
  models: Models,
  timings: Record<string, number>,
): Promise<Plan> {
  const t = performance.now();
  const plan = models.lineReader
    ? await planFromLineReader(segmentation, models.lineReader, models.pair)
    : await planFromSegmentation(segmentation, models.pair);
  // Normalising the crops is part of planning; the pair check or line reader is named when it ran.
  const planMs = performance.now() - t;
  timings.normalize = planMs;
  if (plan.pairCheck) timings.pairCheck = planMs;
  if (plan.lineReader) timings.lineReader = planMs;
  return plan;
}

async function recognizeWith(
  cv: OpenCV,
  models: Models,
  personal: PersonalIndex,
  backend: BackendName,
  image: RgbaImage,
  options: RecognizeOptions = {},
): Promise<RecognizeResult> {
  const started = performance.now();
  const params = resolveParams(options.params);
  const { signal } = options;
  const run = await runPipeline(cv, image, params, { stages: options.stages, signal });
  const { segmentation, scale } = run;
  const timings = { ...run.timings };

  const plan = await planReading(segmentation, models, timings);
  throwIfAborted(signal);

  let t = performance.now();
  const planned = plan.lines.flatMap((l) => l.digits);
  const predictions = await classifyWith(
    models.digits,
    personal,
    planned.map((d) => d.input),
  );
  timings.classify = performance.now() - t;
  throwIfAborted(signal);

  const toBox = (rect: Rect): Box => toOriginal(rect, scale, image.width, image.height);
  const { lines, drawn } = lineResults(plan, predictions, params.doubtfulBelow, toBox);

  let stages: StageImages | undefined;
  if (options.stages && run.input) {
    t = performance.now();
    const boxes = drawBoxesImage(cv, run.input, drawn, segmentation.referenceHeight);
    timings.boxes = performance.now() - t;
    stages = { ...run.stageImages, boxes } as StageImages;
  }
  timings.total = performance.now() - started;
  return {
    text: lines.map(lineText).join('\n'),
    lines,
    ...(stages ? { stages } : {}),
    timings,
    width: image.width,
    height: image.height,
    workingWidth: run.workingWidth,
    workingHeight: run.workingHeight,
    polarity: run.polarity,
    backend,
    ...(plan.pairCheck ? { pairCheck: plan.pairCheck } : {}),
    ...(plan.lineReader ? { lineReader: plan.lineReader } : {}),
  };
}

type Read = Prediction & { personal?: boolean };

/** The model alone without personal samples (bit-identical), else adapted to them. */
async function classifyWith(
  classifier: DigitClassifier,
  personal: PersonalIndex,
  inputs: readonly Float32Array[],
): Promise<Read[]> {
  if (personal.vectors.length === 0) return classifier.predict(inputs);
  const raw = await classifier.predictWithFeatures(inputs);
  return raw.map((p) => {
    const adapted = adapt(p.probabilities, p.features, personal);
    if (!adapted.changed && adapted.probabilities === p.probabilities) return p;
    const top = topGuesses(adapted.probabilities);
    return {
      label: top[0]!.label,
      confidence: top[0]!.p,
      top,
      probabilities: adapted.probabilities,
      personal: adapted.changed,
    };
  });
}

interface Models {
  digits: DigitClassifier;
  pair: PairClassifier | null;
  lineReader: LineReader | null;
}

/** Fetches and compiles OpenCV.js (the slowest step), reported as the 'opencv' step. */
async function openCvStep(progress: Progress): Promise<OpenCV> {
  progress({ step: 'opencv', done: false });
  try {
    const cv = await loadOpenCV();
    progress({ step: 'opencv', done: true });
    return cv;
  } catch (err) {
    throw new EngineError(
      'opencv-load-failed',
      `OpenCV.js failed to load: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
}

/** Backend, the models (fetched together) and warm-up: the tfjs half of start-up. */
async function modelSteps(
  options: RecognizerOptions,
  progress: Progress,
): Promise<{ backend: BackendName; models: Models }> {
  // Model files download while the backend starts.
  const sources: RecognizerOptions = {
    ...options,
    model: prefetched(options.model),
    ...(options.pairModel ? { pairModel: prefetched(options.pairModel) } : {}),
    ...(options.lineModel ? { lineModel: prefetched(options.lineModel) } : {}),
  };
  progress({ step: 'backend', done: false });
  const backend = await selectBackend(
    options.backends ?? DEFAULT_BACKENDS,
    options.wasmPaths,
    (name, ok, reason) =>
      progress({ step: 'backend', done: false, detail: ok ? name : `${name} failed: ${reason}` }),
  );
  progress({ step: 'backend', done: true, detail: backend });

  progress({ step: 'model', done: false });
  const models = await loadModels(sources);
  progress({ step: 'model', done: true });

  progress({ step: 'warmup', done: false });
  try {
    await warmUp(models.digits);
    await models.pair?.probabilityOfTwo([new Float32Array(MNIST_SIZE * MNIST_SIZE)]);
    await models.lineReader?.read([fitLine(compositeCrops([]))]);
  } catch (err) {
    disposeModels(models);
    throw new EngineError(
      'backend-unavailable',
      `Warm-up prediction failed on ${backend}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  progress({ step: 'warmup', done: true });
  return { backend, models };
}

/**
 * OpenCV.js and the models load in parallel: in the browser one is mostly waiting for a download
 * and a compile the other does not need.
 */
export async function createRecognizer(options: RecognizerOptions): Promise<Recognizer> {
  const progress: Progress = options.onProgress ?? (() => undefined);
  const [opencv, loaded] = await Promise.allSettled([
    openCvStep(progress),
    modelSteps(options, progress),
  ]);
  if (opencv.status === 'rejected') {
    if (loaded.status === 'fulfilled') disposeModels(loaded.value.models);
    throw opencv.reason;
  }
  if (loaded.status === 'rejected') throw loaded.reason;
  const cv = opencv.value;
  const { backend, models } = loaded.value;

  let disposed = false;
  let personal: PersonalIndex = EMPTY_INDEX;
  return {
    backend,
    async recognize(image, recognizeOptions) {
      if (disposed) throw new EngineError('disposed', 'recognize() called after dispose()');
      try {
        return await recognizeWith(cv, models, personal, backend, image, recognizeOptions);
      } catch (err) {
        if (err instanceof EngineError) throw err;
        throw new EngineError('internal', cvErrorMessage(cv, err), { cause: err });
      }
    },
    async setPersonalSamples(samples) {
      if (disposed)
        throw new EngineError('disposed', 'setPersonalSamples() called after dispose()');
      const valid = checkSamples(samples);
      if (valid.length === 0) {
        personal = EMPTY_INDEX;
        return 0;
      }
      const read = await models.digits.predictWithFeatures(valid.map((s) => s.crop28));
      personal = buildIndex(
        read.map((r) => r.features),
        valid.map((s) => s.label),
      );
      return valid.length;
    },
    dispose() {
      disposed = true;
      disposeModels(models);
    },
  };
}

/** The digit model and the optional ones, in parallel; nothing is left loaded on a failure. */
async function loadModels(options: RecognizerOptions): Promise<Models> {
  const loads = [
    loadClassifier(options.model),
    options.pairModel ? loadPairClassifier(options.pairModel) : null,
    options.lineModel ? loadLineReader(options.lineModel) : null,
  ] as const;
  const settled = await Promise.allSettled(loads.map((p) => p ?? Promise.resolve(null)));
  const value = <T>(i: number): T | null =>
    settled[i]!.status === 'fulfilled'
      ? ((settled[i] as PromiseFulfilledResult<T>).value ?? null)
      : null;
  const models: Models = {
    digits: value<DigitClassifier>(0)!,
    pair: value<PairClassifier>(1),
    lineReader: value<LineReader>(2),
  };
  const failed = settled.find((r): r is PromiseRejectedResult => r.status === 'rejected');
  if (failed) {
    if (models.digits) models.digits.dispose();
    models.pair?.dispose();
    models.lineReader?.dispose();
    throw failed.reason;
  }
  return models;
}

function disposeModels(models: Models): void {
  models.digits.dispose();
  models.pair?.dispose();
  models.lineReader?.dispose();
}
