/**
 * The public entry: createRecognizer() loads OpenCV.js, picks a tfjs backend, loads and warms up
 * the model, and returns { backend, recognize, dispose }. The worker and the Node CLI use
 * exactly this; nothing here touches the DOM.
 */
import type * as tf from '@tensorflow/tfjs';
import { DEFAULT_BACKENDS, selectBackend } from './classifier/backend';
import { loadClassifier, warmUp, type DigitClassifier } from './classifier/model';
import { loadPairClassifier, type PairClassifier } from './classifier/pairModel';
import { EngineError, throwIfAborted } from './errors';
import { MNIST_SIZE, normalizeDigit } from './normalize';
import { cvErrorMessage, loadOpenCV, type OpenCV } from './opencv';
import { drawBoxes, type DrawnBox } from './pipeline/boxes';
import { MatScope } from './pipeline/matScope';
import { resolveParams } from './pipeline/params';
import { runPipeline } from './pipeline/run';
import type { SegmentedDigit } from './segment/segment';
import { matToRgba } from './pipeline/toRgba';
import type {
  BackendName,
  Box,
  DigitResult,
  PairCheck,
  RecognizeOptions,
  RecognizeResult,
  RgbaImage,
  StageImages,
} from './types';

export { DEFAULT_PARAMS } from './pipeline/params';

export interface RecognizerOptions {
  /** URL of model.json or an IOHandler. */
  model: string | tf.io.IOHandler;
  /**
   * The pair check (one digit or two?), model/pair/model.json. Without it, two digits found by
   * segmentation stay two.
   */
  pairModel?: string | tf.io.IOHandler;
  /** Preference order, default ['wasm', 'webgl', 'cpu'] (measured fastest first). */
  backends?: BackendName[];
  wasmPaths?: string | Record<string, string>;
  onProgress?: (p: {
    step: 'opencv' | 'backend' | 'model' | 'warmup';
    done: boolean;
    detail?: string;
  }) => void;
}

export interface Recognizer {
  backend: BackendName;
  recognize(image: RgbaImage, options?: RecognizeOptions): Promise<RecognizeResult>;
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

/** Two digits the pair check calls one digit become one (below this P(two)). */
export const PAIR_MERGE_BELOW = 0.2;

async function recognizeWith(
  cv: OpenCV,
  classifier: DigitClassifier,
  pairClassifier: PairClassifier | null,
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

  let t = performance.now();
  const toInput = (d: SegmentedDigit): Float32Array =>
    normalizeDigit(d.crop.pixels, d.crop.rect.w, d.crop.rect.h);
  let readLines = segmentation.lines;
  let inputs: Float32Array[] | null = null;
  let pairCheck: PairCheck | undefined;
  const whole = segmentation.pairAsOne;
  if (whole && pairClassifier) {
    const wholeInput = toInput(whole);
    const [twoDigits] = await pairClassifier.probabilityOfTwo([wholeInput]);
    pairCheck = { twoDigits: twoDigits!, merged: twoDigits! < PAIR_MERGE_BELOW };
    if (pairCheck.merged) {
      readLines = [[whole]];
      inputs = [wholeInput]; // already normalised for the check
    }
    timings.pairCheck = performance.now() - t;
    throwIfAborted(signal);
    t = performance.now();
  }
  inputs ??= readLines.flat().map(toInput);
  timings.normalize = performance.now() - t;

  t = performance.now();
  const predictions = await classifier.predict(inputs);
  timings.classify = performance.now() - t;
  throwIfAborted(signal);

  let k = 0;
  const drawn: DrawnBox[] = [];
  const lines = readLines.map((line) => ({
    digits: line.map((d): DigitResult => {
      const i = k++;
      const p = predictions[i]!;
      const doubtful = p.confidence < params.doubtfulBelow;
      const rect = d.box ?? d.crop.rect; // the crop may come from a rectified or zoomed frame
      drawn.push({ rect, index: i + 1, label: p.label, doubtful });
      return {
        label: p.label,
        confidence: p.confidence,
        top: p.top,
        box: toOriginal(rect, scale, image.width, image.height),
        crop28: inputs[i]!,
        doubtful,
      };
    }),
  }));

  let stages: StageImages | undefined;
  if (options.stages && run.input) {
    t = performance.now();
    const boxes = drawBoxesImage(cv, run.input, drawn, segmentation.referenceHeight);
    timings.boxes = performance.now() - t;
    stages = { ...run.stageImages, boxes } as StageImages;
  }
  timings.total = performance.now() - started;
  return {
    text: lines.map((l) => l.digits.map((d) => String(d.label)).join('')).join('\n'),
    lines,
    ...(stages ? { stages } : {}),
    timings,
    width: image.width,
    height: image.height,
    workingWidth: run.workingWidth,
    workingHeight: run.workingHeight,
    polarity: run.polarity,
    backend,
    ...(pairCheck ? { pairCheck } : {}),
  };
}

export async function createRecognizer(options: RecognizerOptions): Promise<Recognizer> {
  const progress = options.onProgress ?? (() => undefined);

  progress({ step: 'opencv', done: false });
  let cv: OpenCV;
  try {
    cv = await loadOpenCV();
  } catch (err) {
    throw new EngineError(
      'opencv-load-failed',
      `OpenCV.js failed to load: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  progress({ step: 'opencv', done: true });

  progress({ step: 'backend', done: false });
  const backend = await selectBackend(
    options.backends ?? DEFAULT_BACKENDS,
    options.wasmPaths,
    (name, ok, reason) =>
      progress({ step: 'backend', done: false, detail: ok ? name : `${name} failed: ${reason}` }),
  );
  progress({ step: 'backend', done: true, detail: backend });

  progress({ step: 'model', done: false });
  const classifier = await loadClassifier(options.model);
  let pairClassifier: PairClassifier | null = null;
  if (options.pairModel) {
    try {
      pairClassifier = await loadPairClassifier(options.pairModel);
    } catch (err) {
      classifier.dispose();
      throw err;
    }
  }
  progress({ step: 'model', done: true });

  progress({ step: 'warmup', done: false });
  try {
    await warmUp(classifier);
    await pairClassifier?.probabilityOfTwo([new Float32Array(MNIST_SIZE * MNIST_SIZE)]);
  } catch (err) {
    classifier.dispose();
    pairClassifier?.dispose();
    throw new EngineError(
      'backend-unavailable',
      `Warm-up prediction failed on ${backend}: ${err instanceof Error ? err.message : String(err)}`,
      { cause: err },
    );
  }
  progress({ step: 'warmup', done: true });

  let disposed = false;
  return {
    backend,
    async recognize(image, recognizeOptions) {
      if (disposed) throw new EngineError('disposed', 'recognize() called after dispose()');
      try {
        return await recognizeWith(
          cv,
          classifier,
          pairClassifier,
          backend,
          image,
          recognizeOptions,
        );
      } catch (err) {
        if (err instanceof EngineError) throw err;
        throw new EngineError('internal', cvErrorMessage(cv, err), { cause: err });
      }
    },
    dispose() {
      disposed = true;
      classifier.dispose();
      pairClassifier?.dispose();
    },
  };
}
