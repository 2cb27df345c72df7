/**
 * Merges the fragments of one digit: a 5 whose top bar is detached, a 4 or 7 written in two
 * strokes, a thin-pen stroke broken by the threshold. Two blobs merge only while the union is
 * still digit-shaped (not taller than a digit, not wider than one), so neighbouring digits that
 * almost touch - side by side, with little overlap in x - stay apart, and digits from two text
 * lines (union twice as tall) never merge.
 */
import { mergeBlobs, overlap1d, referenceHeight, union, type Blob } from './geometry';

export interface MergeTuning {
  /** Union taller than this many reference heights is two lines, not one digit. */
  maxUnionHeight: number;
  /** Stacked pieces (x overlap >= half the narrower) merge across a vertical gap up to this. */
  maxStackGap: number;
  /** Side-by-side interleaved pieces merge while the union is narrower than this. */
  maxInterleavedWidth: number;
  /** A piece smaller than this (longer side, in reference heights) is a fragment. */
  fragmentSize: number;
  /** A fragment joins its nearest neighbour within this distance. */
  fragmentReach: number;
}

export const MERGE_TUNING: MergeTuning = {
  maxUnionHeight: 1.35,
  maxStackGap: 0.3,
  maxInterleavedWidth: 0.9,
  fragmentSize: 0.45,
  fragmentReach: 0.12,
};

function gap(a: Blob, b: Blob): { gx: number; gy: number } {
  return {
    gx: Math.max(0, -overlap1d(a.x, a.x + a.w, b.x, b.x + b.w)),
    gy: Math.max(0, -overlap1d(a.y, a.y + a.h, b.y, b.y + b.h)),
  };
}

export function shouldMerge(a: Blob, b: Blob, refH: number, t = MERGE_TUNING): boolean {
  const u = union(a, b);
  if (u.h > t.maxUnionHeight * refH || u.w > 1.1 * refH) return false;
  const xOverlap = overlap1d(a.x, a.x + a.w, b.x, b.x + b.w);
  const narrower = Math.max(1, Math.min(a.w, b.w));
  const { gx, gy } = gap(a, b);
  const contained =
    (a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h) ||
    (b.x >= a.x && b.y >= a.y && b.x + b.w <= a.x + a.w && b.y + b.h <= a.y + a.h);
  if (contained) return true;
  if (xOverlap >= 0.5 * narrower && gy <= t.maxStackGap * refH) return true;
  if (xOverlap >= 0.25 * narrower && gy === 0 && u.w <= t.maxInterleavedWidth * refH) return true;
  const small = (q: Blob): boolean => Math.max(q.w, q.h) < t.fragmentSize * refH;
  if ((small(a) || small(b)) && Math.hypot(gx, gy) <= t.fragmentReach * refH) {
    return u.w <= t.maxInterleavedWidth * refH;
  }
  return false;
}

/** Greedy pairwise merging until nothing changes; O(n^2) per pass, n is capped upstream. */
export function mergeFragments(blobs: Blob[], refH = referenceHeight(blobs)): Blob[] {
  const out = [...blobs];
  if (refH <= 0) return out;
  let changed = true;
  while (changed) {
    changed = false;
    outer: for (let i = 0; i < out.length; i++) {
      for (let j = i + 1; j < out.length; j++) {
        if (shouldMerge(out[i]!, out[j]!, refH)) {
          out[i] = mergeBlobs(out[i]!, out[j]!);
          out.splice(j, 1);
          changed = true;
          break outer;
        }
      }
    }
  }
  return out;
}
