/**
 * Merges the fragments of one digit: a 5 whose top bar is detached, a 4 or 7 written in two
 * strokes, a thin-pen stroke broken by the threshold. Two blobs merge only while the union is
 * still digit-shaped (not taller than a digit, not much wider than one), so neighbouring digits
 * that almost touch - side by side, with little overlap in x - stay apart, and digits from two
 * text lines (union twice as tall) never merge. The closest qualifying pair merges first.
 */
import {
  gaps,
  mergeBlobs,
  overlap1d,
  referenceHeight,
  union,
  type Blob,
  type Rect,
} from './geometry';

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
  /** A flat bar left over after merging joins the digit below it within this distance... */
  orphanBarReach: number;
  /** ...while the union is no wider than this many times that digit's height. */
  orphanBarWidth: number;
  /** Stacked halves merge when the union is no taller than this times its width... */
  halvesAspect: number;
  /** ...and they touch or nearly do (vertical gap, as a fraction of the union's height). */
  halvesGap: number;
  /** The halves aspect limit when they are all the image holds (a lone digit on a canvas). */
  loneHalvesAspect: number;
  /** Stacked pieces that are all the image holds, this close (of the union's height), are one. */
  loneStackGap: number;
  /** A bar joins a digit while the union is no taller than this times the digit's height... */
  barUnionHeight: number;
  /** ...and no wider than this times it. */
  barUnionWidth: number;
  /** Pieces are stacked when their x overlap is at least this share of the narrower's width. */
  stackedOverlap: number;
  /** Broken halves are never taller together than this many lines (maxUnionHeight each). */
  halvesMaxLines: number;
  /** Stacked pieces may make a digit this wide (in reference heights): a wide 3, a loop on a stem. */
  maxStackedWidth: number;
  /** Interleaved strokes (a 4 in two strokes) overlap in x by at least this share of the narrower. */
  interleavedOverlap: number;
  /** Abutting pieces are at most this far apart (in reference heights; at least one pixel)... */
  abutGap: number;
  /** ...and their union at most this wide: a stroke broken right at a crossing. */
  abutWidth: number;
  /** A leftover bar is at least this many times as wide as tall. */
  orphanBarAspect: number;
  /** A leftover bar's bottom lies above this share of the digit's height, from its top. */
  orphanBarBottom: number;
  /** A leftover bar and its digit are no taller together than this times the digit's height. */
  orphanBarHeight: number;
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
  orphanBarReach: 0.5,
  orphanBarWidth: 2.3,
  halvesAspect: 1.2,
  loneHalvesAspect: 1.8,
  loneStackGap: 0.03,
  halvesGap: 0.1,
  barUnionHeight: 1.5,
  barUnionWidth: 1.6,
  stackedOverlap: 0.5,
  halvesMaxLines: 2,
  maxStackedWidth: 1.25,
  interleavedOverlap: 0.25,
  abutGap: 0.03,
  abutWidth: 0.75,
  orphanBarAspect: 2,
  orphanBarBottom: 0.5,
  orphanBarHeight: 1.5,
};

function contains(a: Blob, b: Blob): boolean {
  return a.x <= b.x && a.y <= b.y && a.x + a.w >= b.x + b.w && a.y + a.h >= b.y + b.h;
}

/** The top of a 5 or 7, a 4's crossbar: flat and short next to a digit, never a digit alone. */
function isBar(q: Blob, refH: number, t: MergeTuning): boolean {
  return q.h < t.barHeight * refH && q.w >= q.h;
}

function isFragment(q: Blob, refH: number, t: MergeTuning): boolean {
  return Math.max(q.w, q.h) < t.fragmentSize * refH;
}

/** Two pieces side by side with what every rule below looks at. */
export interface PiecePair {
  a: Blob;
  b: Blob;
  union: Rect;
  xOverlap: number;
  /** Gaps between the boxes (0 when they overlap on that axis) and the distance between them. */
  gx: number;
  gy: number;
  dist: number;
  /** Width of the narrower piece (at least 1). */
  narrower: number;
  /** One contains the other, or they overlap in x by stackedOverlap of the narrower. */
  stacked: boolean;
}

export function piecePair(a: Blob, b: Blob, t = MERGE_TUNING): PiecePair {
  const xOverlap = overlap1d(a.x, a.x + a.w, b.x, b.x + b.w);
  const narrower = Math.max(1, Math.min(a.w, b.w));
  const stacked = contains(a, b) || contains(b, a) || xOverlap >= t.stackedOverlap * narrower;
  return { a, b, union: union(a, b), xOverlap, ...gaps(a, b), narrower, stacked };
}

/**
 * A bar (the top of a 5 or 7, never a digit by itself) joins the digit next to it; the union is
 * judged against that digit's own height, since one tall digit may be all there is.
 */
export function joinsBar(p: PiecePair, refH: number, t = MERGE_TUNING): boolean {
  const barA = isBar(p.a, refH, t);
  if (barA === isBar(p.b, refH, t)) return false;
  if (p.gx > t.barReach * refH || p.gy > t.maxStackGap * refH) return false;
  const body = barA ? p.b : p.a;
  return p.union.h <= t.barUnionHeight * body.h && p.union.w <= t.barUnionWidth * body.h;
}

/**
 * The two halves of one digit broken across its middle (a 3 whose thin joint the threshold
 * lost), alone on a canvas, set the reference height themselves, so the union looks two lines
 * tall. Its shape tells: two stacked digits are over twice as tall as wide, these halves not.
 * When the two pieces are all there is, a plain-shaped 3 (taller than wide) qualifies too: in a
 * text of several lines the other digits are there, and a lone pair this close is one digit.
 */
