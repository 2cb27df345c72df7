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
      ink = removeRuledLines(scope, th.binary, th.normalized).cleaned;
      scope.release(th.binary);
    }
    if (th.inkDark !== blurred) scope.release(th.inkDark);
    await lap('thresh', ink);

    // Everything after the threshold only needs the ink's bounding box (padded for dilation
    // and Canny's neighbourhood): on a photo with a row of digits that is a fraction of it.
    const W = ink.cols;
    const H = ink.rows;
    const pad = 4 + params.dilateSize * params.dilateIterations;
    const inkBox = cv.boundingRect(ink);
    const x0 = Math.max(0, inkBox.x - pad);
    const y0 = Math.max(0, inkBox.y - pad);
    const rw = inkBox.width === 0 ? 0 : Math.min(W, inkBox.x + inkBox.width + pad) - x0;
    const rh = inkBox.height === 0 ? 0 : Math.min(H, inkBox.y + inkBox.height + pad) - y0;
    const full = (roiMat: Mat): Mat => {
      const out = scope.track(cv.Mat.zeros(H, W, cv.CV_8UC1));
      if (rw > 0 && rh > 0) {
        const view = scope.track(out.roi(new cv.Rect(x0, y0, rw, rh)));
        roiMat.copyTo(view);
        scope.release(view);
      }
      return out;
    };
    const cut = (m: Mat): Mat => {
      const view = scope.track(m.roi(new cv.Rect(x0, y0, Math.max(1, rw), Math.max(1, rh))));
      // copyTo, not clone(): OpenCV.js's clone() of a ROI keeps the parent's row stride.
      const copy = scope.mat();
      view.copyTo(copy);
      scope.release(view);
      return copy;
    };
    const region = { x: x0, y: y0, imageWidth: W, imageHeight: H };
    const inkRoi = cut(ink);
    const blurRoi = cut(blurred);
    scope.release(blurred);
    if (rw === 0) inkRoi.setTo(new cv.Scalar(0));

    const edges = edgesStage(scope, blurRoi, inkRoi, params.cannyLow, params.cannyHigh);
    scope.release(blurRoi);
    await lap('edges', wantStages ? full(edges) : undefined);

    const dilated = dilateStage(scope, inkRoi, edges, params.dilateSize, params.dilateIterations);
    scope.release(edges);
    await lap('dilate', wantStages ? full(dilated) : undefined);

    const levels = th.normalized ? cut(th.normalized) : null;
    const map = findComponents(scope, dilated, inkRoi, levels, region);
    scope.delete();
    const segmentation = segmentDigits(map, params.minBoxSize);
    await lap('segment');

    return {
      segmentation,
      polarity: th.polarity,
      scale: gray.scale,
      workingWidth: map.imageWidth,
      workingHeight: map.imageHeight,
      stageImages,
      input,
      timings,
    };
  } finally {
    scope.delete();
  }
}
