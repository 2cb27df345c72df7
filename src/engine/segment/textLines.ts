/**
 * Groups digit boxes into text lines and orders them: lines top to bottom, digits left to
 * right. Boxes are visited left to right and each joins the line whose most recent box is
 * closest vertically (and overlaps it vertically), so slightly slanted lines stay whole -
 * unlike sorting everything by x, which interleaves the lines.
 */
import { overlap1d, type Rect } from './geometry';

interface LineBuild<T> {
  items: T[];
  lastCy: number;
  lastH: number;
  sumCy: number;
}

export function groupLines<T extends Rect>(boxes: T[]): T[][] {
  const byX = [...boxes].sort((a, b) => a.x + a.w / 2 - (b.x + b.w / 2));
  const lines: LineBuild<T>[] = [];
  for (const box of byX) {
    const cy = box.y + box.h / 2;
    let best: LineBuild<T> | null = null;
    let bestDist = Infinity;
    for (const line of lines) {
      const dist = Math.abs(cy - line.lastCy);
      const top = line.lastCy - line.lastH / 2;
      const ov = overlap1d(box.y, box.y + box.h, top, top + line.lastH);
      const limit = 0.6 * Math.max(box.h, line.lastH);
      if (dist <= limit && ov > 0.2 * Math.min(box.h, line.lastH) && dist < bestDist) {
        best = line;
        bestDist = dist;
      }
    }
    if (best) {
      best.items.push(box);
      // Follow the line's slope, but let small pieces (a "-", a dot) not redefine its height.
      if (box.h >= 0.5 * best.lastH) {
        best.lastCy = cy;
        best.lastH = box.h;
      }
      best.sumCy += cy;
    } else {
      lines.push({ items: [box], lastCy: cy, lastH: box.h, sumCy: cy });
    }
  }
  return lines
    .sort((a, b) => a.sumCy / a.items.length - b.sumCy / b.items.length)
    .map((l) => l.items);
}
