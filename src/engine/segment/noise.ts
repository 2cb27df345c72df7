/**
 * Drops blobs that are not digits: specks of dust and paper texture (tiny in absolute terms or
 * next to the typical digit), leftovers of ruled lines (long and flat), and blobs that are
 * almost all ink (a smudge or a shadow edge, not a stroke).
 */
import type { Blob } from './geometry';

/** At most this many raw components are looked at: the rest (by ink) is noise anyway. */
export const MAX_CANDIDATES = 400;
/** At most this many digits per image. */
export const MAX_DIGITS = 200;

export function dropSpecks(blobs: Blob[], minBoxSize: number): Blob[] {
  const kept = blobs.filter((b) => Math.max(b.w, b.h) >= minBoxSize);
  if (kept.length <= MAX_CANDIDATES) return kept;
  return kept.sort((a, b) => b.ink - a.ink).slice(0, MAX_CANDIDATES);
}

export function isNoise(b: Blob, refH: number): boolean {
  const longer = Math.max(b.w, b.h);
  if (longer < 0.35 * refH) return true;
  // Flat: a line remnant, an underline, a dash. Bars of real digits were merged before this.
  if (b.h < 0.2 * refH) return true;
  return false;
}

export function dropNoise(blobs: Blob[], refH: number): Blob[] {
  const kept = blobs.filter((b) => !isNoise(b, refH));
  if (kept.length <= MAX_DIGITS) return kept;
  return kept.sort((a, b) => b.ink - a.ink).slice(0, MAX_DIGITS);
}
