/**
 * The evaluation set: deterministic per (seed, category, index), from the MNIST TEST split only.
 * The held-out seed draws digits from the second half of the test split, every other seed (the
 * dev seed included) from the first half, so tuning never sees a held-out digit.
 */
import { loadMnist, type MnistSplit } from '../mnist';
import { decodeImage, encodeJpeg } from '../imageio';
import {
  renderCanvas,
  renderClean,
  renderDark,
  renderMultiline,
  renderPhoto,
  renderRuled,
  renderTouching,
} from './compose';
import {
  CATEGORIES,
  type Category,
  type DigitSource,
  type EvalSample,
  type JpegRoundTrip,
} from './evalSample';
import { createRng } from './prng';

export { CATEGORIES, type Category, type EvalSample };

/** Never tune on this one. */
export const HELD_OUT_SEED = 20261121;
export const DEV_SEED = 7;

let mnistCache: MnistSplit | null = null;
function mnistTest(): MnistSplit {
  mnistCache ??= loadMnist('test');
  return mnistCache;
}

export function digitSource(seed: number, mnist = mnistTest()): DigitSource {
  const half = Math.floor(mnist.count / 2);
  // Only the held-out seed may draw from the second half.
  const [from, to] = seed === HELD_OUT_SEED ? [half, mnist.count] : [0, half];
  return {
    draw(rng) {
      const i = from + Math.floor(rng.next() * (to - from));
      return { pixels: mnist.images.subarray(i * 784, i * 784 + 784), label: mnist.labels[i]! };
    },
  };
}

export const jpegRoundTrip: JpegRoundTrip = (image, quality) =>
  decodeImage(encodeJpeg(image, quality));

function categorySeed(seed: number, category: Category, index: number): number {
  let h = seed >>> 0;
  for (const ch of `${category}:${index}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return h;
}

export function generateSample(seed: number, category: Category, index: number): EvalSample {
  const rng = createRng(categorySeed(seed, category, index));
  const source = digitSource(seed);
  switch (category) {
    case 'clean':
      return renderClean(rng, source);
    case 'photo':
      return renderPhoto(rng, source, jpegRoundTrip);
    case 'ruled':
      return renderRuled(rng, source, jpegRoundTrip);
    case 'multiline':
      return renderMultiline(rng, source);
    case 'canvas':
      return renderCanvas(rng, source);
    case 'dark':
      return renderDark(rng, source);
    case 'touching':
      return renderTouching(rng, source);
  }
}

export function* generateSet(
  seed: number,
  perCategory: number,
  categories: readonly Category[] = CATEGORIES,
): Generator<EvalSample & { index: number }> {
  for (const category of categories) {
    for (let i = 0; i < perCategory; i++) yield { ...generateSample(seed, category, i), index: i };
  }
}
