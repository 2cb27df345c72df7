/**
 * Splits a blob that is too wide to be one digit (two digits written so close that their ink
 * touches) at the column with the least ink near its middle, recursively.
 */
import type { ComponentMap } from './components';
import type { Blob } from './geometry';

/** Wider than this many times max(reference height, own height) = several digits (a 0 is not). */
export const SPLIT_WIDTH = 1.3;

function columnInk(map: ComponentMap, blob: Blob, x0: number, x1: number): number[] {
  const own = new Set(blob.labels);
  const counts: number[] = [];
  for (let x = x0; x < x1; x++) {
    let n = 0;
    for (let y = blob.y; y < blob.y + blob.h; y++) {
      const p = y * map.width + x;
      if (map.ink[p] && own.has(map.labels[p]!)) n++;
    }
    counts.push(n);
  }
  return counts;
}

export function splitWide(map: ComponentMap, blob: Blob, refH: number, depth = 0): Blob[] {
  const x0 = blob.clip?.x0 ?? blob.x;
  const x1 = blob.clip?.x1 ?? blob.x + blob.w;
  const w = x1 - x0;
  if (depth > 4 || refH <= 0 || w <= SPLIT_WIDTH * Math.max(refH, blob.h)) return [blob];
  const counts = columnInk(map, blob, x0, x1);
  // Search the middle 60%, preferring the centre a little on ties.
  let best = -1;
  let bestScore = Infinity;
  for (let i = Math.floor(w * 0.2); i < Math.ceil(w * 0.8); i++) {
    const score = counts[i]! + Math.abs(i - w / 2) / w;
    if (score < bestScore) {
      bestScore = score;
      best = i;
    }
  }
  // Touching digits meet in a thin neck; a thick minimum means one wide digit.
  if (best <= 0 || counts[best]! > 0.4 * Math.max(...counts)) return [blob];
  const cut = x0 + best;
  const part = (a: number, b: number): Blob => ({
    x: a,
    y: blob.y,
    w: b - a,
    h: blob.h,
    ink: blob.ink,
    labels: blob.labels,
    clip: { x0: a, x1: b },
  });
  return [
    ...splitWide(map, part(x0, cut), refH, depth + 1),
    ...splitWide(map, part(cut, x1), refH, depth + 1),
  ];
}
