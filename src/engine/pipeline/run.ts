/**
 * Runs stages 1-5 and the segmentation on one image: everything except classification and
 * drawing the boxes. All Mats live in one scope that is deleted on every path.
 */
import { throwIfAborted } from '../errors';
import type { OpenCV } from '../opencv';
import { findComponents } from '../segment/components';
import { removeRuledLines } from '../segment/ruledLines';
import { segmentDigits, type Segmentation } from '../segment/segment';
import type { Polarity, RgbaImage, StageId } from '../types';
import { blurStage } from './blur';
import { dilateStage } from './dilate';
import { edgesStage } from './edges';
import { assertValidImage, grayStage } from './gray';
import { MatScope, type Mat } from './matScope';
import type { ResolvedParams } from './params';
import { threshStage } from './thresh';
import { matToRgba } from './toRgba';
import { yieldToEventLoop } from './yield';

export interface PipelineRunOptions {
  stages?: boolean;
  signal?: AbortSignal;
}

export interface PipelineOutput {
  segmentation: Segmentation;
  polarity: Polarity;
  /** working size / original size. */
  scale: number;
  workingWidth: number;
  workingHeight: number;
  /** Stage images except 'boxes' (drawn after classification), when asked for. */
  stageImages: Partial<Record<StageId, RgbaImage>>;
  /** The composited working-size input, to draw the boxes on (when stages are asked for). */
  input: RgbaImage | null;
  timings: Record<string, number>;
}

const now = (): number => performance.now();

export async function runPipeline(
  cv: OpenCV,
  image: RgbaImage,
  params: ResolvedParams,
  options: PipelineRunOptions = {},
): Promise<PipelineOutput> {
  assertValidImage(image);
  const { signal } = options;
  const wantStages = options.stages === true;
  const timings: Record<string, number> = {};
  const stageImages: Partial<Record<StageId, RgbaImage>> = {};
  const scope = new MatScope(cv);
  let t = now();
  const lap = async (id: string, mat?: Mat): Promise<void> => {
    if (wantStages && mat) stageImages[id as StageId] = matToRgba(cv, mat);
    const end = now();
    timings[id] = end - t;
    if (signal) {
      throwIfAborted(signal);
      await yieldToEventLoop();
      throwIfAborted(signal);
    }
    t = now();
  };
  try {
    throwIfAborted(signal);
    const gray = grayStage(scope, image, params.maxWorkingSize, wantStages);
    const input = gray.rgba ? matToRgba(cv, gray.rgba) : null;
    if (gray.rgba) scope.release(gray.rgba);
    await lap('gray', gray.gray);

    const blurred = blurStage(scope, gray.gray, params.blurSize);
    scope.release(gray.gray);
    await lap('blur', blurred);

    const th = threshStage(scope, blurred, {
      method: params.thresholdMethod,
      adaptiveBlockSize: params.adaptiveBlockSize,
      adaptiveC: params.adaptiveC,
    });
    let ink = th.binary;
    if (params.removeLines) {
      ink = removeRuledLines(scope, th.binary).cleaned;
      scope.release(th.binary);
    }
    if (th.inkDark !== blurred) scope.release(th.inkDark);
    await lap('thresh', ink);

    const edges = edgesStage(scope, blurred, ink, params.cannyLow, params.cannyHigh);
    scope.release(blurred);
    await lap('edges', edges);

    const dilated = dilateStage(scope, ink, edges, params.dilateSize, params.dilateIterations);
    scope.release(edges);
    await lap('dilate', dilated);

    const map = findComponents(scope, dilated, ink, th.normalized);
    scope.delete();
    const segmentation = segmentDigits(map, params.minBoxSize);
    await lap('segment');

    return {
      segmentation,
      polarity: th.polarity,
      scale: gray.scale,
      workingWidth: map.width,
      workingHeight: map.height,
      stageImages,
      input,
      timings,
    };
  } finally {
    scope.delete();
  }
}
