/** Stage 5 (dilate): ink plus its edges, dilated so that the pieces of a stroke form one contour. */
import type { Mat, MatScope } from './matScope';

export function dilateStage(
  scope: MatScope,
  ink: Mat,
  edges: Mat,
  dilateSize: number,
  iterations: number,
): Mat {
  const cv = scope.cv;
  const union = scope.mat();
  cv.bitwise_or(ink, edges, union);
  if (dilateSize <= 1 || iterations <= 0) return union;
  const kernel = scope.track(
    cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(dilateSize, dilateSize)),
  );
  const out = scope.mat();
  cv.dilate(union, out, kernel, new cv.Point(-1, -1), iterations);
  scope.release(kernel);
  scope.release(union);
  return out;
}
