/**
 * Merges the fragments of one digit: a 5 whose top bar is detached, a 4 or 7 written in two
 * strokes, a thin-pen stroke broken by the threshold. Two blobs merge only while the union is
 * still digit-shaped (not taller than a digit, not much wider than one), so neighbouring digits
 * that almost touch - side by side, with little overlap in x - stay apart, and digits from two
 * text lines (union twice as tall) never merge. The closest qualifying pair merges first.
 */
import { mergeBlobs, overlap1d, referenceHeight, union, type Blob } from './geometry';

export interface MergeTuning {
  /** Union taller than this many reference heights is two lines, not one digit. */
  maxUnionHeight: number;
  /** No union wider than this (in reference heights), bars aside. */
  maxUnionWidth: number;
  /** Stacked pieces (x overlap >= half the narrower) merge across a vertical gap up to this. */
  maxStackGap: number;
  /** Side-by-side interleaved pieces merge while the union is narrower than this. */
  maxInterleavedWidth: number;
  /** A piece smaller than this (longer side, in reference heights) is a fragment. */
  fragmentSize: number;
  /** A fragment joins its nearest neighbour within this distance. */
  fragmentReach: number;
  /** A piece flatter than this (height, in reference heights) is a bar (5, 7, 4). */
  barHeight: number;
  /** A bar joins a digit within this horizontal gap. */
  barReach: number;
  /** Stacked halves merge when the union is no taller than this times its width... */
  halvesAspect: number;
  /** ...and they touch or nearly do (vertical gap, as a fraction of the union's height). */
  halvesGap: number;
}

export const MERGE_TUNING: MergeTuning = {
  maxUnionHeight: 1.35,
  maxUnionWidth: 1.1,
  maxStackGap: 0.3,
  maxInterleavedWidth: 0.9,
  fragmentSize: 0.5,
  fragmentReach: 0.2,
  barHeight: 0.4,
  barReach: 0.2,
  halvesAspect: 1.2,
  halvesGap: 0.1,
};

function contains(a: Blob, b: Blob): boolean {
  return a.x <= b.x && a.y <= b.y && a.x + a.w >= b.x + b.w && a.y + a.h >= b.y + b.h;
}

/** Distance at which a and b may merge, or null when they must stay apart. */
export function mergeDistance(a: Blob, b: Blob, refH: number, t = MERGE_TUNING): number | null {
  const u = union(a, b);
  const xOverlap = overlap1d(a.x, a.x + a.w, b.x, b.x + b.w);
  const gx = Math.max(0, -xOverlap);
  const gy = Math.max(0, -overlap1d(a.y, a.y + a.h, b.y, b.y + b.h));
  const dist = Math.hypot(gx, gy);
  // A bar (the top of a 5 or 7, never a digit by itself) joins the digit next to it; the union
  // is judged against that digit's own height, since one tall digit may be all there is.
  const isBar = (q: Blob): boolean => q.h < t.barHeight * refH && q.w >= q.h;
  if (isBar(a) !== isBar(b) && gx <= t.barReach * refH && gy <= t.maxStackGap * refH) {
    const body = isBar(a) ? b : a;
    if (u.h <= 1.5 * body.h && u.w <= 1.6 * body.h) return dist;
  }
  const narrower = Math.max(1, Math.min(a.w, b.w));
  // Stacked pieces (the halves of a 3, a loop over a stem) may make a wide digit.
  const stacked = contains(a, b) || contains(b, a) || xOverlap >= 0.5 * narrower;
  // The two halves of one digit broken across its middle (a 3 whose thin joint the threshold
  // lost), alone on a canvas, set the reference height themselves, so the union looks two lines
  // tall. Its shape tells: two stacked digits are over twice as tall as wide, these halves not.
  if (
    stacked &&
    gy <= t.halvesGap * u.h &&
    u.h <= t.halvesAspect * u.w &&
    u.h <= 2 * t.maxUnionHeight * refH
  ) {
    return dist;
  }
  if (u.h > t.maxUnionHeight * refH) return null;
  if (stacked && u.w <= 1.25 * refH && gy <= t.maxStackGap * refH) return dist;
  if (u.w > t.maxUnionWidth * refH) return null;
  if (xOverlap >= 0.25 * narrower && gy === 0 && u.w <= t.maxInterleavedWidth * refH) return dist;
  // Pieces that abut side by side (a stroke broken right at a crossing) while the union is no
  // wider than a digit; two digits that close would have touched anyway.
  if (gx <= Math.max(1, 0.03 * refH) && gy === 0 && u.w <= 0.75 * refH) return dist;
  const small = (q: Blob): boolean => Math.max(q.w, q.h) < t.fragmentSize * refH;
  if ((small(a) || small(b)) && dist <= t.fragmentReach * refH) {
    if (u.w <= t.maxInterleavedWidth * refH) return dist;
  }
  return null;
}

export function shouldMerge(a: Blob, b: Blob, refH: number, t = MERGE_TUNING): boolean {
  return mergeDistance(a, b, refH, t) !== null;
}

/**
 * Repeatedly merges the closest mergeable pair. Blobs are kept sorted by x so that only
 * neighbours within the maximum union width are compared.
 */
export function mergeFragments(blobs: Blob[], refH = referenceHeight(blobs)): Blob[] {
  const out = [...blobs].sort((a, b) => a.x - b.x);
  if (refH <= 0) return out;
  const reach = MERGE_TUNING.maxUnionWidth * refH;
  for (;;) {
    let best: [number, number] | null = null;
    let bestDist = Infinity;
    for (let i = 0; i < out.length; i++) {
      const a = out[i]!;
      for (let j = i + 1; j < out.length && out[j]!.x <= a.x + reach; j++) {
        const d = mergeDistance(a, out[j]!, refH);
        if (d !== null && d < bestDist) {
          bestDist = d;
          best = [i, j];
        }
      }
    }
    if (!best) return out;
    const [i, j] = best;
    const merged = mergeBlobs(out[i]!, out[j]!);
    out.splice(j, 1);
    out.splice(i, 1);
    let k = 0;
    while (k < out.length && out[k]!.x < merged.x) k++;
    out.splice(k, 0, merged);
  }
}
