/** Checks personal samples at the engine's edge: they come from storage and imported files. */
import { EngineError } from '../errors';
import { MNIST_SIZE } from '../normalize';
import type { PersonalSample } from '../types';

const PIXELS = MNIST_SIZE * MNIST_SIZE;

/** At most this many samples are used (the newest ones: callers pass oldest first). */
export const MAX_PERSONAL_SAMPLES = 2000;

export function isValidSample(s: PersonalSample): boolean {
  return (
    Number.isInteger(s.label) &&
    s.label >= 0 &&
    s.label <= 9 &&
    s.crop28 instanceof Float32Array &&
    s.crop28.length === PIXELS &&
    s.crop28.every((v) => Number.isFinite(v))
  );
}

/** The samples to use; throws a typed error when any is malformed. */
export function checkSamples(samples: readonly PersonalSample[]): PersonalSample[] {
  const bad = samples.findIndex((s) => !isValidSample(s));
  if (bad >= 0) {
    throw new EngineError(
      'invalid-samples',
      `Personal sample ${bad} is not a 28x28 crop with a label 0-9`,
    );
  }
  return samples.slice(-MAX_PERSONAL_SAMPLES);
}
