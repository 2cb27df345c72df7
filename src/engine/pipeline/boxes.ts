/** Stage 6 (boxes): the digit boxes drawn over the input, with reading-order index and label. */
import type { Mat, MatScope } from './matScope';
import type { Rect } from '../segment/geometry';

export interface DrawnBox {
  rect: Rect;
  index: number;
  label: number;
  doubtful: boolean;
}

export function drawBoxes(scope: MatScope, rgba: Mat, boxes: DrawnBox[], refH: number): Mat {
  const cv = scope.cv;
  const out = scope.mat();
  rgba.copyTo(out);
  const thickness = Math.max(1, Math.round(Math.max(out.cols, out.rows) / 400));
  const label = (b: DrawnBox): string => `${b.index}:${b.label}${b.doubtful ? '?' : ''}`;
  // One scale for all labels, small enough that each fits over its own box (a Hershey simplex
  // character is ~20 px wide at scale 1) so that neighbours' labels do not run together.
  const fits = Math.min(...boxes.map((b) => (b.rect.w * 1.15) / (label(b).length * 20)));
  const fontScale = Math.max(0.3, Math.min(2, refH / 60, fits));
  for (const b of boxes) {
    const colour = b.doubtful ? new cv.Scalar(245, 158, 11, 255) : new cv.Scalar(22, 163, 74, 255);
    cv.rectangle(
      out,
      new cv.Point(b.rect.x, b.rect.y),
      new cv.Point(b.rect.x + b.rect.w - 1, b.rect.y + b.rect.h - 1),
      colour,
      thickness,
    );
    const text = label(b);
    const y = b.rect.y > 14 * fontScale ? b.rect.y - 4 : b.rect.y + b.rect.h + 14 * fontScale;
    cv.putText(
      out,
      text,
      new cv.Point(b.rect.x, Math.round(y)),
      cv.FONT_HERSHEY_SIMPLEX,
      fontScale,
      colour,
      thickness,
    );
  }
  return out;
}
