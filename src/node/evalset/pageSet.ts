/**
 * The page-scene categories of the accuracy benchmark (issue 15), beside the MNIST-line ones of
 * generate.ts: deterministic per (seed, category, index), MNIST test digits split by seed as
 * there (the held-out seed draws only from the second half of the test split).
 */
import { digitSource, jpegRoundTrip } from './generate';
import { renderNegative } from './negatives';
import {
  renderA4Scan,
  renderDesk,
  renderShowThrough,
  renderTightCrop,
  renderTinyRuled,
  type SceneSample,
} from './pageScenes';
import { createRng } from './prng';

export const PAGE_CATEGORIES = [
  'desk',
  'a4scan',
  'showthrough',
  'tinyruled',
  'tightcrop',
  'negative',
] as const;
export type PageCategory = (typeof PAGE_CATEGORIES)[number];
/** The real photos and scans (not generated; skipped when the folder is absent). */
export const REAL_CATEGORY = 'real';

export function isPageCategory(name: string): name is PageCategory {
  return (PAGE_CATEGORIES as readonly string[]).includes(name);
}

function sceneSeed(seed: number, category: string, index: number): number {
  let h = (seed ^ 0x5bd1e995) >>> 0;
  for (const ch of `page:${category}:${index}`)
    h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export function generatePageSample(
  seed: number,
  category: PageCategory,
  index: number,
): SceneSample {
  const rng = createRng(sceneSeed(seed, category, index));
  const source = digitSource(seed);
  switch (category) {
    case 'desk':
      return renderDesk(rng, source, jpegRoundTrip);
    case 'a4scan':
      return renderA4Scan(rng, source);
    case 'showthrough':
      return renderShowThrough(rng, source, jpegRoundTrip);
    case 'tinyruled':
      return renderTinyRuled(rng, source, jpegRoundTrip);
    case 'tightcrop':
      return renderTightCrop(rng, source);
    case 'negative':
      return renderNegative(rng, jpegRoundTrip);
  }
}
