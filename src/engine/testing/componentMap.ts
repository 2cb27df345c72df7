/**
 * A ComponentMap for unit tests from hand-made label and ink arrays: the whole map is the image
 * (no offset), its ink fraction counted from the ink.
 */
import type { ComponentMap } from '../segment/components';
import type { Blob } from '../segment/geometry';

export function componentMap(parts: {
  width: number;
  height: number;
  labels: Int32Array;
  ink: Uint8Array;
  blobs: Blob[];
  levels?: Uint8Array | null;
}): ComponentMap {
  const { width, height, labels, ink, blobs } = parts;
  let inked = 0;
  for (const v of ink) if (v > 0) inked++;
  return {
    width,
    height,
    offsetX: 0,
    offsetY: 0,
    imageWidth: width,
    imageHeight: height,
    labels,
    ink,
    levels: parts.levels ?? null,
    blobs,
    inkFraction: inked / (width * height),
  };
}
