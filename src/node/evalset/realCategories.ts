/**
 * Evaluation categories of real handwriting (not made by us): UNIPEN numbers and isolated digits
 * of the validation writers, drawn on the pad. Present only where ../shared/data is.
 */
import type { RgbaImage } from '../../engine/types';
import { createRng } from './prng';
import { isValidationWriter, loadPenSamples, renderOnPad, type PenSample } from './unipen';

export const REAL_CATEGORIES = ['unipen-numbers', 'unipen-digits'] as const;
export type RealCategory = (typeof REAL_CATEGORIES)[number];

export interface RealSample {
  category: RealCategory;
  image: RgbaImage;
  text: string;
  writer: string;
}

/** Each validation number is drawn this many times (sizes and places differ). */
export const NUMBER_RENDERS = 3;

export interface RealSet {
  count: number;
  sample(i: number): RealSample;
}

export function realSet(
  category: RealCategory,
  seed: number,
  writers: 'validation' | 'all' = 'validation',
): RealSet | null {
  const file = category === 'unipen-numbers' ? 'digit_strings.json' : 'digits.json';
  const all = loadPenSamples(file);
  if (!all) return null;
  const pool: PenSample[] =
    writers === 'all' ? all : all.filter((s) => isValidationWriter(s.writer));
  const renders = category === 'unipen-numbers' ? NUMBER_RENDERS : 1;
  return {
    count: pool.length * renders,
    sample(i) {
      const s = pool[Math.floor(i / renders)]!;
      const rng = createRng((seed * 7919 + i) >>> 0);
      return { category, image: renderOnPad(s, rng), text: s.label, writer: s.writer };
    },
  };
}
