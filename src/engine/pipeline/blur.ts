/** Stage 2 (blur): Gaussian blur; a kernel size of 1 passes the image through. */
import type { Mat, MatScope } from './matScope';

export function blurStage(scope: MatScope, gray: Mat, blurSize: number): Mat {
  const cv = scope.cv;
  const out = scope.mat();
  if (blurSize <= 1) gray.copyTo(out);
  else cv.GaussianBlur(gray, out, new cv.Size(blurSize, blurSize), 0, 0, cv.BORDER_REPLICATE);
  return out;
}
