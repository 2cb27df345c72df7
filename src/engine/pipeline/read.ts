/**
 * Stages 2-5 and the segmentation on one gray image in the frame the digits are read in (the
 * input's working image, a rectified page, or a zoomed ink region). All Mats live in one scope
 * that is deleted on every path; stage images go out through `emit` as they are made.
 */
import { findComponents } from '../segment/components';
import { removeRuledLines } from '../segment/ruledLines';
import { segmentDigits, type Segmentation } from '../segment/segment';
import type { OpenCV } from '../opencv';
import type { Polarity } from '../types';
import { blurStage } from './blur';
import { dilateStage } from './dilate';
import { edgesStage } from './edges';
import { MatScope, type Mat } from './matScope';
import type { ResolvedParams } from './params';
import { eraseFrameLines, findFrameLines } from './frameLines';
import { isCrop, threshStage } from './thresh';

/** Records a stage's timing and (when given) its image; may throw when cancelled. */
export type EmitStage = (id: string, mat?: Mat, binary?: boolean) => Promise<void>;

export interface ReadOutput {
  segmentation: Segmentation;
  polarity: Polarity;
  width: number;
  height: number;
}

/**
 * `gray` is read, not kept (the caller owns it). `pageMask` (255 = on the sheet) clears ink
 * off the sheet before anything else looks at it: the desk and the sheet's own edges.
 */
export async function readInk(
  cv: OpenCV,
  gray: Mat,
  params: ResolvedParams,
  pageMask: Mat | null,
  emit: EmitStage,
  wantStages: boolean,
): Promise<ReadOutput> {
  const scope = new MatScope(cv);
  try {
    const blurred = blurStage(scope, gray, params.blurSize);
    await emit('blur', blurred);

    const th = threshStage(scope, blurred, {
      method: params.thresholdMethod,
      adaptiveBlockSize: params.adaptiveBlockSize,
      adaptiveC: params.adaptiveC,
    });
    if (pageMask) cv.bitwise_and(th.binary, pageMask, th.binary);
    let ink = th.binary;
    if (params.removeLines) {
      ink = removeRuledLines(scope, th.binary, th.normalized).cleaned;
      scope.release(th.binary);
    }
    if (th.inkDark !== blurred) scope.release(th.inkDark);
    if (isCrop(ink)) {
      const data = ink.data;
      eraseFrameLines(data, ink.cols, ink.rows, findFrameLines(data, ink.cols, ink.rows));
    }
    await emit('thresh', ink, true);

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
    await emit('edges', wantStages ? full(edges) : undefined, true);

    const dilated = dilateStage(scope, inkRoi, edges, params.dilateSize, params.dilateIterations);
    scope.release(edges);
    await emit('dilate', wantStages ? full(dilated) : undefined, true);

    const levels = th.normalized ? cut(th.normalized) : null;
    const map = findComponents(scope, dilated, inkRoi, levels, region);
    scope.delete();
    const segmentation = segmentDigits(map, params.minBoxSize);
    await emit('segment');
    return { segmentation, polarity: th.polarity, width: W, height: H };
  } finally {
    scope.delete();
  }
}
