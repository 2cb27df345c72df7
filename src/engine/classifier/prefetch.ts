import * as tf from '@tensorflow/tfjs';

/**
 * Starts reading a model's files now and hands them over when the loader asks. Fetching needs no
 * tfjs backend, only building the tensors does, so the download overlaps backend set-up.
 */
export function prefetched(source: string | tf.io.IOHandler): string | tf.io.IOHandler {
  const handler = typeof source === 'string' ? tf.io.getLoadHandlers(source)[0] : source;
  if (!handler?.load) return source;
  const artifacts = handler.load();
  // A failed fetch is reported by the loader that awaits it, not as an unhandled rejection.
  artifacts.catch(() => undefined);
  return { load: () => artifacts };
}