export function joinsHalves(p: PiecePair, refH: number, lone: boolean, t = MERGE_TUNING): boolean {
  const u = p.union;
  return (
    p.stacked &&
    p.gy <= t.halvesGap * u.h &&
    u.h <= (lone ? t.loneHalvesAspect : t.halvesAspect) * u.w &&
    u.h <= t.halvesMaxLines * t.maxUnionHeight * refH
  );
}

/**
 * A lone digit in two stacked pieces that all but touch (a stalk drawn in dots over a 6's loop,
 * a 5's dotted top over its belly) is one digit whatever its shape: two digits written one over
 * the other leave a line's gap between them.
 */
export function joinsLoneStack(p: PiecePair, lone: boolean, t = MERGE_TUNING): boolean {
  return lone && p.stacked && p.gy <= t.loneStackGap * p.union.h;
}

/** Stacked pieces (the halves of a 3, a loop over a stem) may make a wide digit. */
export function joinsStacked(p: PiecePair, refH: number, t = MERGE_TUNING): boolean {
  return p.stacked && p.union.w <= t.maxStackedWidth * refH && p.gy <= t.maxStackGap * refH;
}

/** Strokes side by side that interleave in x (a 4 in two strokes) while the union is narrow. */
export function joinsInterleaved(p: PiecePair, refH: number, t = MERGE_TUNING): boolean {
  return (
    p.xOverlap >= t.interleavedOverlap * p.narrower &&
    p.gy === 0 &&
    p.union.w <= t.maxInterleavedWidth * refH
  );
}

/**
 * Pieces that abut side by side (a stroke broken right at a crossing) while the union is no
 * wider than a digit; two digits that close would have touched anyway.
 */
export function joinsAbutting(p: PiecePair, refH: number, t = MERGE_TUNING): boolean {
  return p.gx <= Math.max(1, t.abutGap * refH) && p.gy === 0 && p.union.w <= t.abutWidth * refH;
}

/** A small broken-off piece joins its neighbour within reach while the union stays narrow. */
export function joinsFragment(p: PiecePair, refH: number, t = MERGE_TUNING): boolean {
  if (!isFragment(p.a, refH, t) && !isFragment(p.b, refH, t)) return false;
  return p.dist <= t.fragmentReach * refH && p.union.w <= t.maxInterleavedWidth * refH;
}

/**
 * Distance at which a and b may merge, or null when they must stay apart. The rules are tried
 * in order; the height and width limits between them bar every later rule.
 */
export function mergeDistance(
  a: Blob,
  b: Blob,
  refH: number,
  t = MERGE_TUNING,
  lone = false,
): number | null {
  const p = piecePair(a, b, t);
  if (joinsBar(p, refH, t) || joinsHalves(p, refH, lone, t) || joinsLoneStack(p, lone, t)) {
    return p.dist;
  }
  if (p.union.h > t.maxUnionHeight * refH) return null;
  if (joinsStacked(p, refH, t)) return p.dist;
  if (p.union.w > t.maxUnionWidth * refH) return null;
  if (joinsInterleaved(p, refH, t) || joinsAbutting(p, refH, t) || joinsFragment(p, refH, t)) {
    return p.dist;
  }
  return null;
}

/**
 * A flat bar still alone after merging (a 5's top stroke drawn well apart from its body) would
 * be read as a digit of its own. It joins the nearest digit whose top half it sits above or
 * beside, within reach; a bar with no such digit stays (dropNoise judges it).
 */
function adoptOrphanBars(blobs: Blob[], refH: number, t: MergeTuning): Blob[] {
  const out = [...blobs];
  for (let i = 0; i < out.length; i++) {
    const bar = out[i]!;
    if (!isBar(bar, refH, t) || bar.w < t.orphanBarAspect * bar.h) continue;
    let best = -1;
    let bestDist = Infinity;
    out.forEach((body, j) => {
      if (j === i || isBar(body, refH, t)) return;
      if (bar.y + bar.h > body.y + t.orphanBarBottom * body.h) return;
      const { dist } = gaps(bar, body);
      const u = union(bar, body);
      if (dist > t.orphanBarReach * body.h || u.h > t.orphanBarHeight * body.h) return;
      if (u.w > t.orphanBarWidth * body.h) return;
      if (dist < bestDist) {
        bestDist = dist;
        best = j;
      }
    });
    if (best < 0) continue;
    out[best] = mergeBlobs(out[best]!, bar);
    out.splice(i, 1);
    i = -1; // indices moved; bars are few
  }
  return out.sort((a, b) => a.x - b.x);
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
    // Two digit-sized pieces (specks and dots aside) are all the image holds: a lone digit.
    const lone = out.filter((q) => !isFragment(q, refH, MERGE_TUNING)).length === 2;
    for (let i = 0; i < out.length; i++) {
      const a = out[i]!;
      for (let j = i + 1; j < out.length && out[j]!.x <= a.x + reach; j++) {
        const d = mergeDistance(a, out[j]!, refH, MERGE_TUNING, lone);
        if (d !== null && d < bestDist) {
          bestDist = d;
          best = [i, j];
        }
      }
    }
    if (!best) return adoptOrphanBars(out, refH, MERGE_TUNING);
    const [i, j] = best;
    const merged = mergeBlobs(out[i]!, out[j]!);
    out.splice(j, 1);
    out.splice(i, 1);
    let k = 0;
    while (k < out.length && out[k]!.x < merged.x) k++;
    out.splice(k, 0, merged);
  }
}
