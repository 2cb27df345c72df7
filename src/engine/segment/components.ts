/**
 * Connected components of the dilated mask -> blobs. We use connectedComponentsWithStats rather
 * than findContours + boundingRect: the bounding boxes are the same as those of the external
 * contours, and the per-pixel labels let each crop take only its own digit's ink, even where a
 * neighbour's stroke reaches into its box.
 */
import type { Mat, MatScope } from '../pipeline/matScope';
import type { Blob } from './geometry';

export interface ComponentMap {
  /** Size of the region the labels cover (the ink's bounding box, padded). */
  width: number;
  height: number;
  /** Where that region sits in the working image; blobs are in region coordinates. */
  offsetX: number;
  offsetY: number;
  /** Working image size. */
  imageWidth: number;
  imageHeight: number;
  /** Component label per working pixel (0 = background). */
  labels: Int32Array;
  /** Thresholded ink (255) per working pixel. */
  ink: Uint8Array;
  /** Lighting-normalised levels per pixel (0 = black ink, 255 = paper), when computed. */
  levels: Uint8Array | null;
  blobs: Blob[];
  /** Fraction of the working image that is ink: a document is mostly paper. */
  inkFraction: number;
}

export function findComponents(
  scope: MatScope,
  dilated: Mat,
  ink: Mat,
  levels: Mat | null = null,
  region: { x: number; y: number; imageWidth: number; imageHeight: number } | null = null,
): ComponentMap {
  const cv = scope.cv;
  const labelsMat = scope.mat();
  const stats = scope.mat();
  const centroids = scope.mat();
  const n = cv.connectedComponentsWithStats(dilated, labelsMat, stats, centroids, 8, cv.CV_32S);
  const labels = labelsMat.data32S.slice();
  const inkData = ink.data.slice();
  const s = stats.data32S.slice(0, n * 5);
  for (const m of [labelsMat, stats, centroids]) scope.release(m);

  const inkCount = new Int32Array(n);
  const levelSum = levels ? new Float64Array(n) : null;
  const levelData = levels ? levels.data.slice() : null;
  let total = 0;
  for (let p = 0; p < labels.length; p++) {
    if (inkData[p]) {
      const l = labels[p]!;
      inkCount[l]!++;
      if (levelSum) levelSum[l]! += levelData![p]!;
      total++;
    }
  }
  const blobs: Blob[] = [];
  for (let i = 1; i < n; i++) {
    if (inkCount[i]! === 0) continue; // edges only, no ink: nothing to crop
    blobs.push({
      x: s[i * 5]!,
      y: s[i * 5 + 1]!,
      w: s[i * 5 + 2]!,
      h: s[i * 5 + 3]!,
      ink: inkCount[i]!,
      labels: [i],
      ...(levelSum ? { levelSum: levelSum[i]! } : {}),
    });
  }
  return {
    width: dilated.cols,
    height: dilated.rows,
    offsetX: region?.x ?? 0,
    offsetY: region?.y ?? 0,
    imageWidth: region?.imageWidth ?? dilated.cols,
    imageHeight: region?.imageHeight ?? dilated.rows,
    labels,
    ink: inkData,
    levels: levelData,
    blobs,
    inkFraction:
      total /
      Math.max(1, (region?.imageWidth ?? dilated.cols) * (region?.imageHeight ?? dilated.rows)),
  };
}
