/**
 * Runs the stages and the segmentation on one image: everything except classification and
 * drawing the boxes. Gray at the bounded working size; the sheet found (page.ts) and read alone,
 * rectified when tilted; then, when the digits are small for that size, the ink's region read
 * again at a resolution chosen from the writing (writingScale.ts). Boxes and stage images come
 * back in the input's working frame. All Mats live in scopes deleted on every path.
 */
import { throwIfAborted } from '../errors';
import type { OpenCV } from '../opencv';
import type { Segmentation } from '../segment/segment';
import type { Polarity, RgbaImage, StageId } from '../types';
import { assertValidImage, grayStage } from './gray';
import { compose, invert, isIdentity, mapRect, scaling, type Homography } from './homography';
import { MatScope, type Mat } from './matScope';
import { findPage, type PageFound } from './page';
import type { ResolvedParams } from './params';
import { readInk, type ReadOutput } from './read';
import { matToRgba } from './toRgba';
import { outlinePage, pageView } from './view';
import { chooseZoom, zoomedGray, zoomHomography } from './writingScale';
import { yieldToEventLoop } from './yield';

export interface PipelineRunOptions {
  stages?: boolean;
  signal?: AbortSignal;
}

export interface PipelineOutput {
  /** Crops in the frame they were read in; each digit's `box` is in the working frame. */
  segmentation: Segmentation;
  polarity: Polarity;
  /** working size / original size. */
  scale: number;
  workingWidth: number;
  workingHeight: number;
  /** The sheet found in the photo (working pixels), or null (a scan, a crop, no sheet). */
  page: PageFound | null;
  /** Reading px per working px of the pass whose digits were kept (1: no second pass). */
  zoom: number;
  /** Stage images except 'boxes' (drawn after classification), when asked for. */
  stageImages: Partial<Record<StageId, RgbaImage>>;
  /** The composited working-size input, to draw the boxes on (when stages are asked for). */
  input: RgbaImage | null;
  timings: Record<string, number>;
}

const now = (): number => performance.now();

/** Sets every digit's box (working frame) from its crop rect (reading frame). */
function placeBoxes(seg: Segmentation, toReading: Homography): void {
  const back = isIdentity(toReading) ? null : invert(toReading);
  for (const d of [...seg.lines.flat(), ...(seg.pairAsOne ? [seg.pairAsOne] : [])]) {
    d.box = back ? mapRect(back, d.crop.rect) : { ...d.crop.rect };
  }
}

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
  const stageMats = new Map<string, Mat>();
  const scope = new MatScope(cv);
  let t = now();
  let toReading: Homography = [];
  let workingSize = { w: 0, h: 0 };
  /** Keeps a stage image in the working frame: warped back from the reading frame if needed. */
  const keepStage = (id: string, mat: Mat, binary: boolean): void => {
    if (isIdentity(toReading)) {
      const copy = stageMats.get(id) ?? scope.mat();
      mat.copyTo(copy);
      stageMats.set(id, copy);
      return;
    }
    let dst = stageMats.get(id);
    if (!dst || dst.cols !== workingSize.w) {
      dst = scope.track(cv.Mat.zeros(workingSize.h, workingSize.w, cv.CV_8UC1));
    }
    const m = scope.track(cv.matFromArray(3, 3, cv.CV_64FC1, [...invert(toReading)]));
    const size = new cv.Size(workingSize.w, workingSize.h);
    const interp = binary ? cv.INTER_NEAREST : cv.INTER_LINEAR;
    // Transparent border: a second pass paints over the first pass's image only where it read.
    cv.warpPerspective(mat, dst, m, size, interp, cv.BORDER_TRANSPARENT);
    scope.release(m);
    stageMats.set(id, dst);
  };
  const lap = async (id: string, mat?: Mat, binary = false): Promise<void> => {
    if (wantStages && mat) keepStage(id, mat, binary);
    const end = now();
    timings[id] = (timings[id] ?? 0) + end - t;
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
    workingSize = { w: gray.gray.cols, h: gray.gray.rows };
    const input = gray.rgba ? matToRgba(cv, gray.rgba) : null;
    if (gray.rgba) scope.release(gray.rgba);
    const page = findPage(scope, gray.gray);
    toReading = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    if (wantStages) {
      const outlined = outlinePage(scope, gray.gray, page);
      stageMats.set('gray', outlined);
    }
    await lap('gray');

    const view = pageView(scope, gray.gray, page);
    if (view.gray !== gray.gray) scope.release(gray.gray);
    toReading = view.toReading;
    let read: ReadOutput = await readInk(cv, view.gray, params, view.mask, lap, wantStages);
    let zoomFactor = 1;
    const zoom = chooseZoom(
      read.segmentation.lines.flat(),
      { width: read.width, height: read.height },
      1 / gray.scale,
    );
    placeBoxes(read.segmentation, toReading);
    if (zoom) {
      const started = now();
      const toZoom = zoomHomography(view.toReading, zoom);
      const fromOriginal = compose(toZoom, scaling(gray.scale));
      const w = Math.max(8, Math.round(zoom.region.w * zoom.factor));
      const h = Math.max(8, Math.round(zoom.region.h * zoom.factor));
      const zoomed = zoomedGray(scope, image, fromOriginal, w, h);
      let mask: Mat | null = null;
      if (view.mask) {
        mask = scope.mat();
        const m = scope.track(
          cv.matFromArray(3, 3, cv.CV_64FC1, [...compose(toZoom, invert(view.toReading))]),
        );
        cv.warpPerspective(
          view.mask,
          mask,
          m,
          new cv.Size(zoomed.cols, zoomed.rows),
          cv.INTER_NEAREST,
        );
        scope.release(m);
      }
      timings.zoom = now() - started;
      t = now();
      toReading = toZoom;
      const second = await readInk(cv, zoomed, params, mask, lap, wantStages);
      scope.release(zoomed);
      if (second.segmentation.lines.length > 0) {
        placeBoxes(second.segmentation, toZoom);
        read = second;
        zoomFactor = zoom.factor;
      }
    }
    const stageImages: Partial<Record<StageId, RgbaImage>> = {};
    for (const [id, mat] of stageMats) stageImages[id as StageId] = matToRgba(cv, mat);
    return {
      segmentation: read.segmentation,
      polarity: read.polarity,
      scale: gray.scale,
      workingWidth: workingSize.w,
      workingHeight: workingSize.h,
      page,
      zoom: zoomFactor,
      stageImages,
      input,
      timings,
    };
  } finally {
    scope.delete();
  }
}
