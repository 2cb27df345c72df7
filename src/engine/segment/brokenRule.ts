/**
 * A faint margin line thresholds into a column of broken, sparse pieces, each too short to be a
 * rule on its own and tall enough to pass for a "1". Pieces stacked at one x whose ink is a
 * hairline next to the digits' size, together running down most of the image, are that line
 * and are dropped. A column of real 1s (every row of a page starting with one) has pen-wide ink
 * and stays.
 */
import type { Blob } from './geometry';

export const BROKEN_RULE_TUNING = {
  /** Every piece has less ink per unit of its longer side than this share of the reference
   * height (a dotted margin: 0.01; a pen "1": 0.09 on dev tinyruled)... */
  maxInkPerLength: 0.03,
  /** ...their centres within this share of it across... */
  maxSpread: 0.2,
  /** ...at least this many of them... */
  minPieces: 2,
  /** ...from the first's top to the last's bottom at least this share of the image's height. */
  minSpan: 0.5,
} as const;

export function dropBrokenRules(blobs: Blob[], refH: number, imageHeight: number): Blob[] {
  if (refH <= 0) return blobs;
  const t = BROKEN_RULE_TUNING;
  const cx = (b: Blob): number => b.x + b.w / 2;
  const pieces = blobs
    .filter((b) => b.ink / Math.max(1, b.w, b.h) < t.maxInkPerLength * refH)
    .sort((a, b) => cx(a) - cx(b));
  const dropped = new Set<Blob>();
  for (let i = 0; i < pieces.length; i++) {
    let j = i;
    while (j + 1 < pieces.length && cx(pieces[j + 1]!) - cx(pieces[i]!) <= t.maxSpread * refH) j++;
    const column = pieces.slice(i, j + 1);
    if (column.length < t.minPieces) continue;
    const top = Math.min(...column.map((b) => b.y));
    const bottom = Math.max(...column.map((b) => b.y + b.h));
    if (bottom - top >= t.minSpan * imageHeight) for (const b of column) dropped.add(b);
  }
  return dropped.size ? blobs.filter((b) => !dropped.has(b)) : blobs;
}
