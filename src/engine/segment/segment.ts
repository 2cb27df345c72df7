/**
 * Blobs of the dilated mask -> digit crops grouped in text lines, reading order.
 * Pure geometry after findComponents: specks, merging fragments, noise, lines, crops.
 */
import { dropBrokenRules } from './brokenRule';
import type { ComponentMap } from './components';
import { cropBlob, type DigitCrop } from './crops';
import { mergeBlobs, referenceHeight, type Blob, type Rect } from './geometry';
import { mergeFragments } from './merge';
import {
  dropFaint,
  dropFrameEdges,
  touchesFrame,
  dropNoise,
  dropRules,
  dropSpecks,
  isNoise,
} from './noise';
import { splitWide } from './split';
import { groupLines } from './textLines';

/** More ink than this fraction of the image is not handwriting on paper (noise, a photo). */
export const MAX_INK_FRACTION = 0.4;

export interface SegmentedDigit {
  blob: Blob;
  crop: DigitCrop;
  /**
   * The crop's box in the input's working image, set by the pipeline (the crop itself may be cut
   * from a rectified page or a zoomed region).
   */
  box?: Rect;
}

export interface Segmentation {
  lines: SegmentedDigit[][];
  /**
   * When the image yields exactly two digits (side by side or one over the other): the two as
   * one crop, for the pair check to say whether they are one digit after all (a wide 0 cut in
   * two, a 4 in two strokes, a 5 whose bar floats above it).
   */
  pairAsOne: SegmentedDigit | null;
  /** Typical digit height in working pixels (0 when nothing was found). */
  referenceHeight: number;
  /**
   * Ink too small or flat to be a digit (dots, dashes, a comma), which the line reader may read
   * as a separator between the digits of a line; not read on their own.
   */
  marks: SegmentedDigit[];
}

/** At most this many marks are kept (the largest first): a page of specks is not a line. */
export const MAX_MARKS = 64;

export function segmentDigits(map: ComponentMap, minBoxSize: number): Segmentation {
  if (map.inkFraction > MAX_INK_FRACTION)
    return { lines: [], pairAsOne: null, referenceHeight: 0, marks: [] };
  const raw = dropRules(dropSpecks(map.blobs, minBoxSize), map.imageWidth, map.imageHeight);
  const inner = raw.filter((b) => !touchesFrame(b, map));
  const candidates = dropFrameEdges(raw, referenceHeight(inner.length ? inner : raw), map);
  const merged = mergeFragments(candidates, referenceHeight(candidates));
  const refH = referenceHeight(merged);
  const ruled = dropBrokenRules(merged, refH, map.imageHeight);
  const digits = dropFaint(dropNoise(ruled, refH), refH, map).flatMap((b) =>
    splitWide(map, b, refH),
  );
  const lines = groupLines(digits)
    .map((line) =>
      line.map((blob) => ({ blob, crop: cropIn(map, blob) })).filter((d) => d.crop.pixels.length),
    )
    .filter((l) => l.length > 0);
  const all = lines.flat();
  const whole = all.length === 2 ? pairUnion(all[0]!.blob, all[1]!.blob) : null;
  const marks = ruled
    .filter((b) => isNoise(b, refH))
    .sort((a, b) => b.ink - a.ink)
    .slice(0, MAX_MARKS)
    .map((blob) => ({ blob, crop: cropIn(map, blob) }))
    .filter((d) => d.crop.pixels.length);
  return {
    lines,
    pairAsOne: whole ? { blob: whole, crop: cropIn(map, whole) } : null,
    referenceHeight: refH,
    marks,
  };
}

/** Crops are cut in region coordinates, then moved to working-image coordinates. */
function cropIn(map: ComponentMap, blob: Blob): DigitCrop {
  const crop = cropBlob(map, blob);
  crop.rect.x += map.offsetX;
  crop.rect.y += map.offsetY;
  return crop;
}

/** Two digits as one blob: the blob they were split from, or the two merged. */
export function pairUnion(a: Blob, b: Blob): Blob {
  const merged = mergeBlobs(a, b);
  if (a.clip && b.clip)
    merged.clip = { x0: Math.min(a.clip.x0, b.clip.x0), x1: Math.max(a.clip.x1, b.clip.x1) };
  return merged;
}
