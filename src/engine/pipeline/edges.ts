/**
 * Stage 4 (edges): Canny on the blurred image, kept only next to ink. The mask drops the edges
 * of shadows, paper texture and removed ruled lines; what is left can bridge a faint stretch of
 * a stroke that the threshold broke (the gradient is still there when the ink is pale).
 */
import type { Mat, MatScope } from './matScope';

export function edgesStage(
  scope: MatScope,
  blurred: Mat,
  ink: Mat,
  cannyLow: number,
  cannyHigh: number,
): Mat {
  const cv = scope.cv;
  const raw = scope.mat();
  cv.Canny(blurred, raw, cannyLow, cannyHigh, 3, false);
  const near = scope.mat();
  const kernel = scope.track(cv.getStructuringElement(cv.MORPH_RECT, new cv.Size(5, 5)));
  cv.dilate(ink, near, kernel);
  scope.release(kernel);
  const edges = scope.mat();
  cv.bitwise_and(raw, near, edges);
  scope.release(raw);
  scope.release(near);
  return edges;
}
