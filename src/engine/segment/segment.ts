/**
 * Blobs of the dilated mask -> digit crops grouped in text lines, reading order.
 * Pure geometry after findComponents: specks, merging fragments, noise, lines, crops.
 */
import type { ComponentMap } from './components';
import { cropBlob, type DigitCrop } from './crops';
import { referenceHeight, type Blob } from './geometry';
import { mergeFragments } from './merge';
import { dropFaint, dropNoise, dropRules, dropSpecks } from './noise';
import { splitWide } from './split';
import { groupLines } from './textLines';

/** More ink than this fraction of the image is not handwriting on paper (noise, a photo). */
export const MAX_INK_FRACTION = 0.4;

export interface SegmentedDigit {
  blob: Blob;
  crop: DigitCrop;
}

export interface Segmentation {
  lines: SegmentedDigit[][];
  /** Typical digit height in working pixels (0 when nothing was found). */
  referenceHeight: number;
}

export function segmentDigits(map: ComponentMap, minBoxSize: number): Segmentation {
  if (map.inkFraction > MAX_INK_FRACTION) return { lines: [], referenceHeight: 0 };
  const candidates = dropRules(dropSpecks(map.blobs, minBoxSize), map.imageWidth, map.imageHeight);
  const merged = mergeFragments(candidates, referenceHeight(candidates));
  const refH = referenceHeight(merged);
  const digits = dropFaint(dropNoise(merged, refH), refH, map).flatMap((b) =>
    splitWide(map, b, refH),
  );
  // Crops are cut in region coordinates, then moved to working-image coordinates.
  const lines = groupLines(digits).map((line) =>
    line
      .map((blob) => {
        const crop = cropBlob(map, blob);
        crop.rect.x += map.offsetX;
        crop.rect.y += map.offsetY;
        return { blob, crop };
      })
      .filter((d) => d.crop.pixels.length > 0),
  );
  return { lines: lines.filter((l) => l.length > 0), referenceHeight: refH };
}
