/**
 * Where each accuracy-benchmark category's images come from: the MNIST-line renderers
 * (generate.ts), the page scenes (pageSet.ts), the real photos folder (realPhotos.ts), UNIPEN
 * (realCategories.ts) or the not-a-digit ink of issue 14 (nonDigitCategories.ts).
 */
import type { InkBox } from '../../engine/testing/raster';
import type { RgbaImage } from '../../engine/types';
import { CATEGORIES, generateSample, type Category } from './generate';
import { PAGE_CATEGORIES, REAL_CATEGORY, generatePageSample, isPageCategory } from './pageSet';
import { listRealPhotos, readRealPhoto, REAL_PHOTOS_DIR } from './realPhotos';
import { REAL_CATEGORIES, realSet, type RealCategory } from './realCategories';
import { NONDIGIT_CATEGORIES, inkSet, type NonDigitCategory } from './nonDigitCategories';

export const ALL_CATEGORIES: readonly string[] = [
  ...CATEGORIES,
  ...PAGE_CATEGORIES,
  REAL_CATEGORY,
  ...REAL_CATEGORIES,
  ...NONDIGIT_CATEGORIES,
];

/**
 * Categories whose images hold no digit: only confident digits count as read, so the score is
 * the share of images with no confident digit.
 */
export const EMPTY_CATEGORIES: readonly string[] = ['negative', 'nondigit'];

export interface BenchSample {
  name: string;
  image: RgbaImage;
  text: string;
  boxes: InkBox[];
}

export type SampleStream = { samples: Iterable<BenchSample> } | { skipped: string };

export function sampleStream(category: string, seed: number, n: number): SampleStream {
  if (category === REAL_CATEGORY) {
    const listed = listRealPhotos();
    if ('missing' in listed) {
      return { skipped: `real photos skipped: ${listed.missing} (set REAL_PHOTOS_DIR)` };
    }
    return {
      samples: (function* () {
        for (const [name, text] of listed.names) {
          const s = readRealPhoto(name, text, REAL_PHOTOS_DIR);
          yield { name, image: s.image, text, boxes: [] };
        }
      })(),
    };
  }
  if ((REAL_CATEGORIES as readonly string[]).includes(category)) {
    const set = realSet(category as RealCategory, seed);
    if (!set) return { skipped: `${category} skipped: no ../shared/data/unipen` };
    return {
      samples: (function* () {
        for (let i = 0; i < set.count; i++) {
          const s = set.sample(i);
          yield { name: `${category}#${i}`, image: s.image, text: s.text, boxes: [] };
        }
      })(),
    };
  }
  if ((NONDIGIT_CATEGORIES as readonly string[]).includes(category)) {
    const set = inkSet(category as NonDigitCategory, seed);
    if (!set) return { skipped: `${category} skipped: no ../shared/data/unipen (its digits)` };
    return {
      samples: (function* () {
        for (let i = 0; i < n; i++) {
          const s = set.sample(i);
          // The name says what was drawn, so a failure line reads 'separators#3 (Total: 42)'.
          yield {
            name: `${category}#${i} (${s.written})`,
            image: s.image,
            text: s.text,
            boxes: [],
          };
        }
      })(),
    };
  }
  if (isPageCategory(category)) {
    return {
      samples: (function* () {
        for (let i = 0; i < n; i++) {
          const s = generatePageSample(seed, category, i);
          yield { name: `${category}#${i}`, image: s.image, text: s.text, boxes: s.boxes.flat() };
        }
      })(),
    };
  }
  if ((CATEGORIES as readonly string[]).includes(category)) {
    return {
      samples: (function* () {
        for (let i = 0; i < n; i++) {
          const s = generateSample(seed, category as Category, i);
          yield { name: `${category}#${i}`, image: s.image, text: s.text, boxes: s.boxes.flat() };
        }
      })(),
    };
  }
  return { skipped: `unknown category "${category}" (known: ${ALL_CATEGORIES.join(', ')})` };
}
