/**
 * Groups digit boxes into text lines and orders them: lines top to bottom, digits left to
 * right. Boxes are visited left to right and each joins the line whose most recent box is
 * closest vertically (and overlaps it vertically), so slightly slanted lines stay whole -
 * unlike sorting everything by x, which interleaves the lines.
 */
import { overlap1d, type Rect } from './geometry';

export const LINE_GROUPING = {
  /** A box joins a line whose last box's centre is within this share of the taller one's height... */
  maxCentreShift: 0.6,
  /** ...and overlaps that box vertically by more than this share of the shorter one's height. */
  minOverlap: 0.2,
  /** A box this share of the line's height or more sets the line's course; smaller ones (a "-"). */
  courseHeight: 0.5,
} as const;

/** A line being built: its boxes and where it runs now (the last box that set its course). */
export interface LineBuild<T> {
  items: T[];
  lastCy: number;
  lastH: number;
  sumCy: number;
}

/** How far the box is from where the line runs now, or null when it is not on the line. */
export function lineDistance(
  box: Rect,
  line: LineBuild<unknown>,
  t = LINE_GROUPING,
): number | null {
  const cy = box.y + box.h / 2;
  const dist = Math.abs(cy - line.lastCy);
  const top = line.lastCy - line.lastH / 2;
  const ov = overlap1d(box.y, box.y + box.h, top, top + line.lastH);
  if (dist > t.maxCentreShift * Math.max(box.h, line.lastH)) return null;
  return ov > t.minOverlap * Math.min(box.h, line.lastH) ? dist : null;
}

export function groupLines<T extends Rect>(boxes: T[]): T[][] {
  const byX = [...boxes].sort((a, b) => a.x + a.w / 2 - (b.x + b.w / 2));
  const lines: LineBuild<T>[] = [];
  for (const box of byX) {
    const cy = box.y + box.h / 2;
    let best: LineBuild<T> | null = null;
    let bestDist = Infinity;
    for (const line of lines) {
      const dist = lineDistance(box, line);
      if (dist !== null && dist < bestDist) {
        best = line;
        bestDist = dist;
      }
    }
    if (best) {
      best.items.push(box);
      // Follow the line's slope, but let small pieces (a "-", a dot) not redefine its height.
      if (box.h >= LINE_GROUPING.courseHeight * best.lastH) {
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
