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
import { outlinePage, pageView, type ReadingView } from './view';
import { chooseZoom, zoomedGray, zoomHomography, type Zoom } from './writingScale';
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

/** A stage's end: keep its image (when asked for) and its time; a cancel is honoured here. */
type Lap = (id: string, mat?: Mat, binary?: boolean) => Promise<void>;

/**
 * Times the stages and keeps their images in the working frame, warped back from whichever
 * frame (page, zoom) the stage ran in.
 */
class StageRecorder {
  readonly timings: Record<string, number> = {};
  readonly mats = new Map<string, Mat>();
  /** The frame the stages now run in, from the working frame. */
  toReading: Homography = [];
  workingSize = { w: 0, h: 0 };
  private t = now();

  constructor(
    private readonly scope: MatScope,
    readonly wantStages: boolean,
    private readonly signal: AbortSignal | undefined,
  ) {}

  /** Starts the next stage's clock (after work timed apart, such as the zoom). */
  restartClock(): void {
    this.t = now();
  }

  readonly lap: Lap = async (id, mat, binary = false) => {
    if (this.wantStages && mat) this.keep(id, mat, binary);
    const end = now();
    this.timings[id] = (this.timings[id] ?? 0) + end - this.t;
    if (this.signal) {
      throwIfAborted(this.signal);
      await yieldToEventLoop();
      throwIfAborted(this.signal);
    }
    this.t = now();
  };

  /** Keeps a stage image in the working frame: warped back from the reading frame if needed. */
  private keep(id: string, mat: Mat, binary: boolean): void {
    const { scope, toReading, workingSize } = this;
    const cv = scope.cv;
    if (isIdentity(toReading)) {
      const copy = this.mats.get(id) ?? scope.mat();
      mat.copyTo(copy);
      this.mats.set(id, copy);
      return;
    }
    let dst = this.mats.get(id);
    if (!dst || dst.cols !== workingSize.w) {
      dst = scope.track(cv.Mat.zeros(workingSize.h, workingSize.w, cv.CV_8UC1));
    }
    const m = scope.track(cv.matFromArray(3, 3, cv.CV_64FC1, [...invert(toReading)]));
    const size = new cv.Size(workingSize.w, workingSize.h);
    const interp = binary ? cv.INTER_NEAREST : cv.INTER_LINEAR;
    // Transparent border: a second pass paints over the first pass's image only where it read.
    cv.warpPerspective(mat, dst, m, size, interp, cv.BORDER_TRANSPARENT);
    scope.release(m);
    this.mats.set(id, dst);
  }
}

/** The page mask (if any) in the zoomed frame. */
function zoomedMask(
  scope: MatScope,
  view: ReadingView,
  toZoom: Homography,
  zoomed: Mat,
): Mat | null {
  if (!view.mask) return null;
  const cv = scope.cv;
  const mask = scope.mat();
  const m = scope.track(
    cv.matFromArray(3, 3, cv.CV_64FC1, [...compose(toZoom, invert(view.toReading))]),
  );
  cv.warpPerspective(view.mask, mask, m, new cv.Size(zoomed.cols, zoomed.rows), cv.INTER_NEAREST);
  scope.release(m);
  return mask;
}

/**
 * The second pass: the ink's region read again at the zoom chosen from the writing. Null when it
 * found no digits (the first pass stands).
 */
async function readZoomed(
  scope: MatScope,
  image: RgbaImage,
  params: ResolvedParams,
  view: ReadingView,
  zoom: Zoom,
  grayScale: number,
  rec: StageRecorder,
): Promise<ReadOutput | null> {
  const started = now();
  const toZoom = zoomHomography(view.toReading, zoom);
  const fromOriginal = compose(toZoom, scaling(grayScale));
  const w = Math.max(8, Math.round(zoom.region.w * zoom.factor));
  const h = Math.max(8, Math.round(zoom.region.h * zoom.factor));
  const zoomed = zoomedGray(scope, image, fromOriginal, w, h);
  const mask = zoomedMask(scope, view, toZoom, zoomed);
  rec.timings.zoom = now() - started;
  rec.restartClock();
  rec.toReading = toZoom;
  const second = await readInk(scope.cv, zoomed, params, mask, rec.lap, rec.wantStages);
  scope.release(zoomed);
  if (second.segmentation.lines.length === 0) return null;
  placeBoxes(second.segmentation, toZoom);
  return second;
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
  const scope = new MatScope(cv);
  const rec = new StageRecorder(scope, wantStages, signal);
  try {
    throwIfAborted(signal);
    const gray = grayStage(scope, image, params.maxWorkingSize, wantStages);
    rec.workingSize = { w: gray.gray.cols, h: gray.gray.rows };
    const input = gray.rgba ? matToRgba(cv, gray.rgba) : null;
    if (gray.rgba) scope.release(gray.rgba);
    const page = findPage(scope, gray.gray);
    rec.toReading = [1, 0, 0, 0, 1, 0, 0, 0, 1];
    if (wantStages) rec.mats.set('gray', outlinePage(scope, gray.gray, page));
    await rec.lap('gray');

    const view = pageView(scope, gray.gray, page);
    if (view.gray !== gray.gray) scope.release(gray.gray);
    rec.toReading = view.toReading;
    let read: ReadOutput = await readInk(cv, view.gray, params, view.mask, rec.lap, wantStages);
    let zoomFactor = 1;
    const zoom = chooseZoom(
      read.segmentation.lines.flat(),
      { width: read.width, height: read.height },
      1 / gray.scale,
    );
    placeBoxes(read.segmentation, rec.toReading);
    const second = zoom
      ? await readZoomed(scope, image, params, view, zoom, gray.scale, rec)
      : null;
    if (zoom && second) {
      read = second;
      zoomFactor = zoom.factor;
    }
    const stageImages: Partial<Record<StageId, RgbaImage>> = {};
    for (const [id, mat] of rec.mats) stageImages[id as StageId] = matToRgba(cv, mat);
    return {
      segmentation: read.segmentation,
      polarity: read.polarity,
      scale: gray.scale,
      workingWidth: rec.workingSize.w,
      workingHeight: rec.workingSize.h,
      page,
      zoom: zoomFactor,
      stageImages,
      input,
      timings: rec.timings,
    };
  } finally {
    scope.delete();
  }
}
