/**
 * Plain, serialisable data that crosses the worker boundary. No Mats, no tensors, no classes.
 */
import type { BackendName } from './backends';

/** Structural ImageData: the DOM class in browsers, a plain object in Node. RGBA, row-major. */
export interface RgbaImage {
  width: number;
  height: number;
  data: Uint8ClampedArray;
}

/** The backend names come from the one backend list. */
export type { BackendName };

/** The engine's start-up steps, each reported as it starts and ends (OpenCV's runs alongside). */
export type LoadStep = 'opencv' | 'backend' | 'model' | 'warmup';

export type ThresholdMethod = 'adaptive' | 'otsu' | 'normalized-otsu';

/** Every tunable stage parameter in one object; defaults live in pipeline/params.ts. */
export interface PipelineParams {
  /** Gaussian blur kernel size (odd, >= 1; 1 = no blur). */
  blurSize: number;
  thresholdMethod: ThresholdMethod;
  /** Block size for adaptive thresholding (odd), in working-image pixels. */
  adaptiveBlockSize: number;
  /** Constant subtracted in adaptive thresholding. */
  adaptiveC: number;
  cannyLow: number;
  cannyHigh: number;
  /** Square dilation kernel size (odd). */
  dilateSize: number;
  dilateIterations: number;
  /** Boxes smaller than this (in working pixels, on the longer side) are dropped as noise. */
  minBoxSize: number;
  /** Digits whose calibrated confidence falls below this are flagged doubtful. */
  doubtfulBelow: number;
  /** Longer side of the working image; larger inputs are downscaled (boxes map back). */
  maxWorkingSize?: number;
  /** Remove long thin horizontal/vertical structures (ruled and grid paper) before contouring. */
  removeLines?: boolean;
}

export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface Guess {
  label: number;
  p: number;
}

export interface DigitResult {
  label: number;
  confidence: number;
  /** Top-3 guesses, best first (top[0].label === label). */
  top: Guess[];
  /** In original image coordinates. */
  box: Box;
  /** The 28x28 model input, ink = 1, row-major. */
  crop28: Float32Array;
  doubtful: boolean;
  /** Present (true) when the user's personal samples changed the model's reading. */
  personal?: true;
}

/** A digit the user corrected, kept on the device to adapt the recognizer to their writing. */
export interface PersonalSample {
  /** The 28x28 model input, ink = 1, row-major (784 values). */
  crop28: Float32Array;
  /** 0..9 */
  label: number;
}

export interface LineResult {
  digits: DigitResult[];
  /** Separators the line reader read between digits ("24/12/2025", "12.50"), if any. */
  separators?: SeparatorResult[];
}

/** A separator: its character and how many of the line's digits stand before it. */
export interface SeparatorResult {
  char: string;
  index: number;
  box: Box;
}

export type StageId = 'gray' | 'blur' | 'thresh' | 'edges' | 'dilate' | 'boxes';

export type StageImages = Record<StageId, RgbaImage>;

export interface RecognizeResult {
  /** Digits in reading order, lines joined by "\n". */
  text: string;
  lines: LineResult[];
  stages?: StageImages;
  /** Milliseconds per stage (and 'total'). */
  timings: Record<string, number>;
  /** Width/height of the input as given. */
  width: number;
  height: number;
  /** Size of the working image the stages were computed at (stage images have this size). */
  workingWidth?: number;
  workingHeight?: number;
  /** Ink polarity detected in the input. */
  polarity?: Polarity;
  /** The tfjs backend that classified the digits. */
  backend?: BackendName;
  /** Present when the image yielded exactly two digits and the pair check judged them. */
  pairCheck?: PairCheck;
  /** Present when the line reader read the lines. */
  lineReader?: LineReaderSummary;
}

/** What the line reader changed against segmentation, over all lines of the image. */
export interface LineReaderSummary {
  /** Digits segmentation found, and digits the result holds. */
  segmented: number;
  read: number;
  /** Lines whose digits the reader split or joined differently from segmentation. */
  resplitLines: number;
  /** Characters read as not a digit (letters, symbols, scribbles) and left out. */
  leftOut: number;
  separators: number;
  /** The reader saw no digit over much of the ink: texture or noise, every digit doubtful. */
  texture?: boolean;
}

/** The pair check's verdict on two digits read as one crop. */
export interface PairCheck {
  /** Its probability that the crop holds two digits, not one. */
  twoDigits: number;
  /** True when the two were read as one digit (twoDigits below the engine's threshold). */
  merged: boolean;
}

export type Polarity = 'dark-on-light' | 'light-on-dark';

export interface RecognizeOptions {
  params?: Partial<PipelineParams>;
  stages?: boolean;
  signal?: AbortSignal;
}
